import type { LogEvent } from '../../shared/contract'
import { ApiError } from '../../shared/contract'
import { AsyncQueue } from './async-queue'
import type { ActionDeps } from './deps'
import { batches, lineWriter } from './log-batches'
import { defaultContainer, openPodLog, readPod, type PodLogOptions } from './pod-logs'

export interface LogStreamInput extends PodLogOptions {
  context?: string
  namespace: string
  pod: string
}

/** One container's log as batches of lines; unsubscribing aborts the HTTP request in `finally`. */
export async function* streamPodLog(
  deps: ActionDeps,
  input: LogStreamInput,
  signal: AbortSignal,
): AsyncGenerator<LogEvent> {
  const kc = await deps.getKubeConfig(input.context)
  const pod = await readPod(kc, input.namespace, input.pod)
  const container = input.container ?? defaultContainer(pod)
  if (!container) throw new ApiError('NotFound', `Pod "${input.pod}" has no containers.`)
  const queue = new AsyncQueue<string>()
  const out = lineWriter(
    (line) => queue.push(line),
    () => queue.close(),
  )
  let request: AbortController | undefined
  try {
    request = await openPodLog(kc, input.namespace, input.pod, container, input, out)
    if (!request) return
    if (signal.aborted) return
    for await (const lines of batches(queue, signal)) yield { lines }
    // A follow cut by a lost connection must end with an error, not look like a log that simply ended.
    if (input.follow && !signal.aborted) {
      await readPod(kc, input.namespace, input.pod).catch((err: unknown) => {
        if (err instanceof ApiError && err.code === 'Unavailable') throw err
      })
    }
  } finally {
    request?.abort()
    out.destroy()
  }
}
