import { deepEqual } from '../api/deep-equal'
import { fnv32a, safeEncode } from '../api/names'
import type { Deployment, PodTemplate, ReplicaSet } from '../types'

// Pieces of kubernetes' pkg/controller/deployment/util used by the deployment controller.
export const REVISION = 'deployment.kubernetes.io/revision'
export const REVISION_HISTORY = 'deployment.kubernetes.io/revision-history'
export const DESIRED = 'deployment.kubernetes.io/desired-replicas'
export const MAX_REPLICAS = 'deployment.kubernetes.io/max-replicas'
export const HASH_LABEL = 'pod-template-hash'

// Annotations that belong to the deployment controller and are never copied onto ReplicaSets.
export const SKIP_ANNOTATIONS = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  REVISION,
  REVISION_HISTORY,
  DESIRED,
  MAX_REPLICAS,
  'deprecated.deployment.rollback.to',
])

function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`
  if (value && typeof value === 'object') {
    const rec = value as Record<string, unknown>
    return `{${Object.keys(rec)
      .filter((k) => rec[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableStringify(rec[k])}`)
      .join(',')}}`
  }
  return JSON.stringify(value)
}

export function templateHash(template: PodTemplate, collisionCount = 0): string {
  return safeEncode(fnv32a(stableStringify(template) + (collisionCount ? String(collisionCount) : '')))
}

export function withoutHash(template: PodTemplate): PodTemplate {
  const labels = { ...template.metadata?.labels }
  delete labels[HASH_LABEL]
  return { ...template, metadata: { ...template.metadata, labels } }
}

export function sameTemplate(rs: ReplicaSet, d: Deployment): boolean {
  return deepEqual(withoutHash(rs.spec.template), withoutHash(d.spec.template))
}

export function revisionOf(rs: ReplicaSet): number {
  const n = Number(rs.metadata.annotations?.[REVISION] ?? 0)
  return Number.isFinite(n) ? n : 0
}

function resolve(value: number | string | undefined, total: number, roundUp: boolean): number {
  if (typeof value === 'number') return value
  if (typeof value === 'string' && value.endsWith('%')) {
    const x = (Number(value.slice(0, -1)) * total) / 100
    return roundUp ? Math.ceil(x) : Math.floor(x)
  }
  return Number(value ?? 0)
}

export function fenceposts(d: Deployment): { surge: number; unavailable: number } {
  const replicas = d.spec.replicas ?? 1
  if (d.spec.strategy?.type === 'Recreate') return { surge: 0, unavailable: replicas }
  const ru = d.spec.strategy?.rollingUpdate
  const surge = resolve(ru?.maxSurge ?? '25%', replicas, true)
  let unavailable = resolve(ru?.maxUnavailable ?? '25%', replicas, false)
  if (surge === 0 && unavailable === 0) unavailable = 1
  return { surge, unavailable: Math.min(unavailable, replicas) }
}

export function replicasOf(rs: ReplicaSet): number {
  return rs.spec.replicas ?? 0
}

export function sum(list: ReplicaSet[], pick: (rs: ReplicaSet) => number | undefined): number {
  return list.reduce((n, rs) => n + (pick(rs) ?? 0), 0)
}
