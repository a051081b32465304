import { randomBytes } from 'node:crypto'
import { ApiError, EXEC_INPUT_RATE, EXEC_SESSIONS_MAX } from '@shared/contract'
import { tokenBucket } from './rate-limit'

/** What `exec.input` and `exec.resize` reach: the live sessions by id, each with its own input budget. */
export interface SessionSink {
  write(data: string): void
  resize(cols: number, rows: number): void
}

const newId = (): string => randomBytes(18).toString('base64url')

// Each call costs at least this many bytes of budget, so a flood of one-byte calls is limited too.
const MIN_CALL_COST = 64

export interface ExecSessions {
  add(sink: SessionSink): { id: string; remove(): void }
  input(id: string, data: string): number
  resize(id: string, cols: number, rows: number): void
  /** A new id for the same session (it moved to another window): the old id stops working at once. */
  rekey(id: string): string
  count(): number
}

export function createExecSessions(now?: () => number): ExecSessions {
  type Entry = { sink: SessionSink; budget: ReturnType<typeof tokenBucket> }
  const live = new Map<string, Entry>()
  // The handle `add` returned, so `remove` still finds its session after a rekey.
  const byEntry = new WeakMap<Entry, { id: string }>()
  const find = (id: string): Entry => {
    const s = live.get(id)
    if (!s) throw new ApiError('NotFound', 'This terminal session has ended.')
    return s
  }
  const spend = (s: { budget: ReturnType<typeof tokenBucket> }, bytes: number): void => {
    if (!s.budget.take(Math.max(bytes, MIN_CALL_COST)))
      throw new ApiError(
        'Unavailable',
        'Input is arriving faster than a terminal accepts it; it was not sent.',
      )
  }
  return {
    add(sink) {
      if (live.size >= EXEC_SESSIONS_MAX)
        throw new ApiError(
          'Unavailable',
          `Too many terminal sessions are open (at most ${EXEC_SESSIONS_MAX}).`,
        )
      const id = newId()
      live.set(id, { sink, budget: tokenBucket(EXEC_INPUT_RATE, EXEC_INPUT_RATE, now) })
      const self = { id, remove: () => void live.delete(self.id) }
      byEntry.set(live.get(id)!, self)
      return self
    },
    rekey(id) {
      const entry = find(id)
      const next = newId()
      live.delete(id)
      live.set(next, entry)
      const handle = byEntry.get(entry)
      if (handle) handle.id = next
      return next
    },
    input(id, data) {
      const s = find(id)
      const bytes = Buffer.byteLength(data)
      spend(s, bytes)
      s.sink.write(data)
      return bytes
    },
    resize(id, cols, rows) {
      const s = find(id)
      spend(s, 0)
      s.sink.resize(cols, rows)
    },
    count: () => live.size,
  }
}
