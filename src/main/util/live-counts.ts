/**
 * Process-wide counts of long-lived things (watch caches, open watch requests, ...), so a long session can
 * be checked for leaks from outside (web mode's /api/diagnostics, the bench's soak). Counting only: nothing
 * here holds a reference to what it counts.
 */
const counts = new Map<string, number>()

/** Counts one more `what` until the returned release runs (idempotent). */
export function trackLive(what: string): () => void {
  counts.set(what, (counts.get(what) ?? 0) + 1)
  let released = false
  return () => {
    if (released) return
    released = true
    counts.set(what, (counts.get(what) ?? 1) - 1)
  }
}

export function liveCounts(): Record<string, number> {
  return Object.fromEntries([...counts].sort(([a], [b]) => a.localeCompare(b)))
}

/** Node's own handles and requests (timers, sockets, file watchers ...) by type. */
export function activeResources(): Record<string, number> {
  const out: Record<string, number> = {}
  for (const type of process.getActiveResourcesInfo()) out[type] = (out[type] ?? 0) + 1
  return out
}
