import type { CoreV1Api, V1Pod, V1Service } from '@kubernetes/client-node'
import { ApiError, type ForwardablePort } from '@shared/contract'
import { kubeCall } from '../errors/policy'

export interface ForwardTarget {
  namespace: string
  target: { kind: 'pod' | 'service'; name: string }
  /** The port asked for: the Service's port, or the pod's container port. */
  port: number
}

export interface PodPort {
  pod: string
  podPort: number
  /** The pod's controller (a ReplicaSet, say): a pod forward moves to a sibling when its pod goes away. */
  ownerUid?: string
}

export function isReady(pod: V1Pod): boolean {
  return (
    !pod.metadata?.deletionTimestamp &&
    pod.status?.phase === 'Running' &&
    (pod.status.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True')
  )
}

const controllerUid = (pod: V1Pod): string | undefined =>
  pod.metadata?.ownerReferences?.find((o) => o.controller)?.uid

/** Oldest ready first: the pod least likely to be the next one a rollout replaces. */
function pickReady(pods: V1Pod[]): V1Pod | undefined {
  const ready = pods.filter(isReady)
  const t = (p: V1Pod): number => new Date(p.metadata?.creationTimestamp ?? 0).getTime()
  ready.sort((a, b) => t(a) - t(b) || (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? ''))
  return ready[0]
}

function selectorText(svc: V1Service): string | undefined {
  const sel = svc.spec?.selector
  if (!sel || Object.keys(sel).length === 0) return undefined
  return Object.entries(sel)
    .map(([k, v]) => `${k}=${v}`)
    .join(',')
}

/** The Service port's targetPort on one pod, as kubectl resolves it (a name looks up the container port). */
function servicePodPort(svc: V1Service, port: number, pod: V1Pod): number {
  const name = svc.metadata?.name ?? ''
  const sp = svc.spec?.ports?.find((p) => p.port === port)
  if (!sp) throw new ApiError('NotFound', `Service "${name}" has no port ${port}.`)
  const target = sp.targetPort ?? sp.port
  const asNumber = typeof target === 'number' ? target : /^\d+$/.test(target) ? Number(target) : undefined
  if (asNumber !== undefined) return asNumber
  for (const c of pod.spec?.containers ?? []) {
    const found = c.ports?.find((p) => p.name === target)
    if (found) return found.containerPort
  }
  throw new ApiError('NotFound', `Pod "${pod.metadata?.name}" has no container port named "${target}".`)
}

/** The pod (and its port) that carries a forward now; throws a sentence when there is none. */
export async function choosePod(core: CoreV1Api, t: ForwardTarget): Promise<PodPort> {
  const { namespace, target } = t
  if (target.kind === 'pod') {
    const pod = await kubeCall(`read pod "${target.name}"`, () =>
      core.readNamespacedPod({ name: target.name, namespace }),
    )
    if (pod.status?.phase !== 'Running')
      throw new ApiError(
        'Unavailable',
        `Pod "${target.name}" is not running (${pod.status?.phase ?? 'Unknown'}).`,
      )
    return { pod: target.name, podPort: t.port, ownerUid: controllerUid(pod) }
  }
  const svc = await kubeCall(`read service "${target.name}"`, () =>
    core.readNamespacedService({ name: target.name, namespace }),
  )
  if (!svc.spec?.ports?.some((p) => p.port === t.port))
    throw new ApiError('NotFound', `Service "${target.name}" has no port ${t.port}.`)
  const selector = selectorText(svc)
  if (!selector)
    throw new ApiError(
      'BadInput',
      `Service "${target.name}" has no selector, so no pod can be chosen for it.`,
    )
  const pods = await kubeCall(`list the pods of service "${target.name}"`, () =>
    core.listNamespacedPod({ namespace, labelSelector: selector }),
  )
  const pod = pickReady(pods.items)
  if (!pod)
    throw new ApiError('Unavailable', `Service "${target.name}" has no ready pod (selector ${selector}).`)
  return { pod: pod.metadata?.name ?? '', podPort: servicePodPort(svc, t.port, pod) }
}

/** A ready pod to move a forward to after its pod went away, or undefined while there is none yet. */
export async function findReplacement(
  core: CoreV1Api,
  t: ForwardTarget,
  was: PodPort,
): Promise<PodPort | undefined> {
  if (t.target.kind === 'service') {
    try {
      return await choosePod(core, t)
    } catch (err) {
      if (err instanceof ApiError && err.code === 'Unavailable') return undefined
      throw err
    }
  }
  // A bare pod forward: the same name back (a StatefulSet pod, a re-created pod) or a sibling of its controller.
  const pods = await core.listNamespacedPod({ namespace: t.namespace })
  const same = pods.items.find((p) => p.metadata?.name === t.target.name && isReady(p))
  const sibling = was.ownerUid
    ? pickReady(pods.items.filter((p) => controllerUid(p) === was.ownerUid))
    : undefined
  const pod = same ?? sibling
  return pod
    ? { pod: pod.metadata?.name ?? '', podPort: was.podPort, ownerUid: controllerUid(pod) }
    : undefined
}

/** The ports a pod's containers declare, or a Service's ports: what the forward buttons offer. */
export async function forwardablePorts(
  core: CoreV1Api,
  t: Omit<ForwardTarget, 'port'>,
): Promise<ForwardablePort[]> {
  const { namespace, target } = t
  if (target.kind === 'pod') {
    const pod = await kubeCall(`read pod "${target.name}"`, () =>
      core.readNamespacedPod({ name: target.name, namespace }),
    )
    return (pod.spec?.containers ?? []).flatMap((c) =>
      (c.ports ?? []).map((p) => ({
        port: p.containerPort,
        protocol: p.protocol ?? 'TCP',
        container: c.name,
        ...(p.name ? { name: p.name } : {}),
      })),
    )
  }
  const svc = await kubeCall(`read service "${target.name}"`, () =>
    core.readNamespacedService({ name: target.name, namespace }),
  )
  return (svc.spec?.ports ?? []).map((p) => ({
    port: p.port,
    protocol: p.protocol ?? 'TCP',
    targetPort: String(p.targetPort ?? p.port),
    ...(p.name ? { name: p.name } : {}),
  }))
}
