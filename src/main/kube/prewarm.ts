import type { WatchLease } from './watch-registry'

/**
 * Watches started ahead of the view that will want them (a cold start: the page's list runs while its script
 * loads; docs/performance.md). A hold keeps its watch for a while; the view that subscribes takes it over, and
 * the hold lets go at once, so the watch then lives exactly as long as its views.
 */
export interface Prewarms {
  /** Holds the lease `acquire` gives for `key`, for `holdMs`; a hold already there is extended instead. */
  hold(key: string, acquire: () => WatchLease, holdMs: number): void
  /** A view subscribed to the watch at `key`: its hold, if any, lets go. */
  handOver(key: string): void
  /** Keys held right now; tests read it. */
  held(): string[]
  close(): void
}

export function createPrewarms(): Prewarms {
  const holds = new Map<string, { lease: WatchLease; timer: ReturnType<typeof setTimeout> }>()
  const letGo = (key: string): void => {
    const held = holds.get(key)
    if (!held) return
    holds.delete(key)
    clearTimeout(held.timer)
    held.lease.release()
  }
  return {
    hold(key, acquire, holdMs) {
      const held = holds.get(key)
      // A held watch whose first list failed is given up: this page load tries again.
      if (held?.lease.cache.activity().stopped) letGo(key)
      const lease = holds.get(key)?.lease ?? acquire()
      clearTimeout(holds.get(key)?.timer)
      const timer = setTimeout(() => letGo(key), holdMs)
      timer.unref?.()
      holds.set(key, { lease, timer })
    },
    handOver: letGo,
    held: () => [...holds.keys()],
    close() {
      for (const key of [...holds.keys()]) letGo(key)
    },
  }
}
