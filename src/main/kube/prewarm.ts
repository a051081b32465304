import type { WatchLease } from './watch-registry'

/** Waits before the next page of a prewarmed watch's first list; settles at once to read on. */
export type ListPace = (signal: AbortSignal) => Promise<void>

/**
 * Watches started ahead of the view that will want them (a cold start: the page's first rows are listed while
 * its script loads; docs/performance.md). A hold keeps its watch for a while; the view that subscribes takes it
 * over, and the hold lets go at once, so the watch then lives exactly as long as its views.
 */
export interface Prewarms {
  /**
   * Holds the lease `acquire` gives for `key`, for `holdMs`; a hold already there is extended instead.
   * `pace` is for the watch's first list, before each page after the first: until a view takes the watch
   * over, it waits on the prewarm's `background` wait (the list reads on at background priority, stepping
   * aside for the page's own calls); from the hand-over on (or the hold's end) it settles at once.
   */
  hold(key: string, acquire: (pace: ListPace) => WatchLease, holdMs: number): void
  /** A view subscribed to the watch at `key`: its hold, if any, lets go. */
  handOver(key: string): void
  /** Keys held right now; tests read it. */
  held(): string[]
  close(): void
}

/**
 * `background`: how a held watch's list waits before each next page (e.g. until no contract call is in flight,
 * `Foreground.whenIdle`). It must settle by itself within a bounded time, or the list could stall.
 */
export function createPrewarms(background: ListPace): Prewarms {
  const holds = new Map<
    string,
    { lease: WatchLease; timer: ReturnType<typeof setTimeout>; handOver: () => void }
  >()
  const letGo = (key: string): void => {
    const held = holds.get(key)
    if (!held) return
    holds.delete(key)
    clearTimeout(held.timer)
    held.handOver()
    held.lease.release()
  }
  /** A pace that follows `background` until `handOver` is called, and reads on from then. */
  const paceUntilHandOver = (): { pace: ListPace; handOver: () => void } => {
    let over = false
    let handOver = (): void => {}
    const handedOver = new Promise<void>((resolve) => (handOver = resolve)).then(() => void (over = true))
    const pace: ListPace = (signal) => (over ? handedOver : Promise.race([handedOver, background(signal)]))
    return { pace, handOver }
  }
  return {
    hold(key, acquire, holdMs) {
      // A held watch whose first list failed is given up: this page load tries again.
      if (holds.get(key)?.lease.cache.activity().stopped) letGo(key)
      const held = holds.get(key)
      clearTimeout(held?.timer)
      let lease = held?.lease
      let handOver = held?.handOver
      if (!lease || !handOver) {
        const paced = paceUntilHandOver()
        lease = acquire(paced.pace)
        handOver = paced.handOver
      }
      const timer = setTimeout(() => letGo(key), holdMs)
      timer.unref?.()
      holds.set(key, { lease, timer, handOver })
    },
    handOver: letGo,
    held: () => [...holds.keys()],
    close() {
      for (const key of [...holds.keys()]) letGo(key)
    },
  }
}
