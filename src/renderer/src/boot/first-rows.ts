import { useEffect, useSyncExternalStore } from 'react'

/**
 * "The first screen's rows are on screen": what a cold start waits for before it opens what is not on that
 * screen (the sandbox guide's two watches), so they do not compete with the first rows for the one event
 * stream, the backend and the page's thread. A screen without a table (or an empty one) lets the rest start
 * after `FALLBACK_MS`.
 */
let shown = false
const listeners = new Set<() => void>()
export const FALLBACK_MS = 2_000

export function markFirstRows(): void {
  if (shown) return
  shown = true
  for (const l of [...listeners]) l()
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** True once the first rows showed (or the fallback passed): the moment to start secondary work. */
export function useAfterFirstRows(): boolean {
  const ready = useSyncExternalStore(subscribe, () => shown)
  useEffect(() => {
    if (ready) return
    const timer = setTimeout(markFirstRows, FALLBACK_MS)
    return () => clearTimeout(timer)
  }, [ready])
  return ready
}

/** Tests start each page afresh. */
export function resetFirstRows(): void {
  shown = false
}
