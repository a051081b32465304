import { PassThrough } from 'node:stream'
import { Attach, CoreV1Api, Exec, type KubeConfig, type V1Status } from '@kubernetes/client-node'
import { ApiError } from '@shared/contract'
import { toApiError } from '../errors/policy'
import { exitFromStatus, type ExitInfo } from './exit-status'
import { TerminalOutput } from './terminal-output'

export interface ExecTarget {
  namespace: string
  pod: string
  container: string
}

export interface ExecOptions {
  mode: 'exec' | 'attach'
  /** Ignored for attach. */
  command: string[]
  tty: boolean
  /** Whether the command reads input (`kubectl exec -i`); a one-shot command without a TTY does not. */
  stdin: boolean
  cols: number
  rows: number
}

/** One exec or attach WebSocket (client-node's Exec/Attach, the same code for the sandbox and real clusters). */
export interface ExecConnection {
  write(data: string): void
  resize(cols: number, rows: number): void
  close(): void
  /** How it ended: the status channel's exit code, or the connection closing without one. */
  readonly ended: Promise<ExitInfo>
}

export async function openExec(
  kc: KubeConfig,
  target: ExecTarget,
  options: ExecOptions,
  onText: (text: string) => void,
): Promise<ExecConnection> {
  const stdin = options.stdin ? new PassThrough() : null
  const out = new TerminalOutput(options, onText)
  // Without a TTY stderr is a separate channel; the terminal shows both, as a shell would.
  const err = options.tty ? null : new TerminalOutput(options, onText)
  for (const s of [out, err]) s?.on('error', () => {}) // a chunk after the status channel ended the stream
  let status: V1Status | undefined
  const { namespace, pod, container } = target
  let ws: Awaited<ReturnType<Exec['exec']>>
  try {
    ws =
      options.mode === 'attach'
        ? await new Attach(kc).attach(namespace, pod, container, out, err, stdin, options.tty)
        : await new Exec(kc).exec(
            namespace,
            pod,
            container,
            options.command,
            out,
            err,
            stdin,
            options.tty,
            (s) => {
              status = s
            },
          )
  } catch (cause) {
    throw await explainRefusal(kc, target, cause)
  }
  const ended = new Promise<ExitInfo>((resolve) => {
    ws.on('close', () => {
      if (status) return resolve(exitFromStatus(status))
      resolve({
        message:
          options.mode === 'attach'
            ? 'The attached process ended or the connection closed.'
            : 'The connection to the container closed.',
        notFound: false,
      })
    })
  })
  ws.on('error', () => ws.terminate())
  return {
    write: (data) => void stdin?.write(data),
    resize: (cols, rows) => out.resize(cols, rows),
    close: () => {
      stdin?.destroy()
      ws.close()
    },
    ended,
  }
}

/**
 * The upgrade's refusal says only "Unexpected server response: 400": read the pod to say why in words (gone,
 * not running, no such container), falling back to the socket's own message.
 */
async function explainRefusal(kc: KubeConfig, t: ExecTarget, cause: unknown): Promise<ApiError> {
  const raw = cause && typeof cause === 'object' && 'message' in cause ? String(cause.message) : String(cause)
  let pod
  try {
    pod = await kc.makeApiClient(CoreV1Api).readNamespacedPod({ name: t.pod, namespace: t.namespace })
  } catch (err) {
    const e = toApiError(err, { doing: `open a shell in pod "${t.pod}"` })
    return e.code === 'NotFound' ? new ApiError('NotFound', `Pod "${t.pod}" no longer exists.`) : e
  }
  const spec = pod.spec?.containers.find((c) => c.name === t.container)
  if (!spec) return new ApiError('NotFound', `Pod "${t.pod}" has no container "${t.container}".`)
  const state = pod.status?.containerStatuses?.find((c) => c.name === t.container)?.state
  if (!state?.running) {
    const why = state?.waiting?.reason ?? state?.terminated?.reason ?? pod.status?.phase ?? 'not started'
    return new ApiError('Unavailable', `Container "${t.container}" is not running (${why}).`)
  }
  return new ApiError(
    'Unavailable',
    `The cluster refused the connection to container "${t.container}": ${raw}.`,
  )
}
