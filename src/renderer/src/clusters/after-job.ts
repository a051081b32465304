import { api } from '../api/client'

/** Runs `then` once the job ends well (it outlives the view that started it); a failed job runs nothing. */
export function afterJobSucceeds(id: string, then: () => void): void {
  let ended = false
  const unsubscribe = api.subscribe('jobs.watch', { id }, (e) => {
    if (e.type !== 'done' || ended) return
    ended = true
    if (e.ok) then()
    // Not from inside the subscription's own callback.
    queueMicrotask(() => unsubscribe())
  })
}
