import type { Row } from '@shared/rows'
import type { KeyedRow, RowChange } from './fold'

export interface DeltaBatch<R extends KeyedRow = Row> {
  upserts: R[]
  deletes: string[]
}

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

export const realTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
}

export interface DeltaBatcher<R extends KeyedRow = Row> {
  add(change: RowChange<R>): void
  /** Sends what is pending now (e.g. before a status change, so order is kept). */
  flush(): void
  dispose(): void
  /** Whether a flush timer is armed; tests use it to prove nothing is left running. */
  armed(): boolean
}

/**
 * Coalesces row changes for `intervalMs` (a fixed window from the first change, so steady churn still
 * flushes): the last upsert of a key wins, and a row added then deleted inside one window is never sent.
 */
export function createDeltaBatcher<R extends KeyedRow = Row>(
  send: (batch: DeltaBatch<R>) => void,
  intervalMs = 50,
  timers: Timers = realTimers,
): DeltaBatcher<R> {
  let pending = new Map<string, R | null>()
  let bornInBatch = new Set<string>()
  let timer: unknown

  const flush = (): void => {
    if (timer !== undefined) timers.clearTimeout(timer)
    timer = undefined
    if (pending.size === 0) return
    const batch: DeltaBatch<R> = { upserts: [], deletes: [] }
    for (const [key, row] of pending) {
      if (row) batch.upserts.push(row)
      else batch.deletes.push(key)
    }
    pending = new Map()
    bornInBatch = new Set()
    send(batch)
  }

  return {
    add(change) {
      if (change.type === 'upsert') {
        const key = change.row.key
        if (change.isNew && !pending.has(key)) bornInBatch.add(key)
        pending.set(key, change.row)
      } else if (bornInBatch.delete(change.key)) {
        pending.delete(change.key) // subscribers never saw it
      } else {
        pending.set(change.key, null)
      }
      if (timer === undefined && pending.size > 0) timer = timers.setTimeout(flush, intervalMs)
    },
    flush,
    dispose() {
      if (timer !== undefined) timers.clearTimeout(timer)
      timer = undefined
      pending = new Map()
      bornInBatch = new Set()
    },
    armed: () => timer !== undefined,
  }
}
