import type { ApiErrorBody, Bridge, CallResult } from '../../../shared/contract'

/** Web mode's Bridge: POST for calls, one Server-Sent Events request per stream. The cookie carries the token. */
export function createHttpBridge(base = ''): Bridge {
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
      const qs = new URLSearchParams({ name: stream, input: JSON.stringify(input ?? {}) })
      const source = new EventSource(`${base}/api/stream?${qs.toString()}`)
      let closed = false
      const close = (error?: ApiErrorBody): void => {
        if (closed) return
        closed = true
        source.close()
        onEnd(error)
      }
      source.onmessage = (e: MessageEvent<string>) => onEvent(JSON.parse(e.data))
      source.addEventListener('end', (e) => {
        const data = JSON.parse((e as MessageEvent<string>).data) as { error?: ApiErrorBody }
        close(data.error)
      })
      source.onerror = () => {
        // EventSource retries by itself while CONNECTING; CLOSED means it gave up.
        if (source.readyState === EventSource.CLOSED)
          close({ code: 'Unavailable', message: 'The stream was cut off.' })
      }
      return () => {
        closed = true
        source.close()
      }
    },
  }
}

function unavailable(message: string): CallResult<unknown> {
  return { ok: false, error: { code: 'Unavailable', message } }
}
