import { deleteObject } from '../api/deletion'
import { deepEqual } from '../api/deep-equal'
import { resourceByKind } from '../api/resources'
import type { Pod } from '../types'
import type { ControllerRevision, StatefulSet } from '../types-apps'
import { dataHash, ensureRevision, revisionData, revisionsOf, templateOf, truncateHistory } from './history'
import type { Sync } from './index'
import { controllerRef, isPodReady, ownedBy } from './owned'
import { deleteScaledClaims, ensureClaims } from './statefulset-claims'

// StatefulSet controller (pkg/controller/statefulset): stable ordinal pods created in order and removed in
// reverse, each waiting for the one before to be Running and Ready (OrderedReady) or all at once
// (Parallel); claims from volumeClaimTemplates; RollingUpdate from the highest ordinal down to the
// partition, or OnDelete; ControllerRevisions for rollout history and undo.
const stsDef = resourceByKind('StatefulSet')
const podDef = resourceByKind('Pod')
export const REVISION_LABEL = 'controller-revision-hash'
const HASH_LABEL = 'controller.kubernetes.io/hash'

function ordinalOf(set: StatefulSet, pod: Pod): number {
  const m = /^(.*)-(\d+)$/.exec(pod.metadata.name)
  return m && m[1] === set.metadata.name ? Number(m[2]) : -1
}

function isTerminating(pod: Pod): boolean {
  return !!pod.metadata.deletionTimestamp
}

function isHealthy(pod: Pod): boolean {
  return pod.status?.phase === 'Running' && isPodReady(pod) && !isTerminating(pod)
}

function isFinished(pod: Pod): boolean {
  return pod.status?.phase === 'Failed' || pod.status?.phase === 'Succeeded'
}

function event(sync: Sync, set: StatefulSet, verb: 'create' | 'delete', pod: string): void {
  const reason = verb === 'create' ? 'SuccessfulCreate' : 'SuccessfulDelete'
  const message = `${verb} Pod ${pod} in StatefulSet ${set.metadata.name} successful`
  sync.events.record(set, 'Normal', reason, message, 'statefulset-controller')
}

function createPod(sync: Sync, set: StatefulSet, ordinal: number, rev: ControllerRevision): void {
  const ns = set.metadata.namespace ?? ''
  const name = `${set.metadata.name}-${ordinal}`
  const template = templateOf(rev) ?? set.spec.template
  const spec = structuredClone(template.spec)
  const claims = ensureClaims(sync, set, ordinal)
  if (claims.length > 0) {
    const volumes = (Array.isArray(spec.volumes) ? spec.volumes : []) as Array<{ name: string }>
    const kept = volumes.filter((v) => !claims.some((c) => c.volume === v.name))
    spec.volumes = [
      ...claims.map((c) => ({ name: c.volume, persistentVolumeClaim: { claimName: c.claim } })),
      ...kept,
    ]
  }
  spec.hostname = name
  if (set.spec.serviceName) spec.subdomain = set.spec.serviceName
  sync.api.create(
    podDef,
    ns,
    {
      metadata: {
        name,
        generateName: `${set.metadata.name}-`,
        namespace: ns,
        labels: {
          ...template.metadata?.labels,
          'apps.kubernetes.io/pod-index': String(ordinal),
          [REVISION_LABEL]: rev.metadata.name,
          'statefulset.kubernetes.io/pod-name': name,
        },
        ...(template.metadata?.annotations ? { annotations: { ...template.metadata.annotations } } : {}),
        ownerReferences: [controllerRef(set)],
      },
      spec,
    },
    { internal: true },
  )
  event(sync, set, 'create', name)
}

function deletePod(sync: Sync, set: StatefulSet, pod: Pod): void {
  deleteObject(sync.api, podDef, pod.metadata.namespace ?? '', pod.metadata.name, {})
  event(sync, set, 'delete', pod.metadata.name)
}

// One pass of updateStatefulSet: returns after the first action that OrderedReady must wait on.
function reconcile(
  sync: Sync,
  set: StatefulSet,
  pods: Map<number, Pod>,
  current: ControllerRevision,
  update: ControllerRevision,
): void {
  const start = set.spec.ordinals?.start ?? 0
  const end = start + (set.spec.replicas ?? 1)
  const monotonic = set.spec.podManagementPolicy !== 'Parallel'
  const strategy = set.spec.updateStrategy?.type ?? 'RollingUpdate'
  const partition = start + (set.spec.updateStrategy?.rollingUpdate?.partition ?? 0)
  const revisionFor = (ord: number): ControllerRevision =>
    strategy === 'RollingUpdate' && ord < partition ? current : update
  for (let ord = start; ord < end; ord++) {
    const pod = pods.get(ord)
    if (pod && isFinished(pod) && !isTerminating(pod)) {
      deletePod(sync, set, pod)
      if (monotonic) return
      continue
    }
    if (!pod) {
      createPod(sync, set, ord, revisionFor(ord))
      if (monotonic) return
      continue
    }
    if (monotonic && !isHealthy(pod)) return
  }
  const condemned = [...pods.entries()].filter(([ord]) => ord < start || ord >= end).sort(([a], [b]) => b - a)
  for (const [, pod] of condemned) {
    if (isTerminating(pod)) {
      if (monotonic) return
      continue
    }
    if (monotonic && [...pods.values()].some((p) => p !== pod && !isHealthy(p))) return
    deletePod(sync, set, pod)
    if (monotonic) return
  }
  if (strategy !== 'RollingUpdate') return
  for (let ord = end - 1; ord >= partition; ord--) {
    const pod = pods.get(ord)
    if (!pod) return
    if (pod.metadata.labels?.[REVISION_LABEL] !== update.metadata.name && !isTerminating(pod)) {
      deletePod(sync, set, pod)
      return
    }
    if (!isHealthy(pod)) return
  }
}

function syncStatus(
  sync: Sync,
  set: StatefulSet,
  current: ControllerRevision,
  update: ControllerRevision,
): void {
  const pods = (ownedBy(sync.api, 'Pod', set) as Pod[]).filter((p) => ordinalOf(set, p) >= 0)
  const created = pods.filter((p) => !isTerminating(p))
  const revisionCount = (rev: ControllerRevision): number =>
    created.filter((p) => p.metadata.labels?.[REVISION_LABEL] === rev.metadata.name).length
  const ready = pods.filter((p) => p.status?.phase === 'Running' && isPodReady(p)).length
  const replicas = set.spec.replicas ?? 1
  let currentRevision = current.metadata.name
  let currentReplicas = revisionCount(current)
  const updatedReplicas = revisionCount(update)
  const rolling = (set.spec.updateStrategy?.type ?? 'RollingUpdate') === 'RollingUpdate'
  if (rolling && updatedReplicas === replicas && ready === replicas && pods.length === replicas) {
    currentRevision = update.metadata.name
    currentReplicas = updatedReplicas
  }
  const status: NonNullable<StatefulSet['status']> = {
    observedGeneration: set.metadata.generation ?? 1,
    replicas: pods.length,
    ...(ready ? { readyReplicas: ready } : {}),
    ...(currentReplicas ? { currentReplicas } : {}),
    ...(updatedReplicas ? { updatedReplicas } : {}),
    currentRevision,
    updateRevision: update.metadata.name,
    collisionCount: set.status?.collisionCount ?? 0,
    availableReplicas: ready,
  }
  if (deepEqual(status, set.status)) return
  const ns = set.metadata.namespace ?? ''
  sync.api.update(
    stsDef,
    ns,
    set.metadata.name,
    { ...structuredClone(set), status },
    {
      internal: true,
      subresource: 'status',
    },
  )
}

export function syncStatefulSet(sync: Sync, ns: string, name: string): void {
  const entry = sync.api.store.get(stsDef, ns, name)
  if (!entry || entry.obj.metadata.deletionTimestamp) return
  const set = entry.obj as StatefulSet
  const revisions = revisionsOf(sync, set)
  const data = revisionData(set.spec.template)
  const hash = dataHash(data, set.status?.collisionCount)
  const update = ensureRevision(sync, set, revisions, data, `${name}-${hash}`, {
    ...set.spec.template.metadata?.labels,
    [HASH_LABEL]: hash,
  })
  const all = revisionsOf(sync, set)
  const current = all.find((r) => r.metadata.name === set.status?.currentRevision) ?? update
  const pods = new Map<number, Pod>()
  for (const pod of ownedBy(sync.api, 'Pod', set) as Pod[]) {
    const ord = ordinalOf(set, pod)
    if (ord >= 0) pods.set(ord, pod)
  }
  reconcile(sync, set, pods, current, update)
  deleteScaledClaims(sync, set, new Set(pods.keys()))
  syncStatus(sync, set, current, update)
  const live = new Set([current.metadata.name, update.metadata.name])
  for (const pod of pods.values()) live.add(pod.metadata.labels?.[REVISION_LABEL] ?? '')
  truncateHistory(sync, all, live, set.spec.revisionHistoryLimit ?? 10)
}
