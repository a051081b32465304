import type { RowEvent } from '@shared/contract/resources'
import type { Row } from '@shared/rows'
import { createEventQueue } from './event-queue'
import type { KeyedRow } from './fold'
import type { CacheState, WatchCache } from './watch-cache'

type Health = { state: CacheState; message?: string }

const rank: Record<CacheState, number> = { live: 0, reconnecting: 1, error: 2 }

/** The worst health among the caches a subscription reads (one per namespace). */
function combine(states: Health[]): Health {
  let worst: Health = { state: 'live' }
  for (const s of states) if (rank[s.state] > rank[worst.state]) worst = s
  return worst
}

type Snapshot<R> = Extract<RowEvent<R>, { type: 'snapshot' }>

/**
 * A subscriber joining caches that already hold many rows gets the first this many alone, then the rest: the
 * first screen is encoded, sent and shown while the rest (10,000 pods are ~3 MB of JSON) is still being encoded
 * (a cold start's first rows; docs/performance.md).
 */
export const HEAD_ROWS = 500
/** Head parts, which are never merged with what follows them. */
const alone = new WeakSet<object>()

/** Parts of a snapshot still waiting for the reader become one event: a slow reader gets fewer, bigger ones. */
function mergeParts<R>(waiting: RowEvent<R>, next: RowEvent<R>): RowEvent<R> | undefined {
  if (waiting.type !== 'snapshot' || !waiting.more || next.type !== 'snapshot' || alone.has(waiting))
    return undefined
  const rows = waiting.rows // this subscriber's own copy (see `part`)
  for (const r of next.rows) rows.push(r) // not push(...rows): 50,000 arguments overflow the stack
  const merged: Snapshot<R> = { type: 'snapshot', rows }
  if (next.more) merged.more = true
  return merged
}

/**
 * One subscriber's view of one or more shared caches (one per namespace): the snapshot in parts while the
 * caches list (rows a cache already holds first, then each page as it arrives), its last part once all have
 * listed, then their batched deltas and any change of health. Returns when `signal` aborts; the caller
 * releases the caches.
 */
export async function* rowStream<R extends KeyedRow = Row>(
  caches: WatchCache<R>[],
  signal: AbortSignal,
  headRows = HEAD_ROWS,
): AsyncGenerator<RowEvent<R>> {
  const queue = createEventQueue<RowEvent<R>>(signal, mergeParts)
  let started = false
  let states: Health[] = []
  let shown: Health = { state: 'live' }
  const showHealth = (): void => {
    const next = combine(states)
    if (next.state === shown.state && next.message === shown.message) return
    shown = next
    queue.push({ type: 'status', ...next })
  }
  // A cache hands the same page array to every subscriber; this queue's own copy is what mergeParts may grow.
  const part = (rows: R[]): void => {
    if (rows.length > 0) queue.push({ type: 'snapshot', rows: rows.slice(), more: true })
  }
  // What the caches hold when this subscriber joins: its first `headRows` go first, alone; returns the rest.
  const head = (rows: R[]): R[] => {
    if (rows.length <= headRows) return rows
    const first: Snapshot<R> = { type: 'snapshot', rows: rows.slice(0, headRows), more: true }
    alone.add(first)
    queue.push(first)
    return rows.slice(headRows)
  }
  const lastPart = (rows: R[]): void => {
    started = true
    queue.push({ type: 'snapshot', rows })
    states = caches.map((c) => c.state())
    showHealth()
  }
  // Subscribing and reading what a cache holds happen in one synchronous step, so no page falls in between.
  const unsubscribe = caches.map((cache, i) =>
    cache.subscribe((e) => {
      if (e.type === 'page') part(e.rows)
      else if (e.type === 'delta') queue.push({ type: 'delta', upserts: e.upserts, deletes: e.deletes })
      // Health is reported from the last part on; before that the snapshot itself says "loading".
      else if (started) {
        states[i] = e.message ? { state: e.state, message: e.message } : { state: e.state }
        showHealth()
      }
    }),
  )
  let onAbort: (() => void) | undefined
  try {
    // Caches that have listed already (another subscriber's) give the whole snapshot in one event.
    if (caches.every((c) => c.isReady())) lastPart(head(caches.flatMap((c) => c.rows())))
    else {
      part(head(caches.flatMap((c) => c.rows())))
      const aborted = new Promise<'aborted'>((resolve) => {
        onAbort = () => resolve('aborted')
        signal.addEventListener('abort', onAbort, { once: true })
      })
      const ready = Promise.all(caches.map((c) => c.ready)).then(() => 'ready' as const)
      // Parts are read while the caches list; a failed first list ends the stream with its error.
      void Promise.race([ready, aborted]).then(
        (outcome) => {
          if (outcome === 'ready') lastPart([])
        },
        (err: unknown) => queue.fail(err),
      )
    }
    yield* queue
  } finally {
    if (onAbort) signal.removeEventListener('abort', onAbort)
    for (const u of unsubscribe) u()
  }
}
