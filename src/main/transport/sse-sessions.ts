import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { ApiErrorBody } from '@shared/contract'
import { packEvent } from '@shared/row-columns'
import type { Dispatcher } from './dispatch'

/**
 * Web mode's streams share ONE Server-Sent Events connection per page: browsers allow only six HTTP/1.1
 * connections per origin, so one EventSource per stream would soon leave no connection for calls.
 * The page opens GET /api/events (it gets a session id), then subscribes and unsubscribes by POST.
 */
export interface SseSessions {
  open(req: IncomingMessage, res: ServerResponse): void
  control(body: unknown): { ok: true } | { ok: false; error: ApiErrorBody }
  /** Open sessions; tests use it to prove nothing leaks. */
  count(): number
  /** Streams subscribed on all open sessions. */
  streams(): number
}

interface Session {
  res: ServerResponse
  subs: Map<string, () => void>
}

const MAX_SUBSCRIPTIONS = 500
const KEEPALIVE_MS = 25_000

export function createSseSessions(dispatcher: Dispatcher): SseSessions {
  const sessions = new Map<string, Session>()

  const send = (session: Session, data: unknown): void => {
    session.res.write(`data: ${JSON.stringify(data)}\n\n`)
  }

  return {
    open(req, res) {
      const id = randomUUID()
      const session: Session = { res, subs: new Map() }
      sessions.set(id, session)
      res.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
      })
      res.write(`event: hello\ndata: ${JSON.stringify({ session: id })}\n\n`)
      // A comment line now and then keeps idle proxies and the browser from timing the stream out.
      const keepalive = setInterval(() => res.write(': keepalive\n\n'), KEEPALIVE_MS)
      req.on('close', () => {
        clearInterval(keepalive)
        sessions.delete(id)
        for (const stop of session.subs.values()) stop()
        session.subs.clear()
      })
    },

    control(body) {
      const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>
      const session = typeof b.session === 'string' ? sessions.get(b.session) : undefined
      if (!session)
        return refuse('Unavailable', 'The event stream this page opened is gone; it reconnects by itself.')
      const id = b.id
      if (typeof id !== 'string' || id.length === 0 || id.length > 100)
        return refuse('BadInput', 'A stream id is missing.')

      if (b.op === 'unsubscribe') {
        session.subs.get(id)?.()
        session.subs.delete(id)
        return { ok: true }
      }
      if (b.op !== 'subscribe') return refuse('BadInput', 'Unknown stream operation.')
      if (session.subs.has(id)) return { ok: true }
      if (session.subs.size >= MAX_SUBSCRIPTIONS)
        return refuse('BadInput', 'Too many open streams on this page.')

      let ended = false
      const stop = dispatcher.subscribe(
        typeof b.stream === 'string' ? b.stream : '',
        b.input,
        // A big snapshot part goes as columns (see row-columns.ts); the page's bridge turns it back into rows.
        (event) => send(session, { id, ...packEvent(event) }),
        (error) => {
          ended = true
          session.subs.delete(id)
          send(session, error ? { id, end: true, error } : { id, end: true })
        },
      )
      if (!ended) session.subs.set(id, stop)
      return { ok: true }
    },

    count: () => sessions.size,
    streams: () => [...sessions.values()].reduce((n, s) => n + s.subs.size, 0),
  }
}

function refuse(code: ApiErrorBody['code'], message: string): { ok: false; error: ApiErrorBody } {
  return { ok: false, error: { code, message } }
}
