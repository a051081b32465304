import { deleteObject } from '../api/deletion'
import { resourceByKind } from '../api/resources'
import { nodeObject } from '../bootstrap'
import type { Condition, KObj, Pod } from '../types'
import { isRecord } from '../types'
import type { Sync } from './index'
import { registerNode } from './node-register'
import type { Taint } from './scheduler-fit'
import { nodeTaints } from './scheduler-fit'
import { evictByTaints } from './taint-eviction'

// kube-controller-manager's node lifecycle controller for the simulated nodes: the cordon taint, a node
// whose kubelet stopped going NotReady (unreachable taints, its pods marked not ready and later evicted by
// the taint-eviction controller), its return, and pod garbage collection when a node is deleted.
// A kubelet is stopped with the node annotation sandbox.skiff.dev/kubelet=stopped (as `docker stop` would
// stop a kind node's) and started again by removing it.
export const KUBELET_ANNOTATION = 'sandbox.skiff.dev/kubelet'
// --node-monitor-grace-period (50s since Kubernetes 1.32)
export const NODE_MONITOR_GRACE_MS = 50_000

const UNSCHEDULABLE = 'node.kubernetes.io/unschedulable'
const UNREACHABLE = 'node.kubernetes.io/unreachable'
const MANAGED = new Set([UNSCHEDULABLE, UNREACHABLE])

export function kubeletStopped(node: KObj): boolean {
  return node.metadata.annotations?.[KUBELET_ANNOTATION] === 'stopped'
}

export function podsOnNode(sync: Sync, node: string): Pod[] {
  return sync.api.store
    .list(resourceByKind('Pod'))
    .map((e) => e.obj as Pod)
    .filter((p) => p.spec.nodeName === node)
}

function conditionsOf(node: KObj): Condition[] {
  const status = isRecord(node.status) ? node.status : {}
  return Array.isArray(status.conditions) ? (status.conditions as Condition[]) : []
}

function unknownConditions(node: KObj, at: string): Condition[] {
  return conditionsOf(node).map((c) => ({
    ...c,
    status: 'Unknown',
    reason: 'NodeStatusUnknown',
    message: 'Kubelet stopped posting node status.',
    lastTransitionTime: c.status === 'Unknown' ? c.lastTransitionTime : at,
  }))
}

function readyConditions(node: KObj, at: string): Condition[] {
  const fresh = nodeObject(node.metadata.name, 0, at)
  return (isRecord(fresh.status) ? (fresh.status.conditions as Condition[]) : []).map((c) => ({
    ...c,
    lastHeartbeatTime: at,
  }))
}

function wantedTaints(node: KObj, unreachable: boolean, at: string): Taint[] {
  const current = nodeTaints(node)
  const keep = current.filter((t) => !MANAGED.has(t.key))
  const existing = (key: string, effect: string): Taint | undefined =>
    current.find((t) => t.key === key && t.effect === effect)
  const spec = isRecord(node.spec) ? node.spec : {}
  if (spec.unschedulable === true)
    keep.push(
      existing(UNSCHEDULABLE, 'NoSchedule') ?? { key: UNSCHEDULABLE, effect: 'NoSchedule', timeAdded: at },
    )
  if (unreachable) {
    keep.push(
      existing(UNREACHABLE, 'NoSchedule') ?? { key: UNREACHABLE, effect: 'NoSchedule', timeAdded: at },
    )
    keep.push(existing(UNREACHABLE, 'NoExecute') ?? { key: UNREACHABLE, effect: 'NoExecute', timeAdded: at })
  }
  return keep
}

export interface NodeLifecycle {
  sync(name: string): void
}

export function createNodeLifecycle(sync: Sync): NodeLifecycle {
  const { api, clock } = sync
  const nodeDef = resourceByKind('Node')
  const podDef = resourceByKind('Pod')
  const stoppedSince = new Map<string, number>()

  // PodGC: pods bound to a node that no longer exists are deleted at once.
  const collectOrphans = (name: string): void => {
    for (const pod of podsOnNode(sync, name))
      if (api.store.get(podDef, pod.metadata.namespace ?? '', pod.metadata.name))
        api.store.remove(podDef, pod.metadata.namespace ?? '', pod.metadata.name)
    const lease = resourceByKind('Lease')
    if (api.store.get(lease, 'kube-node-lease', name)) api.store.remove(lease, 'kube-node-lease', name)
  }

  const markPodsNotReady = (name: string): void => {
    const at = api.timestamp()
    for (const pod of podsOnNode(sync, name)) {
      const ready = pod.status.conditions?.find((c) => c.type === 'Ready')
      if (!ready || ready.status === 'False') continue
      const next = structuredClone(pod)
      next.status.conditions = (next.status.conditions ?? []).map((c) =>
        c.type === 'Ready' ? { ...c, status: 'False', lastTransitionTime: at } : c,
      )
      const saved = api.update(podDef, pod.metadata.namespace ?? '', pod.metadata.name, next, {
        internal: true,
      })
      sync.events.record(saved, 'Warning', 'NodeNotReady', 'Node is not ready', 'node-controller')
    }
  }

  return {
    sync(name) {
      const entry = api.store.get(nodeDef, '', name)
      if (!entry) {
        stoppedSince.delete(name)
        collectOrphans(name)
        return
      }
      const node = entry.obj
      if (conditionsOf(node).length === 0) return registerNode(sync, node)
      const now = clock.now()
      const at = api.timestamp()
      let unreachable = false
      let wake = Infinity
      if (kubeletStopped(node)) {
        const since = stoppedSince.get(name) ?? now
        stoppedSince.set(name, since)
        if (now - since >= NODE_MONITOR_GRACE_MS) unreachable = true
        else wake = since + NODE_MONITOR_GRACE_MS
      } else stoppedSince.delete(name)

      const wasReady = conditionsOf(node).find((c) => c.type === 'Ready')?.status === 'True'
      const next = structuredClone(node)
      const spec = isRecord(next.spec) ? next.spec : {}
      const taints = wantedTaints(node, unreachable, at)
      if (taints.length > 0) spec.taints = taints
      else delete spec.taints
      next.spec = spec
      const status = isRecord(next.status) ? next.status : {}
      const goesDown = unreachable && wasReady
      const comesBack = !kubeletStopped(node) && !wasReady
      if (goesDown) status.conditions = unknownConditions(node, at)
      if (comesBack) status.conditions = readyConditions(node, at)
      next.status = status
      const changed = goesDown || comesBack || JSON.stringify(taints) !== JSON.stringify(nodeTaints(node))
      const saved = changed ? api.update(nodeDef, '', name, next, { internal: true }) : node
      if (goesDown) {
        sync.events.record(
          saved,
          'Normal',
          'NodeNotReady',
          `Node ${name} status is now: NodeNotReady`,
          'node-controller',
        )
        markPodsNotReady(name)
      }
      if (comesBack) {
        sync.events.record(saved, 'Normal', 'NodeReady', `Node ${name} status is now: NodeReady`, 'kubelet')
        // the kubelet reports its pods again (and finishes their deletions)
        for (const pod of podsOnNode(sync, name))
          sync.enqueue(`Pod|${pod.metadata.namespace ?? ''}|${pod.metadata.name}`)
      }
      const evictAt = evictByTaints(
        sync,
        saved,
        () => podsOnNode(sync, name),
        (pod) => deleteObject(api, podDef, pod.metadata.namespace ?? '', pod.metadata.name, {}),
      )
      wake = Math.min(wake, evictAt ?? Infinity)
      if (Number.isFinite(wake)) sync.after(`Node||${name}`, wake - now)
    },
  }
}
