import { afterEach, describe, expect, it } from 'vitest'
import { ApiError } from '@shared/contract'
import type { ConfigMapRow } from '@shared/rows'
import { fakeSource, type FakeSource } from '../../../test/support/fake-source'
import { KubeHttpError } from './kube-request'
import { projectors, type WireObject } from './rows'
import { fakeTimers, type FakeTimers } from '../../../test/support/timers'
import { liveCounts } from '../util/live-counts'
import { createWatchCache, type CacheEvent, type WatchCache } from './watch-cache'

const cm = (name: string, data: Record<string, string> = {}): WireObject =>
  ({ metadata: { name, uid: name }, data }) as WireObject
const settle = async (): Promise<void> => {
  for (let i = 0; i < 10; i++) await new Promise((r) => setImmediate(r))
}
const forbidden = new KubeHttpError(
  403,
  JSON.stringify({
    kind: 'Status',
    message: 'configmaps is forbidden: User "dev" cannot list resource "configmaps"',
    code: 403,
  }),
)

let cache: WatchCache | undefined
afterEach(() => cache?.stop())

async function start(
  src: FakeSource,
  timers: FakeTimers,
): Promise<{ cache: WatchCache; events: CacheEvent[]; pages: string[][] }> {
  cache = createWatchCache({
    source: src,
    project: projectors.configmaps,
    pageSize: 2,
    timers,
    backoffMs: { initial: 1000, max: 8000 },
  })
  const events: CacheEvent[] = []
  const pages: string[][] = []
  cache.subscribe((e) => (e.type === 'page' ? pages.push(e.rows.map((r) => r.name)) : events.push(e)))
  await cache.ready
  await settle()
  return { cache, events, pages }
}

describe('createWatchCache', () => {
  it('lists in pages, then watches from the list resourceVersion', async () => {
    const src = fakeSource()
    for (const n of ['a', 'b', 'c', 'd', 'e']) src.put(cm(n))
    const { cache, pages, events } = await start(src, fakeTimers())
    expect(src.listCalls).toBe(3)
    // Each page of the first list reaches subscribers as it arrives; the first list itself sends no delta.
    expect(pages).toEqual([['a', 'b'], ['c', 'd'], ['e']])
    expect(events).toEqual([])
    expect(
      cache
        .rows()
        .map((r) => r.key)
        .sort(),
    ).toEqual(['demo/a', 'demo/b', 'demo/c', 'demo/d', 'demo/e'])
    expect(src.watchCalls).toEqual(['105'])
    expect(cache.activity()).toMatchObject({ watching: true, listing: false })
  })

  it('with a first-list pace, lists its first page, then waits on the pace before each next one; a stop ends the wait', async () => {
    const src = fakeSource()
    for (const n of ['a', 'b', 'c', 'd', 'e']) src.put(cm(n))
    const waits: (() => void)[] = []
    const paced = createWatchCache({
      source: src,
      project: projectors.configmaps,
      pageSize: 2,
      timers: fakeTimers(),
      firstListPace: () => new Promise<void>((resolve) => waits.push(resolve)),
    })
    cache = paced
    const pages: string[][] = []
    paced.subscribe((e) => void (e.type === 'page' && pages.push(e.rows.map((r) => r.name))))
    await settle()
    expect(pages).toEqual([['a', 'b']])
    expect([src.listCalls, waits.length, paced.isReady()]).toEqual([1, 1, false])
    waits[0]!()
    await settle()
    expect(pages).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ])
    expect([src.listCalls, waits.length]).toEqual([2, 2])
    waits[1]!()
    await paced.ready
    expect(pages).toEqual([['a', 'b'], ['c', 'd'], ['e']])
    // A relist (the watch expired) never waits on the pace.
    src.expire()
    await settle()
    expect([src.listCalls, waits.length]).toEqual([6, 2])

    // Stopped while it waits: nothing is left listing.
    const waiting = createWatchCache({
      source: src,
      project: projectors.configmaps,
      pageSize: 2,
      timers: fakeTimers(),
      firstListPace: () => new Promise<void>(() => {}),
    })
    await settle()
    expect(waiting.activity().listing).toBe(true)
    waiting.stop()
    await settle()
    expect(waiting.activity()).toMatchObject({ listing: false, watching: false, stopped: true })
  })

  it('turns watch events into one batched delta', async () => {
    const src = fakeSource()
    src.put(cm('a'))
    const timers = fakeTimers()
    const { events } = await start(src, timers)
    src.put(cm('b'))
    src.put(cm('a', { k: 'v' }))
    src.put(cm('tmp'))
    src.remove('tmp')
    expect(events).toEqual([])
    timers.advance(50)
    expect(events).toHaveLength(1)
    const delta = events[0] as Extract<CacheEvent, { type: 'delta' }>
    expect(delta.upserts.map((r) => r.key).sort()).toEqual(['demo/a', 'demo/b'])
    expect(delta.deletes).toEqual([])
  })

  it('resumes from the last resourceVersion after a network error, reporting reconnecting then live', async () => {
    const src = fakeSource()
    src.put(cm('a'))
    const timers = fakeTimers()
    const { cache, events } = await start(src, timers)
    src.put(cm('b'))
    src.failNextWatch.push(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))
    src.drop(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))
    await settle()
    expect(events.at(-1)).toMatchObject({ type: 'status', state: 'reconnecting' })
    timers.advance(1000) // first retry fails (refused)
    await settle()
    expect(src.watchCalls).toEqual(['101', '102'])
    timers.advance(1999)
    await settle()
    expect(src.watchCalls).toHaveLength(2) // backoff doubled to 2 s
    timers.advance(1)
    await settle()
    expect(src.watchCalls).toEqual(['101', '102', '102'])
    expect(cache.state().state).toBe('reconnecting')
    timers.advance(150)
    expect(events.at(-1)).toEqual({ type: 'status', state: 'live' })
    expect(src.listCalls).toBe(1) // no relist was needed
  })

  it('relists on 410 and sends the corrections, so nothing stale remains', async () => {
    const src = fakeSource()
    for (const n of ['keep', 'gone', 'changed']) src.put(cm(n))
    const timers = fakeTimers()
    const { cache, events } = await start(src, timers)
    // Changes the watch never delivered (e.g. while the server compacted its history).
    src.remove('gone', true)
    src.put(cm('changed', { x: '1' }), true)
    src.put(cm('new'), true)
    src.expire()
    await settle()
    expect(src.listCalls).toBe(4) // two pages of three objects, twice
    timers.advance(200)
    const deltas = events.filter((e) => e.type === 'delta')
    expect(deltas).toHaveLength(1)
    expect(deltas[0]).toMatchObject({ deletes: ['demo/gone'] })
    const upserts = (deltas[0] as Extract<CacheEvent, { type: 'delta' }>).upserts as ConfigMapRow[]
    expect(upserts.map((r) => [r.key, r.data])).toEqual([
      ['demo/changed', 1],
      ['demo/new', 0],
    ])
    expect(events.filter((e) => e.type === 'status').map((e) => (e as { state: string }).state)).toEqual([
      'reconnecting',
      'live',
    ])
    expect(
      cache
        .rows()
        .map((r) => r.key)
        .sort(),
    ).toEqual(['demo/changed', 'demo/keep', 'demo/new'])
    expect(src.watchCalls.at(-1)).toBe('106')
  })

  it('a 410 answered as HTTP status also relists', async () => {
    const src = fakeSource()
    src.put(cm('a'))
    const timers = fakeTimers()
    await start(src, timers)
    src.failNextWatch.push(new KubeHttpError(410, '{"kind":"Status","code":410,"message":"Gone"}'))
    src.drop(null)
    await settle()
    timers.advance(1000) // the quick-close guard
    await settle()
    expect(src.listCalls).toBe(2)
    expect(src.open).toHaveLength(1)
  })

  it('a relist that keeps answering 410 backs off instead of spinning', async () => {
    const src = fakeSource()
    const timers = fakeTimers()
    const { cache } = await start(src, timers)
    const gone = new KubeHttpError(410, '{"kind":"Status","code":410,"message":"continue token expired"}')
    src.failNextList.push(gone, gone)
    src.expire()
    await settle()
    expect(src.listCalls).toBe(2)
    timers.advance(999)
    await settle()
    expect(src.listCalls).toBe(2)
    timers.advance(1)
    await settle()
    expect(src.listCalls).toBe(3)
    timers.advance(2000)
    await settle()
    expect(src.listCalls).toBe(4)
    expect(src.open).toHaveLength(1)
    timers.advance(150)
    expect(cache.state()).toEqual({ state: 'live' })
  })

  it('reports a permanent API error (Forbidden) with the server message and keeps retrying', async () => {
    const src = fakeSource()
    const timers = fakeTimers()
    const { events } = await start(src, timers)
    src.failNextWatch.push(forbidden)
    src.drop(forbidden)
    await settle()
    expect(events.at(-1)).toEqual({
      type: 'status',
      state: 'error',
      message: 'configmaps is forbidden: User "dev" cannot list resource "configmaps"',
    })
    timers.advance(1000)
    await settle()
    timers.advance(2000)
    await settle()
    expect(src.open).toHaveLength(1)
  })

  it('rejects ready with the server message when the first list fails, and stops', async () => {
    const src = fakeSource()
    src.failNextList.push(forbidden)
    const c = createWatchCache({ source: src, project: projectors.configmaps, timers: fakeTimers() })
    await expect(c.ready).rejects.toEqual(
      new ApiError('Forbidden', 'configmaps is forbidden: User "dev" cannot list resource "configmaps"'),
    )
    expect(c.activity()).toEqual({
      watching: false,
      listing: false,
      timers: false,
      stopped: true,
      failed: true,
    })
  })

  it('is counted in the live counts while it runs, and no longer once stopped', async () => {
    const before = liveCounts()['watch caches'] ?? 0
    const src = fakeSource()
    src.put(cm('a'))
    const { cache } = await start(src, fakeTimers())
    expect(liveCounts()['watch caches']).toBe(before + 1)
    cache.stop()
    cache.stop()
    expect(liveCounts()['watch caches']).toBe(before)
  })

  it('stop() closes the watch and clears every timer, even mid-backoff', async () => {
    const src = fakeSource()
    src.put(cm('a'))
    const timers = fakeTimers()
    const { cache } = await start(src, timers)
    src.put(cm('b')) // arms the batch timer
    src.drop(Object.assign(new Error('reset'), { code: 'ECONNRESET' }))
    await settle()
    expect(timers.count()).toBeGreaterThan(0)
    cache.stop()
    expect(timers.count()).toBe(0)
    expect(src.open).toHaveLength(0)
    expect(cache.activity()).toMatchObject({ watching: false, listing: false, timers: false, stopped: true })
    timers.advance(60_000)
    await settle()
    expect(src.watchCalls).toHaveLength(1)
  })
})
