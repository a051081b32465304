// Simulated time: either real time scaled by `speed`, or a manual clock that only moves in advance().
export interface Clock {
  now(): number
  // delay is in simulated milliseconds
  setTimer(delayMs: number, fn: () => void): () => void
  dispose(): void
}

export interface ManualClock extends Clock {
  advance(ms: number, settle: () => Promise<void>): Promise<void>
}

export function realClock(speed: number, start = Date.now()): Clock {
  const realStart = Date.now()
  const timers = new Set<NodeJS.Timeout>()
  return {
    now: () => start + (Date.now() - realStart) * speed,
    setTimer(delayMs, fn) {
      const t = setTimeout(
        () => {
          timers.delete(t)
          fn()
        },
        Math.max(0, delayMs / speed),
      )
      timers.add(t)
      return () => {
        clearTimeout(t)
        timers.delete(t)
      }
    },
    dispose() {
      for (const t of timers) clearTimeout(t)
      timers.clear()
    },
  }
}

interface PendingTimer {
  due: number
  seq: number
  fn: () => void
}

export function manualClock(start = Date.now()): ManualClock {
  let current = start
  let seq = 0
  let timers: PendingTimer[] = []
  const nextDue = (): PendingTimer | undefined =>
    timers.reduce<PendingTimer | undefined>(
      (best, t) => (!best || t.due < best.due || (t.due === best.due && t.seq < best.seq) ? t : best),
      undefined,
    )
  return {
    now: () => current,
    setTimer(delayMs, fn) {
      const timer = { due: current + Math.max(0, delayMs), seq: seq++, fn }
      timers.push(timer)
      return () => {
        timers = timers.filter((t) => t !== timer)
      }
    },
    async advance(ms, settle) {
      const target = current + ms
      await settle()
      for (;;) {
        const next = nextDue()
        if (!next || next.due > target) break
        timers = timers.filter((t) => t !== next)
        current = Math.max(current, next.due)
        next.fn()
        await settle()
      }
      current = target
      await settle()
    },
    dispose() {
      timers = []
    },
  }
}
