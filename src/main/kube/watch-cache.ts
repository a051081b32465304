import type { ApiError } from '@shared/contract'
import type { Row } from '@shared/rows'
import { createDeltaBatcher, realTimers, type DeltaBatch, type Timers } from './batcher'
import { httpStatusOf, toApiError } from '../errors/policy'
import { foldEvent, replaceRows, type KeyedRow } from './fold'
import type { ListWatchSource, WatchHandle } from './list-watch-source'
import type { WireObject } from './rows'
import { trackLive } from '../util/live-counts'

export type CacheState = 'live' | 'reconnecting' | 'error'
export type CacheEvent<R extends KeyedRow = Row> =
  | ({ type: 'delta' } & DeltaBatch<R>)
  | { type: 'status'; state: CacheState; message?: string }
  /** Rows of one page of the first list, as it arrives (they are in `rows()` from then on). */
  | { type: 'page'; rows: R[] }

export interface WatchCacheOptions<R extends KeyedRow = Row> {
  source: ListWatchSource
  project: (obj: WireObject) => R
  /** Names the server in messages a person reads. */
  server?: string
  pageSize?: number
  batchMs?: number
  backoffMs?: { initial: number; max: number }
  timers?: Timers
  /**
   * Before each page of the first list after the first, the list waits until this settles (a prewarmed watch
   * reads on at background priority until its view comes; see prewarm.ts). Relists never wait. Stopping the
   * cache ends the wait.
   */
  firstListPace?: (signal: AbortSignal) => Promise<void>
}

export interface WatchCache<R extends KeyedRow = Row> {
  /** Resolves after the first full list; rejects (and the cache stops) when that list fails. */
  readonly ready: Promise<void>
  /** Whether the first full list is done (what `ready` says, but synchronously). */
  isReady(): boolean
  rows(): R[]
  state(): { state: CacheState; message?: string }
  subscribe(listener: (event: CacheEvent<R>) => void): () => void
  stop(): void
  /** What is alive right now; tests use it to prove a stopped cache holds nothing open. */
  activity(): { watching: boolean; listing: boolean; timers: boolean; stopped: boolean; failed: boolean }
}

class Expired extends Error {}

const LIVE_AFTER_MS = 150

/** Waits for `wait`, or only until `signal` aborts; never rejects. */
function untilSettledOrAborted(wait: Promise<void>, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve()
  return new Promise((resolve) => {
    const done = (): void => {
      signal.removeEventListener('abort', done)
      resolve()
    }
    signal.addEventListener('abort', done, { once: true })
    wait.then(done, done)
  })
}

/** One list+watch of one (context, kind, namespace scope), resumed from its resourceVersion, relisted on 410. */
export function createWatchCache<R extends KeyedRow = Row>(opts: WatchCacheOptions<R>): WatchCache<R> {
  const { source, project } = opts
  const timers = opts.timers ?? realTimers
  const pageSize = opts.pageSize ?? 500
  const backoff = opts.backoffMs ?? { initial: 500, max: 30_000 }
  const rows = new Map<string, R>()
  const listeners = new Set<(e: CacheEvent<R>) => void>()
  const emit = (e: CacheEvent<R>): void => {
    for (const l of listeners) l(e)
  }
  const batcher = createDeltaBatcher<R>((b) => emit({ type: 'delta', ...b }), opts.batchMs ?? 50, timers)

  let stopped = false
  const untrack = trackLive('watch caches')
  let failed = false
  let synced = false
  let resourceVersion = ''
  let status: { state: CacheState; message?: string } = { state: 'live' }
  let handle: WatchHandle | undefined
  let listAbort: AbortController | undefined
  let sleepTimer: unknown
  let liveTimer: unknown
  let delay = backoff.initial
  let wake: (() => void) | undefined
  let resolveReady!: () => void
  let rejectReady!: (e: ApiError) => void
  const ready = new Promise<void>((res, rej) => {
    resolveReady = res
    rejectReady = rej
  })
  ready.catch(() => {}) // a failure is reported to whoever awaits it, never as an unhandled rejection

  const setStatus = (state: CacheState, message?: string): void => {
    if (status.state === state && status.message === message) return
    status = message ? { state, message } : { state }
    if (!synced) return
    batcher.flush() // deltas before the status change stay before it
    emit({ type: 'status', ...status })
  }

  const clearLiveTimer = (): void => {
    if (liveTimer !== undefined) timers.clearTimeout(liveTimer)
    liveTimer = undefined
  }

  const sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      wake = resolve
      sleepTimer = timers.setTimeout(() => {
        sleepTimer = undefined
        wake = undefined
        resolve()
      }, ms)
    })

  async function relist(): Promise<void> {
    listAbort = new AbortController()
    const fresh: R[] = []
    let cont: string | undefined
    let rv = ''
    try {
      do {
        if (cont && !synced && opts.firstListPace)
          await untilSettledOrAborted(opts.firstListPace(listAbort.signal), listAbort.signal)
        if (stopped) break
        const page = await source.listPage({ limit: pageSize, continue: cont }, listAbort.signal)
        // A source may hand rows projected already (off this thread, see list-decoder.ts) with the same projector.
        const projected = page.rows ? (page.rows as unknown as R[]) : page.items.map(project)
        rv = page.resourceVersion
        cont = page.continue
        if (synced) {
          for (const row of projected) fresh.push(row)
        } else if (!stopped && projected.length > 0) {
          // The first list is shown page by page: on a big cluster the first rows appear long before the last.
          for (const row of projected) rows.set(row.key, row)
          emit({ type: 'page', rows: projected })
        }
      } while (cont && !stopped)
    } finally {
      listAbort = undefined
    }
    if (stopped) return
    // The first list filled `rows` as it went (and one that fails is never retried: the cache stops); a relist
    // is compared with what subscribers hold and the corrections are sent.
    if (synced) for (const c of replaceRows(rows, fresh)) batcher.add(c)
    resourceVersion = rv
  }

  function watchOnce(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      let ended = false
      let failure: unknown
      const end = (err: unknown): void => {
        if (ended) return
        ended = true
        handle = undefined
        clearLiveTimer()
        if (failure ?? err) reject(failure ?? err)
        else resolve()
      }
      source
        .watch(
          resourceVersion,
          (type, obj) => {
            if (ended || stopped) return
            if (type === 'ERROR') {
              const code = (obj as { code?: unknown }).code
              failure =
                code === 410 ? new Expired() : Object.assign(new Error('watch error'), { code, body: obj })
              handle?.stop()
              return end(null)
            }
            const rv = obj.metadata?.resourceVersion
            if (rv) resourceVersion = rv
            const change = foldEvent(rows, type, obj, project)
            if (change) batcher.add(change)
          },
          end,
        )
        .then((h) => {
          if (ended || stopped) return h.stop()
          handle = h
          delay = backoff.initial
          // Live only once the stream holds: a server that lost our RV answers 200 and then a 410 ERROR.
          if (status.state !== 'live')
            liveTimer = timers.setTimeout(() => {
              liveTimer = undefined
              if (handle === h) setStatus('live')
            }, LIVE_AFTER_MS)
        }, end)
    })
  }

  async function run(): Promise<void> {
    let needList = true
    while (!stopped) {
      let listing = needList
      try {
        if (needList) {
          if (synced) setStatus('reconnecting', 'Resynchronising with the API server…')
          await relist()
          if (stopped) break
          needList = false
          listing = false
          if (!synced) {
            synced = true
            resolveReady()
          }
          setStatus('live')
        }
        const openedAt = Date.now()
        await watchOnce()
        // A stream the server closes at once again and again must not become a busy loop.
        if (Date.now() - openedAt < 1000) await sleep(backoff.initial)
      } catch (err) {
        if (stopped) break
        const expired = err instanceof Expired || httpStatusOf(err) === 410
        if (expired) {
          needList = true
          resourceVersion = ''
          // A watch that fell behind relists at once; a list that keeps expiring waits like any failure.
          if (!listing) continue
        }
        const apiError = toApiError(err, { server: opts.server })
        if (!synced) {
          failed = true
          rejectReady(apiError)
          stop()
          break
        }
        const statusCode = httpStatusOf(err)
        const permanent =
          statusCode !== undefined && statusCode < 500 && statusCode !== 429 && statusCode !== 408
        setStatus(permanent && !expired ? 'error' : 'reconnecting', apiError.message)
        await sleep(delay)
        delay = Math.min(delay * 2, backoff.max)
      }
    }
  }

  function stop(): void {
    if (stopped) return
    stopped = true
    untrack()
    handle?.stop()
    handle = undefined
    listAbort?.abort()
    if (sleepTimer !== undefined) timers.clearTimeout(sleepTimer)
    sleepTimer = undefined
    clearLiveTimer()
    wake?.()
    batcher.dispose()
    listeners.clear()
    source.close?.()
  }

  void run()

  return {
    ready,
    isReady: () => synced,
    rows: () => [...rows.values()],
    state: () => status,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    stop,
    activity: () => ({
      watching: handle !== undefined,
      listing: listAbort !== undefined,
      timers: sleepTimer !== undefined || liveTimer !== undefined || batcher.armed(),
      stopped,
      failed,
    }),
  }
}
