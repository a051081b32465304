import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { ApiErrorBody } from '@shared/contract'
import { packEvent } from '@shared/row-columns'
import type { Dispatcher } from './dispatch'
import { writeFrame } from './sse-write'

/**
 * Web mode's streams share ONE Server-Sent Events connection per page: browsers allow only six HTTP/1.1
 * connections per origin, so one EventSource per stream would soon leave no connection for calls.
 * The page opens GET /api/events?session=ID with an id it chose, and subscribes and unsubscribes by POST
 * naming that id. Its first subscriptions go out together with the stream's open, not after its `hello`:
 * a subscription that arrives before its stream is started at once and its frames are held (a pending
 * session, bounded in number and life) until the stream opens. Without `?session` the server picks the id.
 */
export interface SseSessions {
  open(req: IncomingMessage, res: ServerResponse, requested?: string | null): void
  control(body: unknown): { ok: true } | { ok: false; error: ApiErrorBody }
  /** Open sessions; tests use it to prove nothing leaks. */
  count(): number
  /** Streams subscribed on all open sessions. */
  streams(): number
}

interface Session {
  /** Unset while the session is pending: subscribed, its stream not open yet. */
  res?: ServerResponse
  held: string[]
  subs: Map<string, () => void>
  expiry?: ReturnType<typeof setTimeout>
}

const MAX_SUBSCRIPTIONS = 500
const KEEPALIVE_MS = 25_000
/** A page opens one stream; a few pending sessions cover reloads and reconnects, more is abuse. */
const MAX_PENDING = 16
/** A pending session whose stream never opens (the page went away) ends with its streams after this. */
export const PENDING_MS = 10_000
const SESSION_ID = /^[A-Za-z0-9_-]{16,64}$/

export const isSessionId = (v: unknown): v is string => typeof v === 'string' && SESSION_ID.test(v)

export function createSseSessions(dispatcher: Dispatcher): SseSessions {
  const sessions = new Map<string, Session>()

  const send = (session: Session, data: unknown): void => {
    const frame = `data: ${JSON.stringify(data)}\n\n`
    if (session.res) writeFrame(session.res, frame)
    else session.held.push(frame)
  }
  const end = (id: string, session: Session): void => {
    clearTimeout(session.expiry)
    if (sessions.get(id) === session) sessions.delete(id)
    for (const stop of session.subs.values()) stop()
    session.subs.clear()
    session.held = []
  }
  const pending = (): number => [...sessions.values()].filter((s) => !s.res).length

  return {
    open(req, res, requested) {
      // The page's own id, unless a live stream already has it (then the page re-subscribes on `hello`).
      const existing = isSessionId(requested) ? sessions.get(requested) : undefined
      const id = isSessionId(requested) && !existing?.res ? requested : randomUUID()
      const session: Session = existing && !existing.res ? existing : { held: [], subs: new Map() }
      clearTimeout(session.expiry)
      session.res = res
      sessions.set(id, session)
      res.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
      })
      writeFrame(res, `event: hello\ndata: ${JSON.stringify({ session: id })}\n\n`)
      for (const frame of session.held) writeFrame(res, frame)
      session.held = []
      // A comment line now and then keeps idle proxies and the browser from timing the stream out.
      const keepalive = setInterval(() => res.write(': keepalive\n\n'), KEEPALIVE_MS)
      req.on('close', () => {
        clearInterval(keepalive)
        end(id, session)
      })
    },

    control(body) {
      const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>
      let session = typeof b.session === 'string' ? sessions.get(b.session) : undefined
      // A subscription ahead of its stream: held as a pending session until the stream opens.
      if (!session && b.op === 'subscribe' && isSessionId(b.session) && pending() < MAX_PENDING) {
        const sid = b.session
        const created: Session = { held: [], subs: new Map() }
        created.expiry = setTimeout(() => end(sid, created), PENDING_MS)
        created.expiry.unref?.()
        sessions.set(sid, created)
        session = created
      }
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

    count: () => sessions.size - pending(),
    streams: () => [...sessions.values()].reduce((n, s) => n + s.subs.size, 0),
  }
}

function refuse(code: ApiErrorBody['code'], message: string): { ok: false; error: ApiErrorBody } {
  return { ok: false, error: { code, message } }
}
