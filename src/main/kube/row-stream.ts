import type { ResourceEvent } from '../../shared/contract/resources'
import { createEventQueue } from './event-queue'
import type { CacheState, WatchCache } from './watch-cache'

type Health = { state: CacheState; message?: string }

const rank: Record<CacheState, number> = { live: 0, reconnecting: 1, error: 2 }

/** The worst health among the caches a subscription reads (one per namespace). */
function combine(states: Health[]): Health {
  let worst: Health = { state: 'live' }
  for (const s of states) if (rank[s.state] > rank[worst.state]) worst = s
  return worst
}

/**
 * One subscriber's view of one or more shared caches: a snapshot once all have listed, then their batched
 * deltas and any change of health. Returns when `signal` aborts; the caller releases the caches.
 */
export async function* rowStream(caches: WatchCache[], signal: AbortSignal): AsyncGenerator<ResourceEvent> {
  const queue = createEventQueue<ResourceEvent>(signal)
  let started = false
  let states: Health[] = []
  let shown: Health = { state: 'live' }
  const showHealth = (): void => {
    const next = combine(states)
    if (next.state === shown.state && next.message === shown.message) return
    shown = next
    queue.push({ type: 'status', ...next })
  }
  const unsubscribe = caches.map((cache, i) =>
    cache.subscribe((e) => {
      // Changes before the snapshot are already inside it.
      if (!started) return
      if (e.type === 'delta') queue.push({ type: 'delta', upserts: e.upserts, deletes: e.deletes })
      else {
        states[i] = e.message ? { state: e.state, message: e.message } : { state: e.state }
        showHealth()
      }
    }),
  )
  let onAbort: (() => void) | undefined
  try {
    const aborted = new Promise<'aborted'>((resolve) => {
      onAbort = () => resolve('aborted')
      signal.addEventListener('abort', onAbort, { once: true })
    })
    const ready = Promise.all(caches.map((c) => c.ready)).then(() => 'ready' as const)
    if (signal.aborted || (await Promise.race([ready, aborted])) === 'aborted') return
    started = true
    yield { type: 'snapshot', rows: caches.flatMap((c) => c.rows()) }
    states = caches.map((c) => c.state())
    showHealth()
    yield* queue
  } finally {
    if (onAbort) signal.removeEventListener('abort', onAbort)
    for (const u of unsubscribe) u()
  }
}
