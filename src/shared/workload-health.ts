import type { DeploymentRow, PodRow } from './rows'

/** Pod statuses (kubectl's STATUS column) that mean a pod will not become ready without a change. */
const stuck = new Set([
  'ImagePullBackOff',
  'ErrImagePull',
  'ErrImageNeverPull',
  'InvalidImageName',
  'RegistryUnavailable',
  'CrashLoopBackOff',
  'CreateContainerConfigError',
  'CreateContainerError',
  'RunContainerError',
  'ContainerCannotRun',
  'StartError',
  'OOMKilled',
  'Error',
])

/** The reason a pod is stuck (`Init:` kept, as kubectl prints it), or undefined for a healthy or busy one. */
export function podProblem(pod: PodRow): string | undefined {
  if (pod.deleting) return undefined
  const reason = pod.status.startsWith('Init:') ? pod.status.slice(5) : pod.status
  return stuck.has(reason) ? pod.status : undefined
}

/** Why a deployment's pods are failing: the commonest stuck reason, and how many of its pods have one. */
export interface WorkloadProblem {
  reason: string
  failing: number
  total: number
}

/**
 * The deployment a pod belongs to, as `namespace/name`: its owner ReplicaSet is named `<deployment>-<hash>`
 * with the hash also in the pod's `pod-template-hash` label, so no ReplicaSet watch is needed.
 */
export function deploymentKeyOfPod(pod: PodRow): string | undefined {
  const owner = pod.owner
  const hash = pod.labels['pod-template-hash']
  if (owner?.kind !== 'ReplicaSet' || !hash || !owner.name.endsWith(`-${hash}`)) return undefined
  const name = owner.name.slice(0, -hash.length - 1)
  return pod.namespace ? `${pod.namespace}/${name}` : name
}

/** Stuck pods per deployment key; deployments with no stuck pod are absent. */
export function deploymentProblems(pods: readonly PodRow[]): Map<string, WorkloadProblem> {
  const tally = new Map<string, { total: number; reasons: Map<string, number> }>()
  for (const pod of pods) {
    const key = deploymentKeyOfPod(pod)
    if (!key || pod.deleting) continue
    let t = tally.get(key)
    if (!t) tally.set(key, (t = { total: 0, reasons: new Map() }))
    t.total++
    const reason = podProblem(pod)
    if (reason) t.reasons.set(reason, (t.reasons.get(reason) ?? 0) + 1)
  }
  const out = new Map<string, WorkloadProblem>()
  for (const [key, t] of tally) {
    const { reason, failing } = commonestReason(t.reasons)
    if (failing) out.set(key, { reason, failing, total: t.total })
  }
  return out
}

/**
 * The reason most stuck pods give (the first by name on a tie, so the answer does not depend on the order the
 * pods were seen in), and how many pods are stuck for any reason.
 */
export function commonestReason(reasons: ReadonlyMap<string, number>): { reason: string; failing: number } {
  let reason = ''
  let failing = 0
  let most = 0
  for (const [r, n] of reasons) {
    failing += n
    if (n > most || (n === most && r < reason)) [reason, most] = [r, n]
  }
  return { reason, failing }
}

/** `Degraded: ImagePullBackOff (1 of 1 pods)`. */
export function problemText(p: WorkloadProblem): string {
  return `Degraded: ${p.reason} (${p.failing} of ${p.total} pods)`
}

/** A deployment row with what its pods say; `problem` is set only when some of them are stuck. */
export type DeploymentWithPods = DeploymentRow & { problem?: WorkloadProblem }

/** Deployment rows joined with their pods' problems; rows without a problem keep their identity. */
export function withPodProblems(
  deployments: readonly DeploymentRow[],
  problems: ReadonlyMap<string, WorkloadProblem>,
): DeploymentWithPods[] {
  return deployments.map((d) => {
    const problem = d.health === 'scaled-down' ? undefined : problems.get(d.key)
    return problem ? { ...d, problem } : d
  })
}
