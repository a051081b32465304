import type { LogEvent } from '@shared/contract'
import { ApiError } from '@shared/contract'
import { sleepUnlessAborted } from '../util/sleep'
import { AsyncQueue } from './async-queue'
import type { ActionDeps } from './deps'
import { batches, lineWriter } from './log-batches'
import { defaultContainer, notStartedReason, openPodLog, readPod, type PodLogOptions } from './pod-logs'

const WAIT_POLL_MS = 1000

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
  let pod = await readPod(kc, input.namespace, input.pod)
  const container = input.container ?? defaultContainer(pod)
  if (!container) throw new ApiError('NotFound', `Pod "${input.pod}" has no containers.`)
  // Following a container that is still starting waits for it, as a person would, instead of failing with
  // "waiting to start" just after a deployment was created.
  if (input.follow && !input.previous) {
    let said: string | undefined
    for (let why = notStartedReason(pod, container); why; why = notStartedReason(pod, container)) {
      if (why !== said) yield { lines: [], waiting: `Container "${container}" has not started yet: ${why}.` }
      said = why
      if (!(await sleepUnlessAborted(WAIT_POLL_MS, signal))) return
      pod = await readPod(kc, input.namespace, input.pod)
    }
    if (said) yield { lines: [] }
  }
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
