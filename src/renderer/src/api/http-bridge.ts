import type { ApiErrorBody, Bridge, CallResult } from '@shared/contract'
import { unpackEvent } from '@shared/row-columns'
import { readSse } from './sse-reader'

interface Listener {
  stream: string
  input: unknown
  onEvent: (event: unknown) => void
  onEnd: (error?: ApiErrorBody) => void
}

/** `packed`: the event's rows came as columns (see @shared/row-columns). */
type Frame = { id: string; event?: unknown; packed?: true; end?: boolean; error?: ApiErrorBody }

export const NOT_AUTHORISED: ApiErrorBody = {
  code: 'Unauthorized',
  message: 'This session is no longer authorised — open the address Skiff printed when it started.',
}

const RETRY_MS = [500, 1000, 2000, 4000]

/** An HTTP answer read to its end. */
export interface ReadAnswer {
  status: number
  body: string
}

/** Reads a call's answer to its end, as the web bridge does before making sense of it. */
const readAnswer = async (res: Response): Promise<ReadAnswer> => ({
  status: res.status,
  body: await res.text(),
})

export interface HttpBridge extends Bridge {
  /**
   * The result of a call already sent and read (the page's first script sends one: boot/early-request.ts).
   * Once `read` has settled this takes no task of its own, only promise callbacks.
   */
  answer(read: Promise<ReadAnswer>): Promise<CallResult<unknown>>
}

/**
 * Web mode's Bridge: POST for calls; every stream shares one Server-Sent Events connection (browsers allow
 * only six connections per origin, so one stream per request would starve the calls), read with fetch so
 * that it carries the token in `Authorization` like every call. No cookie is ever involved.
 */
export function createHttpBridge(
  token: string | undefined,
  options: { base?: string; onRefused?: () => void } = {},
): HttpBridge {
  const base = options.base ?? ''
  // Skiff's own server refused the token (not a cluster's 401, which arrives inside a 200 answer).
  const refused = (): void => options.onRefused?.()
  const subs = new Map<string, Listener>()
  let connected = false
  let session: string | undefined
  let failures = 0
  let next = 0
  const headers = (json: boolean): Record<string, string> => ({
    ...(json ? { 'Content-Type': 'application/json' } : {}),
    ...(token ? { Authorization: `Bearer ${token}` } : {}),
  })

  const endAll = (error: ApiErrorBody): void => {
    const ended = [...subs.values()]
    subs.clear()
    for (const l of ended) l.onEnd(error)
  }

  const control = (body: Record<string, unknown>): void => {
    void fetch(`${base}/api/events/control`, {
      method: 'POST',
      headers: headers(true),
      credentials: 'omit',
      body: JSON.stringify({ session, ...body }),
    })
      // Read to the end: Chromium keeps a fetch whose body is never read (its loader, buffers and stream)
      // alive for the page's life, and a long session makes thousands of these.
      .then((res) => res.text())
      .catch(() => {
        // The event stream reports the outage; a reconnect re-subscribes everything.
      })
  }
  const subscribeOnServer = (id: string, l: Listener): void =>
    control({ op: 'subscribe', id, stream: l.stream, input: l.input })

  const onFrame = (data: string): void => {
    const frame = JSON.parse(data) as Frame
    const l = subs.get(frame.id)
    if (!l) return
    if (frame.end) {
      subs.delete(frame.id)
      l.onEnd(frame.error)
    } else l.onEvent(frame.packed ? unpackEvent(frame.event) : frame.event)
  }

  const connect = async (): Promise<void> => {
    connected = true
    let status = 0
    // A fresh id per open (first or after a reconnect): the subscriptions go out now, beside the stream's
    // open, instead of one round trip later on its `hello`; the server holds them until the stream opens.
    const chosen = newSessionId()
    session = chosen
    for (const [id, l] of subs) subscribeOnServer(id, l)
    try {
      const res = await fetch(`${base}/api/events?session=${chosen}`, {
        headers: headers(false),
        credentials: 'omit',
      })
      status = res.status
      if (res.ok && res.body) {
        await readSse(res.body, (m) => {
          if (m.event === 'hello') {
            failures = 0
            const given = (JSON.parse(m.data) as { session: string }).session
            if (given === chosen) return
            // The server named another session (an older backend, or the id was taken): subscribe there.
            session = given
            for (const [id, l] of subs) subscribeOnServer(id, l)
          } else onFrame(m.data)
        })
      }
    } catch {
      // Network error or the server went away: retried below.
    }
    session = undefined
    connected = false
    if (status === 401) {
      refused()
      return endAll(NOT_AUTHORISED)
    }
    if (subs.size === 0) return
    const delay = RETRY_MS[Math.min(failures++, RETRY_MS.length - 1)]!
    if (failures > 8)
      return endAll({ code: 'Unavailable', message: 'Lost the connection to Skiff’s backend.' })
    setTimeout(() => {
      if (!connected && subs.size > 0) void connect()
    }, delay)
  }

  const answer = async (read: Promise<ReadAnswer>): Promise<CallResult<unknown>> => {
    let res: ReadAnswer
    try {
      res = await read
    } catch {
      return unavailable('Skiff’s backend is not answering. Is `npm run serve` still running?')
    }
    if (res.status === 401) {
      refused()
      return { ok: false, error: NOT_AUTHORISED }
    }
    if (res.status < 200 || res.status > 299)
      return unavailable(`The backend answered ${res.status}: ${res.body}`)
    return JSON.parse(res.body) as CallResult<unknown>
  }

  return {
    transport: 'web',
    answer,
    call: (method, input) =>
      answer(
        fetch(`${base}/api/call`, {
          method: 'POST',
          headers: headers(true),
          credentials: 'omit',
          body: JSON.stringify({ method, input }),
        }).then(readAnswer),
      ),
    subscribe(stream, input, onEvent, onEnd) {
      const id = `s${++next}`
      const listener: Listener = { stream, input: input ?? {}, onEvent, onEnd }
      subs.set(id, listener)
      if (!connected) void connect()
      else if (session) subscribeOnServer(id, listener)
      return () => {
        if (subs.delete(id) && session) control({ op: 'unsubscribe', id })
      }
    },
  }
}

/** 128 random bits, URL-safe (crypto.randomUUID needs a secure context; getRandomValues does not). */
function newSessionId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}

function unavailable(message: string): CallResult<unknown> {
  return { ok: false, error: { code: 'Unavailable', message } }
}
