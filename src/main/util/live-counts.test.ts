import { describe, expect, it } from 'vitest'
import { activeResources, liveCounts, trackLive } from './live-counts'

describe('live counts', () => {
  it('counts until released, and a second release changes nothing', () => {
    const before = liveCounts()['test thing'] ?? 0
    const a = trackLive('test thing')
    const b = trackLive('test thing')
    expect(liveCounts()['test thing']).toBe(before + 2)
    a()
    a()
    expect(liveCounts()['test thing']).toBe(before + 1)
    b()
    expect(liveCounts()['test thing']).toBe(before)
  })

  it('groups Node’s active resources by type', () => {
    const timer = setInterval(() => {}, 60_000)
    try {
      expect(activeResources().Timeout).toBeGreaterThanOrEqual(1)
    } finally {
      clearInterval(timer)
    }
  })
})
