import { resourceByKind } from '../api/resources'
import type { KObj, Pod } from '../types'
import { isRecord } from '../types'
import type { Sync } from './index'
import { SELECTED_NODE } from './volumes'

// The scheduler's VolumeBinding plugin, for pods that use PersistentVolumeClaims: a missing or unbound
// Immediate claim keeps the pod Pending with the scheduler's FailedScheduling message; an unbound
// WaitForFirstConsumer claim gets the chosen node (volume.kubernetes.io/selected-node) and the pod waits
// for its volume; a bound local volume pins the pod to the volume's node.
const pvcDef = resourceByKind('PersistentVolumeClaim')
const pvDef = resourceByKind('PersistentVolume')
const scDef = resourceByKind('StorageClass')

export type VolumeGate =
  | { kind: 'ok'; node?: string; delayed: KObj[] }
  | { kind: 'wait' }
  | { kind: 'unschedulable'; reason: string }

function rec(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {}
}

export function claimNames(pod: KObj): string[] {
  const volumes = rec(pod.spec).volumes
  if (!Array.isArray(volumes)) return []
  return volumes
    .map((v) => rec(rec(v).persistentVolumeClaim).claimName)
    .filter((c): c is string => typeof c === 'string')
}

// The node a local volume's node affinity names (kubernetes.io/hostname In [node]).
function volumeNode(pv: KObj): string | undefined {
  const terms = rec(rec(rec(pv.spec).nodeAffinity).required).nodeSelectorTerms
  if (!Array.isArray(terms)) return undefined
  for (const term of terms) {
    const exprs = rec(term).matchExpressions
    if (!Array.isArray(exprs)) continue
    for (const e of exprs.map(rec)) {
      if (e.key === 'kubernetes.io/hostname' && e.operator === 'In' && Array.isArray(e.values))
        return String(e.values[0])
    }
  }
  return undefined
}

export function volumeGate(sync: Sync, pod: Pod): VolumeGate {
  const ns = pod.metadata.namespace ?? ''
  let node: string | undefined
  const delayed: KObj[] = []
  for (const name of claimNames(pod)) {
    const claim = sync.api.store.get(pvcDef, ns, name)?.obj
    if (!claim) return { kind: 'unschedulable', reason: `persistentvolumeclaim "${name}" not found` }
    if (claim.metadata.deletionTimestamp)
      return { kind: 'unschedulable', reason: `persistentvolumeclaim "${name}" is being deleted` }
    const volumeName = rec(claim.spec).volumeName
    if (typeof volumeName === 'string' && volumeName) {
      const pv = sync.api.store.get(pvDef, '', volumeName)?.obj
      const pinned = pv ? volumeNode(pv) : undefined
      if (pinned) node = pinned
      continue
    }
    const className = rec(claim.spec).storageClassName
    const sc =
      typeof className === 'string' && className ? sync.api.store.get(scDef, '', className)?.obj : undefined
    if (sc?.volumeBindingMode !== 'WaitForFirstConsumer')
      return { kind: 'unschedulable', reason: 'pod has unbound immediate PersistentVolumeClaims' }
    // a node was chosen already: the pod waits for its volume to be provisioned and bound
    if (claim.metadata.annotations?.[SELECTED_NODE]) return { kind: 'wait' }
    delayed.push(claim)
  }
  return { kind: 'ok', delayed, ...(node ? { node } : {}) }
}

// The scheduler picked `node` for a pod whose WaitForFirstConsumer claims are unbound: it tells the
// provisioner where (volume.kubernetes.io/selected-node) and binds the pod once they are bound.
export function selectNode(sync: Sync, claims: KObj[], node: string): void {
  for (const claim of claims) {
    const next = structuredClone(claim)
    next.metadata.annotations = { ...next.metadata.annotations, [SELECTED_NODE]: node }
    sync.api.update(pvcDef, claim.metadata.namespace ?? '', claim.metadata.name, next, { internal: true })
  }
}

// A PreFilter refusal: the same reason for every node, without per-node counts.
export function volumeFitMessage(reason: string, nodeCount: number): string {
  return `0/${nodeCount} nodes are available: ${reason}. preemption: 0/${nodeCount} nodes are available: ${nodeCount} Preemption is not helpful for scheduling.`
}
