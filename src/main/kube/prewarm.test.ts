import { afterEach, describe, expect, it, vi } from 'vitest'
import { fakeSource, type FakeSource } from '../../../test/support/fake-source'
import { fakeTimers } from '../../../test/support/timers'
import { createForeground, type Foreground } from '../util/foreground'
import { createPrewarms, type ListPace } from './prewarm'
import { projectors, type WireObject } from './rows'
import { createWatchCache, type WatchCache } from './watch-cache'

const caches: WatchCache[] = []
afterEach(() => {
  vi.useRealTimers()
  for (const c of caches.splice(0)) c.stop()
})

interface State {
  acquired: number
  released: boolean
  viewHolds: boolean
  pages: number
  cache?: WatchCache
}
const cm = (name: string): WireObject => ({ metadata: { name, uid: name }, data: {} }) as WireObject
const settle = async (): Promise<void> => {
  for (let i = 0; i < 10; i++) await Promise.resolve()
  await vi.advanceTimersByTimeAsync(0)
}

/**
 * A source of 7 objects read 2 a page (4 pages), and an `acquire` that starts a real watch cache on it. Its
 * lease stops the cache when released, unless a view holds it too (`viewHolds`, as the registry counts).
 */
function heldWatch(): {
  src: FakeSource
  acquire: (pace: ListPace) => { cache: WatchCache; release: () => void }
  state: State
} {
  const src = fakeSource()
  for (const n of ['a', 'b', 'c', 'd', 'e', 'f', 'g']) src.put(cm(n))
  const state: State = { acquired: 0, released: false, viewHolds: false, pages: 0 }
  return {
    src,
    state,
    acquire: (pace) => {
      state.acquired++
      const cache = createWatchCache({
        source: src,
        project: projectors.configmaps,
        pageSize: 2,
        timers: fakeTimers(),
        firstListPace: pace,
      })
      cache.subscribe((e) => void (e.type === 'page' && state.pages++))
      caches.push(cache)
      state.cache = cache
      const release = (): void => {
        state.released = true
        if (!state.viewHolds) cache.stop()
      }
      return { cache, release }
    },
  }
}

const background =
  (fg: Foreground, maxWaitMs = 60_000): ListPace =>
  (signal) =>
    fg.whenIdle(signal, maxWaitMs)

describe('a prewarmed list', () => {
  it('reads its first page at once, then the rest only while no call is in flight, and completes', async () => {
    vi.useFakeTimers()
    const fg = createForeground(60_000)
    const prewarms = createPrewarms(background(fg))
    const { src, acquire, state } = heldWatch()
    let endCall = fg.begin() // the page's first call is in flight
    prewarms.hold('pods', acquire, 60_000)
    await settle()
    expect([src.listCalls, state.pages]).toEqual([1, 1])
    // The call answers: the list reads on until the next call comes (when its second page arrives).
    state.cache?.subscribe((e) => {
      if (e.type === 'page' && state.pages === 2) endCall = fg.begin()
    })
    endCall()
    await settle()
    expect([src.listCalls, state.pages, state.cache?.isReady()]).toEqual([2, 2, false])
    endCall()
    await settle()
    expect([src.listCalls, state.pages, state.cache?.isReady()]).toEqual([4, 4, true])
    // It is still held (no view came): the list is read, the watch runs.
    expect(prewarms.held()).toEqual(['pods'])
    expect(state.cache?.activity()).toMatchObject({ watching: true, stopped: false })
    prewarms.close()
    expect(state.released).toBe(true)
  })

  it('never stalls: a call that never answers holds it back at most until the wait deadline', async () => {
    vi.useFakeTimers()
    const fg = createForeground(60_000)
    const prewarms = createPrewarms(background(fg, 1000))
    const { src, acquire, state } = heldWatch()
    fg.begin() // never ends
    prewarms.hold('pods', acquire, 60_000)
    await settle()
    expect(src.listCalls).toBe(1)
    await vi.advanceTimersByTimeAsync(999)
    expect(src.listCalls).toBe(1)
    await vi.advanceTimersByTimeAsync(1)
    await settle()
    expect(src.listCalls).toBe(2)
    await vi.advanceTimersByTimeAsync(2000)
    await settle()
    expect([src.listCalls, state.cache?.isReady()]).toEqual([4, true])
    prewarms.close()
  })

  it('reads on at once when a view takes it over, even with a call in flight; the hold lets go', async () => {
    vi.useFakeTimers()
    const fg = createForeground(60_000)
    const prewarms = createPrewarms(background(fg))
    const { src, acquire, state } = heldWatch()
    fg.begin()
    prewarms.hold('pods', acquire, 60_000)
    prewarms.hold('pods', acquire, 60_000) // a second page load extends the hold: one lease
    await settle()
    expect([state.acquired, src.listCalls]).toEqual([1, 1])
    state.viewHolds = true
    prewarms.handOver('pods')
    await settle()
    expect([src.listCalls, state.cache?.isReady(), state.released]).toEqual([4, true, true])
    expect(prewarms.held()).toEqual([])
  })

  it('with a pace that waits for its view (the old hold), lists only its first page until the hold ends', async () => {
    vi.useFakeTimers()
    const prewarms = createPrewarms(() => new Promise<void>(() => {}))
    const expiring = heldWatch()
    prewarms.hold('pods', expiring.acquire, 1000)
    await settle()
    await vi.advanceTimersByTimeAsync(999)
    expect([expiring.src.listCalls, expiring.state.released]).toEqual([1, false])
    await vi.advanceTimersByTimeAsync(1)
    // Nobody came: the hold lets go, and the last lease stops the watch.
    expect(expiring.state.released).toBe(true)
    expect(expiring.state.cache?.activity()).toMatchObject({ stopped: true, listing: false })
    expect(prewarms.held()).toEqual([])
  })
})
