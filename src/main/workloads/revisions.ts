import type { RolloutRevision } from '@shared/contract'
import { isObject, semanticEqual, toPlain, type Json, type JsonObject } from './plain'

export const REVISION = 'deployment.kubernetes.io/revision'
export const CHANGE_CAUSE = 'kubernetes.io/change-cause'
const HASH_LABEL = 'pod-template-hash'

/** The fields of a Deployment / ReplicaSet these pure functions read (client-node's models fit). */
export interface ObjectLike {
  metadata?: {
    name?: string
    uid?: string
    annotations?: Record<string, string>
    creationTimestamp?: Date | string
    ownerReferences?: { uid: string; controller?: boolean }[]
  }
  spec?: { template?: unknown; replicas?: number }
  status?: { replicas?: number; readyReplicas?: number }
}

/** The pod template as plain JSON without the `pod-template-hash` label (kubectl's EqualIgnoreHash input). */
export function templateWithoutHash(obj: ObjectLike): JsonObject {
  const plain = toPlain(obj.spec?.template)
  const template: JsonObject = isObject(plain) ? plain : {}
  const metadata = isObject(template.metadata) ? { ...template.metadata } : {}
  if (isObject(metadata.labels)) {
    const labels = { ...metadata.labels }
    delete labels[HASH_LABEL]
    metadata.labels = labels
  }
  return { ...template, metadata }
}

export function equalIgnoreHash(a: ObjectLike, b: ObjectLike): boolean {
  return semanticEqual(templateWithoutHash(a), templateWithoutHash(b))
}

/** kubectl's deploymentutil.Revision: missing → 0, not an integer → undefined (skipped with a warning). */
export function revisionOf(obj: ObjectLike): number | undefined {
  const raw = obj.metadata?.annotations?.[REVISION]
  if (raw === undefined) return 0
  return /^-?\d+$/.test(raw.trim()) ? Number(raw.trim()) : undefined
}

function createdMs(obj: ObjectLike): number {
  const t = obj.metadata?.creationTimestamp
  return t ? new Date(t).getTime() : 0
}

export interface OwnedSets<R extends ObjectLike> {
  newRS?: R
  oldRSs: R[]
}

/** kubectl's GetAllReplicaSets: RSs the deployment controls; the new one is the oldest matching its template. */
export function splitReplicaSets<R extends ObjectLike>(deployment: ObjectLike, all: R[]): OwnedSets<R> {
  const uid = deployment.metadata?.uid
  const owned = all.filter((rs) =>
    (rs.metadata?.ownerReferences ?? []).some((o) => o.controller === true && o.uid === uid),
  )
  const byAge = [...owned].sort(
    (a, b) => createdMs(a) - createdMs(b) || (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? ''),
  )
  const newRS = byAge.find((rs) => equalIgnoreHash(rs, deployment))
  return { newRS, oldRSs: owned.filter((rs) => rs !== newRS) }
}

/** The template's containers' `field` (image or name), in order. */
export function containerField(template: JsonObject, field: 'image' | 'name'): string[] {
  const spec = template.spec
  const containers: Json | undefined = isObject(spec) ? spec.containers : undefined
  if (!Array.isArray(containers)) return []
  return containers.flatMap((c) => {
    const v = isObject(c) ? c[field] : undefined
    return typeof v === 'string' ? [v] : []
  })
}

/** `kubectl rollout history` as data, oldest revision first. */
export function buildHistory(deployment: ObjectLike, replicaSets: ObjectLike[]): RolloutRevision[] {
  const { newRS, oldRSs } = splitReplicaSets(deployment, replicaSets)
  const sets = newRS ? [...oldRSs, newRS] : oldRSs
  const out: RolloutRevision[] = []
  for (const rs of sets) {
    const revision = revisionOf(rs)
    if (revision === undefined) continue
    const cause = rs.metadata?.annotations?.[CHANGE_CAUSE]
    const created = rs.metadata?.creationTimestamp
    out.push({
      revision,
      ...(cause !== undefined ? { changeCause: cause } : {}),
      images: containerField(templateWithoutHash(rs), 'image'),
      containers: containerField(templateWithoutHash(rs), 'name'),
      createdAt: created ? new Date(created).toISOString() : '',
      replicaSet: rs.metadata?.name ?? '',
      replicas: rs.spec?.replicas ?? 0,
      readyReplicas: rs.status?.readyReplicas ?? 0,
      current: rs === newRS,
    })
  }
  return out.sort((a, b) => a.revision - b.revision)
}
