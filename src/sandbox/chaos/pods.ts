import type { ObjectApi } from '../api/objects'
import { resourceByKind } from '../api/resources'
import type { Controllers } from '../controllers'
import type { Condition, Pod } from '../types'

const notReady = (conditions: Condition[] | undefined, at: string, reason: string): Condition[] =>
  (conditions ?? []).map((c) =>
    c.type === 'Ready' || c.type === 'ContainersReady'
      ? { ...c, status: 'False', reason, lastTransitionTime: at }
      : c,
  )

/** Removes pods at once (a force delete), each with an event saying who did it and why. */
export function evictPods(
  api: ObjectApi,
  controllers: Controllers,
  pods: Pod[],
  reason: string,
  message: string,
): void {
  const podDef = resourceByKind('Pod')
  const component = reason === 'Killing' ? 'kubelet' : 'taint-eviction-controller'
  for (const p of pods) {
    controllers.events.record(p, 'Normal', reason, message, component)
    api.store.remove(podDef, p.metadata.namespace ?? '', p.metadata.name)
  }
}

/**
 * Ends every container of the pods as a crash would (exit 1) or the kernel's OOM killer (exit 137); the kubelet
 * then restarts them with back-off, as restartPolicy says.
 */
export function crashContainers(
  api: ObjectApi,
  controllers: Controllers,
  pods: Pod[],
  why: 'Error' | 'OOMKilled',
): void {
  const podDef = resourceByKind('Pod')
  const at = api.timestamp()
  for (const p of pods) {
    const statuses = p.status.containerStatuses ?? []
    if (!statuses.some((s) => s.state.running)) continue
    const next = structuredClone(p)
    next.status.containerStatuses = statuses.map((s) =>
      s.state.running
        ? {
            ...s,
            ready: false,
            started: false,
            state: {
              terminated: {
                exitCode: why === 'OOMKilled' ? 137 : 1,
                reason: why,
                startedAt: s.state.running.startedAt,
                finishedAt: at,
                ...(s.containerID ? { containerID: s.containerID } : {}),
              },
            },
          }
        : s,
    )
    next.status.conditions = notReady(p.status.conditions, at, 'ContainersNotReady')
    api.update(podDef, p.metadata.namespace ?? '', p.metadata.name, next, { internal: true })
    if (why === 'OOMKilled') {
      const message = `Memory cgroup out of memory: Killed process (pod ${p.metadata.name})`
      controllers.events.record(p, 'Warning', 'OOMKilling', message, 'kernel-monitor')
    }
  }
}
