import { deepEqual } from '../api/deep-equal'
import { resourceByKind } from '../api/resources'
import type { KObj, Pod } from '../types'
import { isRecord } from '../types'
import type { Sync } from './index'
import { condition } from './pod-status'
import { SELECTED_NODE } from './volumes'

// The scheduler's VolumeBinding plugin, for pods that use PersistentVolumeClaims: a missing or unbound
// Immediate claim keeps the pod Pending with the scheduler's FailedScheduling message; an unbound
// WaitForFirstConsumer claim gets the chosen node (volume.kubernetes.io/selected-node) and the pod waits
// for its volume; a bound local volume pins the pod to the volume's node.
const pvcDef = resourceByKind('PersistentVolumeClaim')
const pvDef = resourceByKind('PersistentVolume')
const scDef = resourceByKind('StorageClass')
const podDef = resourceByKind('Pod')

export type VolumeGate =
  { kind: 'ok'; node?: string } | { kind: 'wait' } | { kind: 'unschedulable'; reason: string }

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

export function volumeGate(sync: Sync, pod: Pod, pickNode: () => string): VolumeGate {
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
    delayed.push(claim)
  }
  if (delayed.length === 0) return { kind: 'ok', ...(node ? { node } : {}) }
  const chosen =
    node ?? delayed.map((c) => c.metadata.annotations?.[SELECTED_NODE]).find(Boolean) ?? pickNode()
  for (const claim of delayed) {
    if (claim.metadata.annotations?.[SELECTED_NODE] === chosen) continue
    const next = structuredClone(claim)
    next.metadata.annotations = { ...next.metadata.annotations, [SELECTED_NODE]: chosen }
    sync.api.update(pvcDef, ns, claim.metadata.name, next, { internal: true })
  }
  return { kind: 'wait' }
}

// PodScheduled=False with the scheduler's message, and its FailedScheduling event.
export function markUnschedulable(sync: Sync, pod: Pod, nodeCount: number, reason: string): void {
  const message = `0/${nodeCount} nodes are available: ${reason}. preemption: 0/${nodeCount} nodes are available: ${nodeCount} Preemption is not helpful for scheduling.`
  sync.events.record(pod, 'Warning', 'FailedScheduling', message, 'default-scheduler')
  const scheduled = condition('PodScheduled', false, sync.api.timestamp(), 'Unschedulable', message)
  const current = pod.status.conditions?.find((c) => c.type === 'PodScheduled')
  if (current && deepEqual({ ...current, lastTransitionTime: '' }, { ...scheduled, lastTransitionTime: '' }))
    return
  const next = structuredClone(pod)
  next.status = { ...next.status, conditions: [scheduled] }
  sync.api.update(podDef, pod.metadata.namespace ?? '', pod.metadata.name, next, {
    internal: true,
    subresource: 'status',
  })
}
