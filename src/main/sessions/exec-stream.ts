import type { KubeConfig } from '@kubernetes/client-node'
import type { ExecEvent } from '@shared/contract'
import { AsyncQueue } from '../workloads/async-queue'
import { openExec, type ExecConnection, type ExecTarget } from './exec-connection'
import type { ExecSessions } from './exec-sessions'
import type { ExitInfo } from './exit-status'

export interface ExecStreamInput extends ExecTarget {
  context?: string
  mode: 'exec' | 'attach'
  command?: string[]
  tty: boolean
  cols: number
  rows: number
}

/** The shells tried in order when no command is given, like `kubectl exec -it … -- bash || sh` by hand. */
export const SHELLS: string[][] = [['bash'], ['sh']]
/** Characters per output event; more waits for the next one. */
const EVENT_CHARS = 64 * 1024
/** Output the window has not taken yet; beyond it the session ends instead of filling memory. */
const BACKLOG_CHARS = 8 * 1024 * 1024

type Item = { text: string } | { end: ExitInfo }

/**
 * A terminal session as a stream: `started` (with the id that input and resize name), output as it comes,
 * then `exit`. Unsubscribing (or the window going away) closes the WebSocket in `finally`.
 */
export async function* streamExec(
  getKubeConfig: (context?: string) => Promise<KubeConfig>,
  sessions: ExecSessions,
  input: ExecStreamInput,
  signal: AbortSignal,
  shells: string[][] = SHELLS,
): AsyncGenerator<ExecEvent> {
  const kc = await getKubeConfig(input.context)
  const queue = new AsyncQueue<Item>()
  let backlog = 0
  const onText = (text: string): void => {
    backlog += text.length
    if (backlog > BACKLOG_CHARS) {
      queue.close()
      conn?.close()
    } else queue.push({ text })
  }
  let conn: ExecConnection | undefined
  let output = false
  const session = sessions.add({
    write: (data) => conn?.write(data),
    resize: (cols, rows) => conn?.resize(cols, rows),
  })
  const onAbort = (): void => queue.close()
  signal.addEventListener('abort', onAbort, { once: true })
  const commands = input.mode === 'attach' ? [[]] : input.command ? [input.command] : shells
  try {
    for (const [i, command] of commands.entries()) {
      const stdin = input.tty || !input.command
      conn = await openExec(kc, input, { ...input, command, stdin }, onText)
      const opened = conn
      void opened.ended.then((end) => queue.push({ end }))
      if (signal.aborted) return
      yield { type: 'started', session: session.id, command }
      for (;;) {
        await queue.wait()
        if (signal.aborted) return
        const items = queue.take()
        if (items.length === 0 && queue.closed) {
          yield { type: 'exit', message: 'The session produced output faster than the window could show it.' }
          return
        }
        let text = ''
        let end: ExitInfo | undefined
        for (const item of items) {
          if ('text' in item) text += item.text
          else end = item.end
        }
        backlog -= text.length
        for (let at = 0; at < text.length; at += EVENT_CHARS) {
          output = true
          yield { type: 'output', data: text.slice(at, at + EVENT_CHARS) }
        }
        if (!end) continue
        // A missing shell: try the next one, unless this one already said something.
        if (end.notFound && !output && i < commands.length - 1) break
        yield end.code === undefined
          ? { type: 'exit', message: end.message }
          : { type: 'exit', code: end.code, message: end.message }
        return
      }
    }
  } finally {
    signal.removeEventListener('abort', onAbort)
    session.remove()
    conn?.close()
  }
}
