import type { Condition, ContainerSpec, ContainerStatus, Pod } from '../types'
import type { ContainerEvent, ContainerStep } from './container-state'
import { initialStatus, stepContainer } from './container-state'

// Pure: the status a bound pod has at `now`, given its previous status.
export interface PodStatusStep {
  status: Pod['status']
  events: ContainerEvent[]
  nextAt?: number
}

export function condition(
  type: string,
  ok: boolean,
  at: string,
  reason?: string,
  message?: string,
): Condition {
  return {
    type,
    status: ok ? 'True' : 'False',
    lastProbeTime: null,
    lastTransitionTime: at,
    ...(reason ? { reason } : {}),
    ...(message ? { message } : {}),
  }
}

// Keep lastTransitionTime stable while a condition's status does not change.
function mergeConditions(prev: Condition[] | undefined, next: Condition[]): Condition[] {
  return next.map((c) => {
    const old = prev?.find((p) => p.type === c.type)
    return old && old.status === c.status ? { ...c, lastTransitionTime: old.lastTransitionTime } : c
  })
}

// What the kubelet adds to the runtime's step of a container (probes, memory limits).
export type ContainerHook = (c: ContainerSpec, step: ContainerStep) => ContainerStep

export function computePodStatus(
  pod: Pod,
  now: number,
  at: string,
  allocateIp: () => string,
  hook?: ContainerHook,
): PodStatusStep {
  let nextAt = Infinity
  const statuses: ContainerStatus[] = []
  const events: ContainerEvent[] = []
  for (const c of pod.spec.containers) {
    const prev = pod.status.containerStatuses?.find((s) => s.name === c.name) ?? initialStatus(c)
    const raw = stepContainer(pod, c, prev, now)
    const step = hook ? hook(c, raw) : raw
    statuses.push(step.status)
    events.push(...step.events)
    if (step.nextAt !== undefined) nextAt = Math.min(nextAt, step.nextAt)
  }
  const anyRunning = statuses.some((s) => s.state.running || s.restartCount > 0)
  const allReady = statuses.every((s) => s.ready)
  const notReady = statuses.filter((s) => !s.ready).map((s) => s.name)
  const status: Pod['status'] = { ...structuredClone(pod.status) }
  if (anyRunning && !status.podIP) {
    const ip = allocateIp()
    status.podIP = ip
    status.podIPs = [{ ip }]
  }
  // every container has exited for good (restartPolicy Never/OnFailure): the pod is done
  const done = statuses.length > 0 && statuses.every((s) => s.state.terminated)
  const failed = statuses.some((s) => (s.state.terminated?.exitCode ?? 0) !== 0)
  status.phase = done ? (failed ? 'Failed' : 'Succeeded') : anyRunning ? 'Running' : 'Pending'
  status.containerStatuses = statuses
  const why = done
    ? undefined
    : notReady.length > 0
      ? `containers with unready status: [${notReady.join(' ')}]`
      : undefined
  status.conditions = mergeConditions(pod.status.conditions, [
    condition('PodReadyToStartContainers', anyRunning, at),
    condition('Initialized', true, at),
    condition(
      'Ready',
      allReady,
      at,
      allReady ? undefined : done ? 'PodCompleted' : 'ContainersNotReady',
      why,
    ),
    condition(
      'ContainersReady',
      allReady,
      at,
      allReady ? undefined : done ? 'PodCompleted' : 'ContainersNotReady',
      why,
    ),
    condition('PodScheduled', true, at),
  ])
  return { status, events, ...(nextAt !== Infinity ? { nextAt } : {}) }
}
