/**
 * Work a person is waiting for right now (a contract call, a subscription until its first event), so that
 * background work (a prewarmed list, see kube/prewarm.ts) can step aside for it on this one thread. Work that
 * began more than `staleMs` ago no longer counts: a long call, or a stream that sends nothing at first, must
 * not hold background work back for ever.
 */
export interface Foreground {
  /** Work begins; the function returned ends it (calling it again does nothing). */
  begin(): () => void
  busy(): boolean
  /**
   * Resolves once no work counts and none has ended in the last `quietMs` (a page's calls come in bursts: the
   * next one often follows the last answer by a turn of the page), after `maxWaitMs` at most, or on abort.
   */
  whenIdle(signal: AbortSignal, maxWaitMs: number, quietMs?: number): Promise<void>
}

export function createForeground(staleMs = 1000): Foreground {
  const begun = new Map<number, number>() // id → Date.now() when it began
  const wakers = new Set<() => void>()
  let nextId = 0
  let lastEnd = Number.NEGATIVE_INFINITY

  /** When the work counting now stops counting (all of it ends, or goes stale); 0 when none counts. */
  const busyUntil = (): number => {
    const now = Date.now()
    let until = 0
    for (const [id, at] of begun) {
      if (at + staleMs <= now) begun.delete(id)
      else until = Math.max(until, at + staleMs)
    }
    return until
  }

  return {
    begin() {
      const id = nextId++
      begun.set(id, Date.now())
      return () => {
        if (!begun.delete(id)) return
        lastEnd = Date.now()
        if (busyUntil() > 0) return
        for (const wake of [...wakers]) wake()
      }
    },
    busy: () => busyUntil() > 0,
    async whenIdle(signal, maxWaitMs, quietMs = 0) {
      const deadline = Date.now() + maxWaitMs
      for (;;) {
        const busy = busyUntil()
        const now = Date.now()
        const until = busy > 0 ? busy : lastEnd + quietMs
        if (until <= now || now >= deadline || signal.aborted) return
        await new Promise<void>((resolve) => {
          const done = (): void => {
            clearTimeout(timer)
            wakers.delete(done)
            signal.removeEventListener('abort', done)
            resolve()
          }
          // Woken when the work ends; else when it goes stale, the quiet gap passes or the deadline comes.
          const timer = setTimeout(done, Math.min(until, deadline) - now)
          timer.unref?.()
          wakers.add(done)
          signal.addEventListener('abort', done, { once: true })
        })
      }
    },
  }
}
