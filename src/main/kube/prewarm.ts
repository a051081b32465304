import type { WatchLease } from './watch-registry'

/**
 * Watches started ahead of the view that will want them (a cold start: the page's first rows are listed while
 * its script loads; docs/performance.md). A hold keeps its watch for a while; the view that subscribes takes it
 * over, and the hold lets go at once, so the watch then lives exactly as long as its views.
 */
export interface Prewarms {
  /**
   * Holds the lease `acquire` gives for `key`, for `holdMs`; a hold already there is extended instead.
   * `released` settles when the hold lets go (a view took the watch over, or the hold ended): a new watch's
   * first list waits on it after its first page, so the rest of a big list does not compete with the page's
   * own start for this one thread (its calls took 150–1,100 ms instead of ~5 while a 10k list ran).
   */
  hold(key: string, acquire: (released: Promise<void>) => WatchLease, holdMs: number): void
  /** A view subscribed to the watch at `key`: its hold, if any, lets go. */
  handOver(key: string): void
  /** Keys held right now; tests read it. */
  held(): string[]
  close(): void
}

export function createPrewarms(): Prewarms {
  const holds = new Map<
    string,
    { lease: WatchLease; timer: ReturnType<typeof setTimeout>; released: () => void }
  >()
  const letGo = (key: string): void => {
    const held = holds.get(key)
    if (!held) return
    holds.delete(key)
    clearTimeout(held.timer)
    held.released()
    held.lease.release()
  }
  return {
    hold(key, acquire, holdMs) {
      // A held watch whose first list failed is given up: this page load tries again.
      if (holds.get(key)?.lease.cache.activity().stopped) letGo(key)
      const held = holds.get(key)
      let released = (): void => {}
      const lease = held?.lease ?? acquire(new Promise<void>((resolve) => (released = resolve)))
      clearTimeout(held?.timer)
      const timer = setTimeout(() => letGo(key), holdMs)
      timer.unref?.()
      holds.set(key, { lease, timer, released: held?.released ?? released })
    },
    handOver: letGo,
    held: () => [...holds.keys()],
    close() {
      for (const key of [...holds.keys()]) letGo(key)
    },
  }
}
