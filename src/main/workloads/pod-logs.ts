import {
  ApiException,
  CoreV1Api,
  Log,
  type KubeConfig,
  type LogOptions,
  type V1Pod,
} from '@kubernetes/client-node'
import { finished, type Readable, type Writable } from 'node:stream'
import type { ApiError } from '@shared/contract'
import { kubeCall, toApiError } from '../errors/policy'

export interface PodLogOptions {
  container?: string
  previous?: boolean
  tailLines?: number
  sinceSeconds?: number
  /** RFC3339; the API honours whole seconds. Not with sinceSeconds. */
  sinceTime?: string
  timestamps?: boolean
  follow: boolean
}

/** kubectl's choice: the `kubectl.kubernetes.io/default-container` annotation, else the first container. */
export function defaultContainer(pod: V1Pod): string | undefined {
  const names = (pod.spec?.containers ?? []).map((c) => c.name)
  const annotated = pod.metadata?.annotations?.['kubectl.kubernetes.io/default-container']
  return annotated && names.includes(annotated) ? annotated : names[0]
}

/**
 * Why `container` has no log yet because it never started (still being created, pulling its image, or its pod
 * not scheduled), or undefined once it has a log to read. A container waiting to restart (CrashLoopBackOff)
 * has one: its last run's.
 */
export function notStartedReason(pod: V1Pod, container: string): string | undefined {
  const statuses = [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])]
  const status = statuses.find((c) => c.name === container)
  if (!status) return pod.status?.phase === 'Pending' || !pod.status?.phase ? 'Pending' : undefined
  if (status.state?.waiting && !status.lastState?.terminated) return status.state.waiting.reason ?? 'Waiting'
  return undefined
}

export async function readPod(kc: KubeConfig, namespace: string, name: string): Promise<V1Pod> {
  const core = kc.makeApiClient(CoreV1Api)
  return kubeCall(`read pod "${name}"`, () => core.readNamespacedPod({ name, namespace }))
}

/**
 * Opens one pods/log request into `out`; resolves to its AbortController, or undefined when there is no log
 * (204: the pod is not scheduled yet). Failures carry the server's message.
 */
export async function openPodLog(
  kc: KubeConfig,
  namespace: string,
  pod: string,
  container: string,
  options: PodLogOptions,
  out: Writable,
): Promise<AbortController | undefined> {
  const opts: LogOptions = {
    follow: options.follow,
    previous: options.previous ?? false,
    timestamps: options.timestamps ?? false,
    ...(options.tailLines !== undefined ? { tailLines: options.tailLines } : {}),
    ...(options.sinceSeconds !== undefined ? { sinceSeconds: options.sinceSeconds } : {}),
    ...(options.sinceTime !== undefined ? { sinceTime: options.sinceTime } : {}),
  }
  // client-node pipes the response body into `out` with pipe(), which ends `out` when the body ends but not
  // when it fails (the connection cut mid-stream: no closing chunk). End it then too, so the reader sees the
  // log end and can find out why, instead of waiting for lines forever.
  out.once('pipe', (body: Readable) =>
    finished(body, (err) => {
      if (err && !out.destroyed && !out.writableEnded) out.end()
    }),
  )
  try {
    return await new Log(kc).log(namespace, pod, container, out, opts)
  } catch (err) {
    if (err instanceof ApiException && err.code === 204) return undefined
    throw await explain(kc, namespace, pod, container, options, err)
  }
}

/** client-node's Log drops the server's words on a 4xx; a plain read of the same log gets them back. */
async function explain(
  kc: KubeConfig,
  namespace: string,
  pod: string,
  container: string,
  options: PodLogOptions,
  original: unknown,
): Promise<ApiError> {
  const doing = `read the log of pod "${pod}"`
  try {
    await kc.makeApiClient(CoreV1Api).readNamespacedPodLog({
      name: pod,
      namespace,
      container,
      previous: options.previous ?? false,
      tailLines: 1,
    })
  } catch (err) {
    return toApiError(err, { doing })
  }
  return toApiError(original, { doing })
}
