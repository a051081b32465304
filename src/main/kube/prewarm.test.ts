import { afterEach, describe, expect, it, vi } from 'vitest'
import { createPrewarms } from './prewarm'
import type { WatchCache } from './watch-cache'
import type { WatchLease } from './watch-registry'

afterEach(() => vi.useRealTimers())

/** A lease on a cache that records whether the hold's `released` settled, and whether it was let go. */
function fakeAcquire(): {
  acquire: (released: Promise<void>) => WatchLease
  state: { acquired: number; releasedSettled: boolean; leaseReleased: boolean }
} {
  const state = { acquired: 0, releasedSettled: false, leaseReleased: false }
  const cache = { activity: () => ({ stopped: false }) } as unknown as WatchCache
  return {
    state,
    acquire: (released) => {
      state.acquired++
      void released.then(() => (state.releasedSettled = true))
      return { cache, release: () => (state.leaseReleased = true) }
    },
  }
}
const settle = (): Promise<void> => new Promise((r) => setImmediate(r))

describe('prewarm holds', () => {
  it('tell the watch its view came (its first list goes on), and let go of the lease', async () => {
    const prewarms = createPrewarms()
    const { acquire, state } = fakeAcquire()
    prewarms.hold('pods', acquire, 60_000)
    prewarms.hold('pods', acquire, 60_000) // a second page load extends the hold: one lease
    await settle()
    expect(state).toEqual({ acquired: 1, releasedSettled: false, leaseReleased: false })
    prewarms.handOver('pods')
    await settle()
    expect(state).toEqual({ acquired: 1, releasedSettled: true, leaseReleased: true })
    expect(prewarms.held()).toEqual([])
  })

  it('settle when nobody comes before the hold ends, and on close', async () => {
    vi.useFakeTimers()
    const prewarms = createPrewarms()
    const expiring = fakeAcquire()
    prewarms.hold('pods', expiring.acquire, 1000)
    const closing = fakeAcquire()
    prewarms.hold('pods|apps', closing.acquire, 60_000)
    await vi.advanceTimersByTimeAsync(999)
    expect(expiring.state.releasedSettled).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expect(expiring.state).toMatchObject({ releasedSettled: true, leaseReleased: true })
    prewarms.close()
    await vi.advanceTimersByTimeAsync(0)
    expect(closing.state).toMatchObject({ releasedSettled: true, leaseReleased: true })
  })
})
