import { resourceByKind } from '../api/resources'
import type { Deployment, ReplicaSet } from '../types'
import { deploymentStatus } from './deployment-status'
import {
  DESIRED,
  HASH_LABEL,
  MAX_REPLICAS,
  REVISION,
  REVISION_HISTORY,
  SKIP_ANNOTATIONS,
  fenceposts,
  replicasOf,
  revisionOf,
  sameTemplate,
  sum,
  templateHash,
} from './deployment-util'
import type { Sync } from './index'
import { controllerRef, ownedBy } from './owned'

// Deployment controller (pkg/controller/deployment): new/old ReplicaSets, revisions, RollingUpdate and
// Recreate scaling, history cleanup and status.
const rsDef = resourceByKind('ReplicaSet')
const deployDef = resourceByKind('Deployment')

function copiedAnnotations(d: Deployment): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) if (!SKIP_ANNOTATIONS.has(k)) out[k] = v
  return out
}

function scaleTo(sync: Sync, d: Deployment, rs: ReplicaSet, replicas: number): ReplicaSet {
  const from = replicasOf(rs)
  if (from === replicas) return rs
  const next = structuredClone(rs)
  next.spec.replicas = replicas
  const { surge } = fenceposts(d)
  next.metadata.annotations = {
    ...next.metadata.annotations,
    [DESIRED]: String(d.spec.replicas ?? 1),
    [MAX_REPLICAS]: String((d.spec.replicas ?? 1) + surge),
  }
  const saved = sync.api.update(rsDef, rs.metadata.namespace ?? '', rs.metadata.name, next, {
    internal: true,
  })
  const verb = replicas > from ? 'up' : 'down'
  const message = `Scaled ${verb} replica set ${rs.metadata.name} from ${from} to ${replicas}`
  sync.events.record(d, 'Normal', 'ScalingReplicaSet', message, 'deployment-controller')
  return saved as ReplicaSet
}

function createNewRs(sync: Sync, d: Deployment, revision: number): ReplicaSet {
  const ns = d.metadata.namespace ?? ''
  const hash = templateHash(d.spec.template, d.status?.collisionCount)
  const labels = { ...d.spec.template.metadata?.labels, [HASH_LABEL]: hash }
  const template = structuredClone(d.spec.template)
  template.metadata = { ...template.metadata, labels }
  const { surge } = fenceposts(d)
  const rs = sync.api.create(
    rsDef,
    ns,
    {
      metadata: {
        name: `${d.metadata.name}-${hash}`,
        namespace: ns,
        labels,
        annotations: {
          ...copiedAnnotations(d),
          [REVISION]: String(revision),
          [DESIRED]: String(d.spec.replicas ?? 1),
          [MAX_REPLICAS]: String((d.spec.replicas ?? 1) + surge),
        },
        ownerReferences: [controllerRef(d)],
      },
      spec: {
        replicas: 0,
        minReadySeconds: d.spec.minReadySeconds ?? 0,
        selector: { ...d.spec.selector, matchLabels: { ...d.spec.selector.matchLabels, [HASH_LABEL]: hash } },
        template,
      },
    },
    { internal: true },
  ) as ReplicaSet
  return rs
}

// Brings the new RS's revision and copied annotations up to date (revision bump on rollback).
function syncRevision(sync: Sync, d: Deployment, rs: ReplicaSet, maxOld: number): ReplicaSet {
  const current = revisionOf(rs)
  const annotations: Record<string, string> = { ...rs.metadata.annotations, ...copiedAnnotations(d) }
  if (current <= maxOld) {
    annotations[REVISION] = String(maxOld + 1)
    const history = rs.metadata.annotations?.[REVISION_HISTORY]
    annotations[REVISION_HISTORY] = history ? `${history},${current}` : String(current)
  }
  const changed = Object.entries(annotations).some(([k, v]) => rs.metadata.annotations?.[k] !== v)
  if (!changed) return rs
  const next = structuredClone(rs)
  next.metadata.annotations = annotations
  return sync.api.update(rsDef, rs.metadata.namespace ?? '', rs.metadata.name, next, {
    internal: true,
  }) as ReplicaSet
}

function rollingUpdate(sync: Sync, d: Deployment, newRs: ReplicaSet, olds: ReplicaSet[]): void {
  const desired = d.spec.replicas ?? 1
  const { surge, unavailable } = fenceposts(d)
  if (replicasOf(newRs) > desired) {
    newRs = scaleTo(sync, d, newRs, desired)
  } else {
    const total = replicasOf(newRs) + sum(olds, replicasOf)
    const room = desired + surge - total
    const up = Math.min(room, desired - replicasOf(newRs))
    if (up > 0) newRs = scaleTo(sync, d, newRs, replicasOf(newRs) + up)
  }
  const oldTotal = sum(olds, replicasOf)
  if (oldTotal === 0) return
  const all = replicasOf(newRs) + oldTotal
  const minAvailable = desired - unavailable
  const newUnavailable = replicasOf(newRs) - (newRs.status?.availableReplicas ?? 0)
  let maxScaledDown = all - minAvailable - newUnavailable
  if (maxScaledDown <= 0) return
  // Unhealthy old replicas go first, then the oldest ReplicaSets while enough stay available.
  const byAge = [...olds].sort((a, b) => revisionOf(a) - revisionOf(b))
  const remaining = new Map(byAge.map((rs) => [rs, replicasOf(rs)]))
  for (const rs of byAge) {
    if (maxScaledDown <= 0) break
    const unhealthy = replicasOf(rs) - (rs.status?.availableReplicas ?? 0)
    const cut = Math.min(maxScaledDown, Math.max(0, unhealthy), replicasOf(rs))
    if (cut > 0) {
      remaining.set(rs, replicasOf(rs) - cut)
      maxScaledDown -= cut
    }
  }
  const available = (newRs.status?.availableReplicas ?? 0) + sum(olds, (rs) => rs.status?.availableReplicas)
  let budget = Math.min(maxScaledDown, available - minAvailable)
  for (const rs of byAge) {
    if (budget <= 0) break
    const left = remaining.get(rs) ?? 0
    const cut = Math.min(left, budget)
    remaining.set(rs, left - cut)
    budget -= cut
  }
  for (const rs of byAge) scaleTo(sync, d, rs, remaining.get(rs) ?? replicasOf(rs))
}

function recreate(sync: Sync, d: Deployment, newRs: ReplicaSet, olds: ReplicaSet[]): void {
  const active = olds.filter((rs) => replicasOf(rs) > 0)
  if (active.length > 0) {
    for (const rs of active) scaleTo(sync, d, rs, 0)
    return
  }
  // Wait for every old pod, terminating ones included, to be gone (oldPodsRunning).
  if (olds.some((rs) => ownedBy(sync.api, 'Pod', rs).length > 0)) return
  scaleTo(sync, d, newRs, d.spec.replicas ?? 1)
}

function scalePaused(sync: Sync, d: Deployment, newRs: ReplicaSet | undefined, olds: ReplicaSet[]): void {
  const desired = d.spec.replicas ?? 1
  const active = [...(newRs ? [newRs] : []), ...olds].filter((rs) => replicasOf(rs) > 0)
  const target = active.length <= 1 ? (active[0] ?? newRs) : undefined
  if (target) scaleTo(sync, d, target, desired)
  else if (newRs && replicasOf(newRs) === desired) for (const rs of olds) scaleTo(sync, d, rs, 0)
}

function cleanup(sync: Sync, d: Deployment, olds: ReplicaSet[]): void {
  const limit = d.spec.revisionHistoryLimit ?? 10
  const idle = olds
    .filter((rs) => replicasOf(rs) === 0 && (rs.status?.replicas ?? 0) === 0)
    .sort((a, b) => revisionOf(a) - revisionOf(b))
  for (const rs of idle.slice(0, Math.max(0, idle.length - limit))) {
    sync.api.store.remove(rsDef, rs.metadata.namespace ?? '', rs.metadata.name)
  }
}

export function syncDeployment(sync: Sync, ns: string, name: string): void {
  const entry = sync.api.store.get(deployDef, ns, name)
  if (!entry || entry.obj.metadata.deletionTimestamp) return
  let d = entry.obj as Deployment
  const all = (ownedBy(sync.api, 'ReplicaSet', d) as ReplicaSet[]).sort((a, b) =>
    a.metadata.creationTimestamp === b.metadata.creationTimestamp
      ? a.metadata.name.localeCompare(b.metadata.name)
      : a.metadata.creationTimestamp.localeCompare(b.metadata.creationTimestamp),
  )
  let newRs = all.find((rs) => sameTemplate(rs, d))
  const olds = all.filter((rs) => rs !== newRs)
  const maxOld = Math.max(0, ...olds.map(revisionOf))
  let created = false
  if (!d.spec.paused) {
    if (!newRs) {
      newRs = createNewRs(sync, d, maxOld + 1)
      created = true
    } else newRs = syncRevision(sync, d, newRs, maxOld)
    const revision = newRs.metadata.annotations?.[REVISION]
    if (revision && d.metadata.annotations?.[REVISION] !== revision) {
      const next = structuredClone(d)
      next.metadata.annotations = { ...next.metadata.annotations, [REVISION]: revision }
      d = sync.api.update(deployDef, ns, name, next, { internal: true }) as Deployment
    }
    if (d.spec.strategy?.type === 'Recreate') recreate(sync, d, newRs, olds)
    else rollingUpdate(sync, d, newRs, olds)
  } else scalePaused(sync, d, newRs, olds)
  cleanup(sync, d, olds)
  deploymentStatus(sync, d, newRs, ownedBy(sync.api, 'ReplicaSet', d) as ReplicaSet[], created)
}
