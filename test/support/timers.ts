import type { Timers } from '../../src/main/kube/batcher'

/** Deterministic timers for tests: nothing runs until `advance` moves the fake clock. */
export interface FakeTimers extends Timers {
  advance(ms: number): void
  /** Timers still scheduled. */
  count(): number
}

export function fakeTimers(): FakeTimers {
  let now = 0
  let nextId = 1
  const scheduled = new Map<number, { at: number; fn: () => void }>()
  return {
    setTimeout(fn, ms) {
      const id = nextId++
      scheduled.set(id, { at: now + ms, fn })
      return id
    },
    clearTimeout(handle) {
      scheduled.delete(handle as number)
    },
    advance(ms) {
      const until = now + ms
      for (;;) {
        let first: [number, { at: number; fn: () => void }] | undefined
        for (const entry of scheduled)
          if (entry[1].at <= until && (!first || entry[1].at < first[1].at)) first = entry
        if (!first) break
        scheduled.delete(first[0])
        now = first[1].at
        first[1].fn()
      }
      now = until
    },
    count: () => scheduled.size,
  }
}
