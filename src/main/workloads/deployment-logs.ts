import { AppsV1Api, CoreV1Api, Watch, type KubeConfig, type V1Pod } from '@kubernetes/client-node'
import type { DeploymentLogEvent } from '@shared/contract'
import { AsyncQueue } from './async-queue'
import type { ActionDeps } from './deps'
import { kubeCall } from './kube-error'
import { batches, lineWriter } from './log-batches'
import { afterBacklog, mergeBacklogs, splitStamp, type StampedLine } from './log-backlog'
import { readPodBacklog } from './pod-backlog'
import { defaultContainer, openPodLog } from './pod-logs'
import { formatSelector } from './selector'

export interface DeploymentLogInput {
  context?: string
  namespace: string
  name: string
  container?: string
  tailLines?: number
  sinceSeconds?: number
  timestamps?: boolean
}

type Item = { pod: string; line: string } | { pods: string[] }

interface Follower {
  abort: () => void
  restarts: number
  ended: boolean
}

function restartsOf(pod: V1Pod): number {
  return (pod.status?.containerStatuses ?? []).reduce((n, c) => n + c.restartCount, 0)
}

function canLog(pod: V1Pod): boolean {
  return pod.status?.phase === 'Running' && !pod.metadata?.deletionTimestamp
}

/** Every pod of a Deployment, interleaved as lines arrive; pods join and leave as the pod watch reports them. */
export async function* streamDeploymentLogs(
  deps: ActionDeps,
  input: DeploymentLogInput,
  signal: AbortSignal,
): AsyncGenerator<DeploymentLogEvent> {
  const kc = await deps.getKubeConfig(input.context)
  const apps = kc.makeApiClient(AppsV1Api)
  const deployment = await kubeCall(`read deployment "${input.name}"`, () =>
    apps.readNamespacedDeployment({ name: input.name, namespace: input.namespace }),
  )
  const queue = new AsyncQueue<Item>()
  const followers = new Map<string, Follower>()
  const announce = (): void => queue.push({ pods: [...followers.keys()].sort() })

  // Lines travel with their API timestamps (to merge pods by time); shown without unless asked for.
  const show = (l: StampedLine): string =>
    input.timestamps || !l.ts ? (l.ts ? `${l.ts} ${l.text}` : l.text) : l.text
  const containerOf = (pod: V1Pod): string | undefined => {
    const names = (pod.spec?.containers ?? []).map((c) => c.name)
    return input.container && names.includes(input.container) ? input.container : defaultContainer(pod)
  }

  /**
   * Follows one pod. `backlog`: the lines already shown for it (the follow starts at their last second and
   * skips the repeats); undefined for a pod that joined later, whose tail is read by the follow itself.
   */
  const follow = (pod: V1Pod, first: boolean, backlog?: StampedLine[]): void => {
    const name = pod.metadata?.name ?? ''
    const container = containerOf(pod)
    if (!container || signal.aborted) return
    const follower: Follower = { abort: () => {}, restarts: restartsOf(pod), ended: false }
    followers.set(name, follower)
    const keep = afterBacklog(backlog ?? [])
    const out = lineWriter(
      (raw) => {
        const line = splitStamp(raw)
        if (keep(line)) queue.push({ pod: name, line: show(line) })
      },
      () => (follower.ended = true),
    )
    const since = backlog?.at(-1)?.ts
    // A restarted container's new instance is read whole; the first one honours tail/since.
    const options = since
      ? { follow: true, timestamps: true, sinceTime: since }
      : first
        ? {
            follow: true,
            tailLines: input.tailLines,
            sinceSeconds: input.sinceSeconds,
            timestamps: true,
          }
        : { follow: true, timestamps: true }
    let cancelled = false
    let request: AbortController | undefined
    follower.abort = () => {
      cancelled = true
      request?.abort()
      out.destroy()
    }
    openPodLog(kc, input.namespace, name, container, options, out).then(
      (opened) => {
        request = opened
        if (!opened) follower.ended = true
        // The pod left (or the consumer stopped) while the request was opening.
        if (cancelled || signal.aborted) follower.abort()
      },
      (err: unknown) => {
        follower.ended = true
        const message = err instanceof Error ? err.message : String(err)
        queue.push({ pod: name, line: `[skiff] ${message}` })
      },
    )
  }

  /** The pods running now, their earlier lines read whole and shown in one timeline, then followed. */
  const startWithBacklog = async (labelSelector: string): Promise<void> => {
    const core = kc.makeApiClient(CoreV1Api)
    const listed = await kubeCall(`list the pods of deployment "${input.name}"`, () =>
      core.listNamespacedPod({ namespace: input.namespace, ...(labelSelector ? { labelSelector } : {}) }),
    )
    const running = listed.items.filter(canLog)
    const backlogs = await Promise.all(
      running.map((pod) => readPodBacklog(core, input, pod.metadata?.name ?? '', containerOf(pod))),
    )
    if (signal.aborted) return
    for (const { pod, line } of mergeBacklogs(backlogs)) queue.push({ pod, line: show(line) })
    for (const pod of running) {
      const name = pod.metadata?.name ?? ''
      const lines = backlogs.find((b) => b.pod === name)?.lines.filter((l) => l.ts) ?? []
      follow(pod, true, lines)
    }
  }

  const onPod = (phase: string, pod: V1Pod): void => {
    const name = pod.metadata?.name ?? ''
    const existing = followers.get(name)
    if (phase === 'DELETED' || (existing && pod.metadata?.deletionTimestamp)) {
      if (!existing) return
      existing.abort()
      followers.delete(name)
      announce()
      return
    }
    if (!canLog(pod)) return
    if (!existing) {
      follow(pod, true)
      announce()
    } else if (existing.ended && restartsOf(pod) > existing.restarts) {
      follow(pod, false)
    }
  }

  const labelSelector = formatSelector(deployment.spec?.selector)
  let watch: AbortController | undefined
  const onDone = (err?: unknown): void => {
    if (signal.aborted) return
    if (err) return queue.close(err)
    // The server ends watches after a while; start a fresh one (known pods are kept, new ones join).
    void startWatch(kc, input.namespace, labelSelector, onPod, onDone).then(
      (w) => (signal.aborted ? w.abort() : (watch = w)),
      (e: unknown) => queue.close(e),
    )
  }
  try {
    await startWithBacklog(labelSelector)
    if (signal.aborted) return
    watch = await startWatch(kc, input.namespace, labelSelector, onPod, onDone)
    if (signal.aborted) return
    announce()
    for await (const items of batches(queue, signal)) yield toEvent(items)
  } finally {
    watch?.abort()
    for (const f of followers.values()) f.abort()
    followers.clear()
  }
}

function startWatch(
  kc: KubeConfig,
  namespace: string,
  labelSelector: string,
  onPod: (phase: string, pod: V1Pod) => void,
  onDone: (err?: unknown) => void,
): Promise<AbortController> {
  return new Watch(kc).watch(
    `/api/v1/namespaces/${namespace}/pods`,
    labelSelector ? { labelSelector } : {},
    (phase, obj: V1Pod) => onPod(phase, obj),
    (err: unknown) => onDone(err ?? undefined),
  )
}

/** Groups consecutive lines of the same pod into one chunk; the last pod list wins. */
export function toEvent(items: Item[]): DeploymentLogEvent {
  const event: DeploymentLogEvent = { chunks: [] }
  let chunk: { pod: string; lines: string[] } | undefined
  for (const item of items) {
    if ('pods' in item) {
      event.pods = item.pods
      continue
    }
    if (chunk?.pod !== item.pod) {
      chunk = { pod: item.pod, lines: [] }
      event.chunks.push(chunk)
    }
    chunk.lines.push(item.line)
  }
  return event
}
