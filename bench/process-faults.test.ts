import { describe, expect, it } from 'vitest'
import { labelOf, parseStat } from './process-faults'

describe('process-faults', () => {
  it('reads faults and CPU after a command name with spaces and parentheses', () => {
    // Fields: pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime …
    const line = '4242 (Web Content (x)) S 17 4242 4242 0 -1 4194560 1234 0 5 0 30 12 0 0 20 0 9 0'
    expect(parseStat(4242, line)).toEqual({ pid: 4242, ppid: 17, minflt: 1234, cpuMs: 420 })
  })

  it("names Chromium's processes from NUL-separated and space-joined command lines", () => {
    expect(labelOf('/usr/lib/chromium/chromium\0--headless\0--no-sandbox\0')).toBe('browser')
    expect(labelOf('/usr/lib/chromium/chromium --type=renderer --no-sandbox')).toBe('renderer')
    expect(
      labelOf('/usr/lib/chromium/chromium --type=utility --utility-sub-type=network.mojom.NetworkService'),
    ).toBe('utility:NetworkService')
    expect(labelOf('/usr/lib/chromium/chrome_crashpad_handler\0--monitor-self\0')).toBe('crashpad')
    expect(labelOf('/usr/bin/node\0out/web/index.js\0')).toBe('process')
  })
})
