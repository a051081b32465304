import { describe, expect, it } from 'vitest'
import { LINE_PERIOD_MS, linePeriodOf, linesBetween, nextLineAt } from './log-lines'

const start = Date.parse('2026-01-01T00:00:00Z')
const nginx = { seed: 'uid/web/0', image: 'nginx:1.27', container: 'web', startedAt: start }

describe('log lines', () => {
  it('are deterministic and nginx-like for nginx images', () => {
    const a = linesBetween(nginx, -Infinity, start + 10 * LINE_PERIOD_MS)
    const b = linesBetween(nginx, -Infinity, start + 10 * LINE_PERIOD_MS)
    expect(a).toEqual(b)
    expect(a[0]?.text).toContain('/docker-entrypoint.sh')
    expect(a.at(-1)?.text).toMatch(/^10\.244\.0\.\d+ - - \[01\/Jan\/2026:00:00:10 \+0000\] "GET /)
  })

  it('honours tail and since without generating the whole history', () => {
    const day = start + 86_400_000
    const tail = linesBetween(nginx, -Infinity, day, 3)
    expect(tail).toHaveLength(3)
    expect(tail.at(-1)?.at).toBe(day)
    expect(linesBetween(nginx, day - 5000, day)).toHaveLength(6)
    expect(linesBetween(nginx, -Infinity, day, 0)).toEqual([])
  })

  it('ends a crashing instance with its fatal lines', () => {
    const crash = { ...nginx, image: 'app-crashloop', container: 'app', endsAt: start + 1500 }
    const lines = linesBetween(crash, -Infinity, start + 60_000)
    expect(lines.at(-1)?.text).toContain('FATAL app exiting with code 1')
    expect(nextLineAt(crash, start + 2000)).toBeUndefined()
    expect(nextLineAt(nginx, start + 1500)).toBe(start + 2000)
  })
})

describe('a loggen:<n> container', () => {
  it('writes n lines a second, and a follow resuming after a line gets each line once', () => {
    const flood = { seed: 'uid/flood/0', image: 'bench/loggen:50000', container: 'flood', startedAt: start }
    expect(linePeriodOf(flood.image)).toBe(0.02)
    expect(linePeriodOf('loggen:0')).toBe(LINE_PERIOD_MS)
    const startupLines = 3 // at start, start + 1 ms and start + 2 ms: starting, configuration, listening
    expect(linesBetween(flood, -Infinity, start + 1000).length - startupLines).toBe(50_000)
    // the same second read in 10 ms steps, each after the last: every line once
    let total = 0
    for (let t = start; t < start + 1000; t += 10)
      total += linesBetween(flood, t, t + 10, undefined, true).length
    // (the startup lines at start + 1 ms and start + 2 ms fall in that second too)
    expect(total).toBe(50_000 + startupLines - 1)
    expect(total).toBe(linesBetween(flood, start, start + 1000, undefined, true).length)
    expect(nextLineAt(flood, start + 1000)).toBeCloseTo(start + 1000.02)
  })
})
