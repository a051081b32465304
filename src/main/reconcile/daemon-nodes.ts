// Which nodes a DaemonSet's pod belongs on, and why not: its nodeSelector, and the taints its pods do not
// tolerate. The DaemonSet controller adds tolerations of its own (pkg/controller/daemon/util: not-ready and
// unreachable for NoExecute; disk, memory and pid pressure and unschedulable for NoSchedule), so a cordoned or
// failing node still gets its daemon pod. Node affinity is not evaluated here.

export interface Taint {
  key?: string
  value?: string
  effect?: string
}

export interface Toleration {
  key?: string
  operator?: string
  value?: string
  effect?: string
}

export interface EligibilityNode {
  name: string
  labels: Record<string, string>
  taints: Taint[]
}

const DAEMON_TOLERATIONS: Toleration[] = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
]

function tolerates(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false
  if (t.operator === 'Exists') return !t.key || t.key === taint.key
  return t.key === taint.key && (t.value ?? '') === (taint.value ?? '')
}

export interface Ineligible {
  why: string
  /** A pod already there may stay: a NoSchedule taint only keeps new pods off (shouldContinueRunning). */
  mayStay: boolean
}

/** Why the DaemonSet's pod does not belong on the node, or undefined when it does. */
export function notEligible(
  node: EligibilityNode,
  nodeSelector: Record<string, string> | undefined,
  tolerations: Toleration[] | undefined,
): Ineligible | undefined {
  const missing = Object.entries(nodeSelector ?? {}).filter(([k, v]) => node.labels[k] !== v)
  if (missing.length)
    return {
      why: `its labels do not match the nodeSelector (${missing.map(([k, v]) => `${k}=${v}`).join(', ')})`,
      mayStay: false,
    }
  const all = [...(tolerations ?? []), ...DAEMON_TOLERATIONS]
  const blocking = node.taints.find(
    (taint) =>
      (taint.effect === 'NoSchedule' || taint.effect === 'NoExecute') &&
      !all.some((t) => tolerates(t, taint)),
  )
  if (blocking)
    return {
      why: `it has the taint ${blocking.key}${blocking.value ? `=${blocking.value}` : ''}:${blocking.effect} and the pods do not tolerate it`,
      mayStay: blocking.effect === 'NoSchedule',
    }
  return undefined
}
