import { describe, expect, it } from 'vitest'
import { ApiError } from '@shared/contract'
import type { ResourceEvent } from '@shared/contract/resources'
import { fakeSource, type FakeSource } from '../../../test/support/fake-source'
import { KubeHttpError } from './kube-request'
import { rowStream } from './row-stream'
import { projectors, type WireObject } from './rows'
import { fakeTimers, type FakeTimers } from '../../../test/support/timers'
import { createWatchCache, type WatchCache } from './watch-cache'

const cm = (name: string): WireObject => ({ metadata: { name, uid: name } })
const settle = async (): Promise<void> => {
  for (let i = 0; i < 10; i++) await new Promise((r) => setImmediate(r))
}
const cacheOf = (src: FakeSource, timers: FakeTimers): WatchCache =>
  createWatchCache({
    source: src,
    project: projectors.configmaps,
    timers,
    backoffMs: { initial: 100, max: 100 },
  })

/** Pulls events in the background, as the dispatcher does. */
function drain(gen: AsyncGenerator<ResourceEvent>): { events: ResourceEvent[]; done: Promise<unknown> } {
  const events: ResourceEvent[] = []
  const done = (async () => {
    for await (const e of gen) events.push(e)
  })().then(
    () => 'done',
    (err: unknown) => err,
  )
  return { events, done }
}

describe('rowStream', () => {
  it('merges namespaces into one snapshot, then forwards deltas and the worst health', async () => {
    const timers = fakeTimers()
    const one = fakeSource('one')
    const two = fakeSource('two')
    one.put(cm('a'))
    two.put(cm('b'))
    const caches = [cacheOf(one, timers), cacheOf(two, timers)]
    const abort = new AbortController()
    const { events, done } = drain(rowStream(caches, abort.signal))
    await settle()
    // The caches were still listing: the snapshot came in parts, the last one without `more`.
    const parts = events as Extract<ResourceEvent, { type: 'snapshot' }>[]
    expect(parts.every((e) => e.type === 'snapshot')).toBe(true)
    expect(parts.map((p) => p.more ?? false)).toEqual([...parts.slice(1).map(() => true), false])
    expect(parts.flatMap((p) => p.rows.map((r) => r.key)).sort()).toEqual(['one/a', 'two/b'])
    events.length = 0

    two.put(cm('c'))
    timers.advance(50)
    await settle()
    expect(events.at(-1)).toMatchObject({ type: 'delta', upserts: [{ key: 'two/c' }], deletes: [] })

    one.failNextWatch.push(Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }))
    one.drop(Object.assign(new Error('reset'), { code: 'ECONNRESET' }))
    await settle()
    expect(events.at(-1)).toMatchObject({ type: 'status', state: 'reconnecting' })
    timers.advance(100) // retry fails
    await settle()
    timers.advance(100) // retry connects
    await settle()
    timers.advance(150)
    await settle()
    expect(events.at(-1)).toEqual({ type: 'status', state: 'live' })

    abort.abort()
    expect(await done).toBe('done')
    for (const c of caches) c.stop()
  })

  it('sends a big first list page by page, and one snapshot to a subscriber who joins later', async () => {
    const timers = fakeTimers()
    const src = fakeSource()
    for (const n of ['a', 'b', 'c', 'd', 'e']) src.put(cm(n))
    const cache = createWatchCache({ source: src, project: projectors.configmaps, timers, pageSize: 2 })
    const first = new AbortController()
    const early = drain(rowStream([cache], first.signal))
    await settle()
    const parts = early.events as Extract<ResourceEvent, { type: 'snapshot' }>[]
    // The first page is read at once; pages waiting for a slow reader may be merged into one part.
    expect(parts[0]).toMatchObject({ more: true, rows: [{ name: 'a' }, { name: 'b' }] })
    expect(parts.length).toBeGreaterThan(2)
    expect(parts.map((p) => p.more ?? false)).toEqual([...parts.slice(1).map(() => true), false])
    expect(parts.flatMap((p) => p.rows.map((r) => r.name))).toEqual(['a', 'b', 'c', 'd', 'e'])

    const second = new AbortController()
    const late = drain(rowStream([cache], second.signal))
    await settle()
    expect(late.events).toEqual([{ type: 'snapshot', rows: expect.any(Array) }])
    expect((late.events[0] as { rows: unknown[] }).rows).toHaveLength(5)
    first.abort()
    second.abort()
    await Promise.all([early.done, late.done])
    cache.stop()
  })

  it('a subscriber joining a cache that holds many rows gets the first ones alone, then the rest', async () => {
    const timers = fakeTimers()
    const src = fakeSource()
    for (const n of ['a', 'b', 'c', 'd', 'e']) src.put(cm(n))
    const cache = createWatchCache({ source: src, project: projectors.configmaps, timers, pageSize: 2 })
    await cache.ready
    // Read only after both parts are queued: the head part is still sent on its own, never merged.
    const abort = new AbortController()
    const stream = rowStream([cache], abort.signal, 2)
    const first = await stream.next()
    const second = await stream.next()
    expect(first.value).toEqual({
      type: 'snapshot',
      rows: [expect.objectContaining({ name: 'a' }), expect.objectContaining({ name: 'b' })],
      more: true,
    })
    expect(second.value).toMatchObject({
      type: 'snapshot',
      rows: [{ name: 'c' }, { name: 'd' }, { name: 'e' }],
    })
    expect((second.value as { more?: true }).more).toBeUndefined()
    abort.abort()
    await stream.return(undefined)
    cache.stop()
  })

  it('two subscribers reading at different speeds during a first list each get every row once', async () => {
    const timers = fakeTimers()
    const src = fakeSource()
    for (const n of ['a', 'b', 'c', 'd', 'e', 'f']) src.put(cm(n))
    const cache = createWatchCache({ source: src, project: projectors.configmaps, timers, pageSize: 2 })
    const fast = new AbortController()
    const slow = new AbortController()
    const quick = drain(rowStream([cache], fast.signal))
    // The slow one does not read until the list is done, so its parts merge while they wait.
    const lagging = rowStream([cache], slow.signal)
    const firstOfSlow = lagging.next()
    await settle()
    const slowEvents = [(await firstOfSlow).value as ResourceEvent]
    for (let e = await lagging.next(); !e.done; e = await lagging.next()) {
      slowEvents.push(e.value)
      if (e.value.type === 'snapshot' && !e.value.more) break
    }
    const names = (events: ResourceEvent[]): string[] =>
      events.flatMap((e) => (e.type === 'snapshot' ? e.rows.map((r) => r.name) : []))
    expect(names(quick.events)).toEqual(['a', 'b', 'c', 'd', 'e', 'f'])
    expect(names(slowEvents)).toEqual(['a', 'b', 'c', 'd', 'e', 'f'])
    fast.abort()
    slow.abort()
    await Promise.all([quick.done, lagging.return(undefined)])
    cache.stop()
  })

  it('ends without a snapshot when aborted before the first list completes', async () => {
    const src = fakeSource()
    const never: FakeSource = { ...src, listPage: () => new Promise(() => {}) }
    const cache = cacheOf(never, fakeTimers())
    const abort = new AbortController()
    const { events, done } = drain(rowStream([cache], abort.signal))
    await settle()
    abort.abort()
    expect(await done).toBe('done')
    expect(events).toEqual([])
    cache.stop()
  })

  it('throws the ApiError of a failed first list', async () => {
    const src = fakeSource()
    src.failNextList.push(
      new KubeHttpError(403, '{"kind":"Status","message":"pods is forbidden","code":403}'),
    )
    const { done } = drain(rowStream([cacheOf(src, fakeTimers())], new AbortController().signal))
    expect(await done).toEqual(new ApiError('Forbidden', 'pods is forbidden'))
  })
})
