import type { ExecEvent } from '@shared/contract'

/** Reads an `exec.session` stream as the terminal does: all output as one text, the session id, the exit. */
export interface ExecCollector {
  events: ExecEvent[]
  text(): string
  session(): string
  exit(): Extract<ExecEvent, { type: 'exit' }> | undefined
  /** Waits until the output matches, or fails with what was seen. */
  waitFor(what: string | RegExp, timeoutMs?: number): Promise<void>
  ended: Promise<unknown>
  stop(): Promise<void>
}

export function collectExec(stream: AsyncGenerator<ExecEvent>, abort: AbortController): ExecCollector {
  const events: ExecEvent[] = []
  const ended = (async () => {
    for await (const e of stream) events.push(e)
  })().then(
    () => undefined,
    (err: unknown) => err,
  )
  let done = false
  void ended.then(() => (done = true))
  const text = (): string => events.map((e) => (e.type === 'output' ? e.data : '')).join('')
  return {
    events,
    text,
    session() {
      const started = events.find((e) => e.type === 'started')
      if (!started) throw new Error('the session has not started')
      return started.session
    },
    exit: () => events.find((e) => e.type === 'exit'),
    async waitFor(what, timeoutMs = 20_000) {
      const until = Date.now() + timeoutMs
      const seen = (): boolean => (typeof what === 'string' ? text().includes(what) : what.test(text()))
      while (!seen()) {
        if (Date.now() > until || done)
          throw new Error(`no ${String(what)} in the output; got ${JSON.stringify(text().slice(-300))}`)
        await new Promise((r) => setTimeout(r, 20))
      }
    },
    ended,
    async stop() {
      abort.abort()
      await stream.return(undefined)
      await ended
    },
  }
}
