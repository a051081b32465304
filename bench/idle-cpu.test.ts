import { describe, expect, it } from 'vitest'
import { isSettled, type SettleReading } from './idle-cpu'

// One reading a second; `gcAt` are the seconds a full collection ended at, `holds` what was open each second.
function readings(seconds: number, gcAt: number[] = [], holds: (s: number) => string = () => '4/3/5/5') {
  const out: SettleReading[] = []
  for (let s = 0; s <= seconds; s++)
    out.push({ atMs: s * 1000, holds: holds(s), fullGcs: 2 + gcAt.filter((g) => g <= s).length })
  return out
}

describe('isSettled', () => {
  it('waits for the minimum time, then for ten quiet seconds with nothing opened or closed', () => {
    expect(isSettled(readings(10), 11_000, 10_000)).toBe(false)
    expect(isSettled(readings(11), 11_000, 10_000)).toBe(true)
  })

  it('starts the quiet over after a full collection (the memory reducer’s, 8-42 s after the last one)', () => {
    expect(isSettled(readings(14, [8]), 11_000, 10_000)).toBe(false)
    expect(isSettled(readings(18, [8]), 11_000, 10_000)).toBe(true)
  })

  it('starts it over when a watch ends or a stream opens', () => {
    const holds = (s: number): string => (s < 9 ? '5/4/6/5' : '4/3/5/5')
    expect(isSettled(readings(12, [], holds), 11_000, 10_000)).toBe(false)
    expect(isSettled(readings(19, [], holds), 11_000, 10_000)).toBe(true)
  })
})
