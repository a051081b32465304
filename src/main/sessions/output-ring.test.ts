import { describe, expect, it } from 'vitest'
import { OutputRing } from './output-ring'

describe('the recent output of a session', () => {
  it('keeps everything while under its bound', () => {
    const ring = new OutputRing(100)
    ring.push('$ ls\r\n')
    ring.push('a b\r\n')
    expect(ring.text()).toBe('$ ls\r\na b\r\n')
  })

  it('drops the oldest beyond its bound and replays from a line start', () => {
    const ring = new OutputRing(16)
    ring.push('first line\r\n')
    ring.push('second\r\nthird\r\n')
    expect(ring.size).toBe(16)
    // "…ine\r\n" was cut mid-line: the replay begins at the next whole line.
    expect(ring.text()).toBe('second\r\nthird\r\n')
  })

  it('stays bounded under many small writes (one echo per keystroke)', () => {
    const ring = new OutputRing(1000)
    for (let i = 0; i < 10_000; i++) ring.push(i % 40 === 39 ? '\n' : 'x')
    expect(ring.size).toBe(1000)
    expect(ring.text().startsWith('x')).toBe(true)
    expect(ring.text().length).toBeLessThanOrEqual(1000)
  })
})
