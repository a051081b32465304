import type { ApiErrorBody, Bridge, CallResult } from '@shared/contract'

interface Listener {
  stream: string
  input: unknown
  onEvent: (event: unknown) => void
  onEnd: (error?: ApiErrorBody) => void
}

type Frame = { id: string; event?: unknown; end?: boolean; error?: ApiErrorBody }

/**
 * Web mode's Bridge: POST for calls; every stream shares one Server-Sent Events connection (browsers allow
 * only six connections per origin, so one EventSource per stream would starve the calls). The HttpOnly cookie
 * carries the token.
 */
export function createHttpBridge(base = ''): Bridge {
  const subs = new Map<string, Listener>()
  let source: EventSource | undefined
  let session: string | undefined
  let next = 0

  const control = (body: Record<string, unknown>): void => {
    void fetch(`${base}/api/events/control`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify({ session, ...body }),
    }).catch(() => {
      // The event stream reports the outage; a reconnect re-subscribes everything.
    })
  }
  const subscribeOnServer = (id: string, l: Listener): void =>
    control({ op: 'subscribe', id, stream: l.stream, input: l.input })

  const ensureSource = (): void => {
    if (source) return
    const es = new EventSource(`${base}/api/events`)
    source = es
    es.addEventListener('hello', (e) => {
      // A new session (first open or after EventSource reconnected): the server holds no streams for it yet.
      session = (JSON.parse((e as MessageEvent<string>).data) as { session: string }).session
      for (const [id, l] of subs) subscribeOnServer(id, l)
    })
    es.onmessage = (e: MessageEvent<string>) => {
      const frame = JSON.parse(e.data) as Frame
      const l = subs.get(frame.id)
      if (!l) return
      if (frame.end) {
        subs.delete(frame.id)
        l.onEnd(frame.error)
      } else l.onEvent(frame.event)
    }
    es.onerror = () => {
      session = undefined
      // CONNECTING means the browser retries by itself; CLOSED means it gave up (e.g. 401 after a restart).
      if (es.readyState !== EventSource.CLOSED) return
      source = undefined
      const ended = [...subs.values()]
      subs.clear()
      for (const l of ended)
        l.onEnd({ code: 'Unavailable', message: 'Lost the connection to Skiff’s backend.' })
    }
  }

  return {
    transport: 'web',
    async call(method, input) {
      let res: Response
      try {
        res = await fetch(`${base}/api/call`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          credentials: 'same-origin',
          body: JSON.stringify({ method, input }),
        })
      } catch {
        return unavailable('Skiff’s backend is not answering. Is `npm run serve` still running?')
      }
      if (res.status === 401) return { ok: false, error: { code: 'Unauthorized', message: await res.text() } }
      if (!res.ok) return unavailable(`The backend answered ${res.status}: ${await res.text()}`)
      return (await res.json()) as CallResult<unknown>
    },
    subscribe(stream, input, onEvent, onEnd) {
      const id = `s${++next}`
      const listener: Listener = { stream, input: input ?? {}, onEvent, onEnd }
      subs.set(id, listener)
      ensureSource()
      if (session) subscribeOnServer(id, listener)
      return () => {
        if (subs.delete(id) && session) control({ op: 'unsubscribe', id })
      }
    },
  }
}

function unavailable(message: string): CallResult<unknown> {
  return { ok: false, error: { code: 'Unavailable', message } }
}
