import { describe, expect, it } from 'vitest'
import { labelOf, mediansByKind, parseStat } from './process-faults'

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

  it('sums a run’s processes of one kind, then takes medians over runs, most CPU first', () => {
    const p = (label: string, faults: number, cpuMs: number) => ({ tree: 'bench', label, faults, cpuMs })
    const runs = [
      [p('renderer', 256, 100), p('renderer', 256, 100), p('gpu-process', 0, 10)],
      [p('renderer', 512, 300), p('gpu-process', 0, 30)],
      [p('renderer', 1024, 500), p('gpu-process', 0, 20)],
    ]
    const lines = mediansByKind(runs, (x) => x.label)
    expect(lines).toHaveLength(2)
    expect(lines[0]).toMatch(/^ {2}renderer +512 faults \(2\.0 MB\) +300 ms CPU$/)
    expect(lines[1]).toMatch(/^ {2}gpu-process +0 faults \(0\.0 MB\) +20 ms CPU$/)
  })
})
