import { randomBytes } from 'node:crypto'
import { ApiError, EXEC_INPUT_RATE, EXEC_SESSIONS_MAX } from '@shared/contract'
import { tokenBucket } from './rate-limit'

/** What `exec.input` and `exec.resize` reach: the live sessions by id, each with its own input budget. */
export interface SessionSink {
  write(data: string): void
  resize(cols: number, rows: number): void
}

// Each call costs at least this many bytes of budget, so a flood of one-byte calls is limited too.
const MIN_CALL_COST = 64

export interface ExecSessions {
  add(sink: SessionSink): { id: string; remove(): void }
  input(id: string, data: string): number
  resize(id: string, cols: number, rows: number): void
  count(): number
}

export function createExecSessions(now?: () => number): ExecSessions {
  const live = new Map<string, { sink: SessionSink; budget: ReturnType<typeof tokenBucket> }>()
  const find = (id: string): { sink: SessionSink; budget: ReturnType<typeof tokenBucket> } => {
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
      const id = randomBytes(18).toString('base64url')
      live.set(id, { sink, budget: tokenBucket(EXEC_INPUT_RATE, EXEC_INPUT_RATE, now) })
      return { id, remove: () => void live.delete(id) }
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
