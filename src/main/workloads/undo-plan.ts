import { ApiError } from '@shared/contract'
import type { Json } from './plain'
import {
  equalIgnoreHash,
  revisionOf,
  splitReplicaSets,
  templateWithoutHash,
  type ObjectLike,
} from './revisions'

/** Annotations the deployment keeps on rollback instead of taking the ReplicaSet's (kubectl's annotationsToSkip). */
const ANNOTATIONS_TO_SKIP = [
  'kubectl.kubernetes.io/last-applied-configuration',
  'deployment.kubernetes.io/revision',
  'deployment.kubernetes.io/revision-history',
  'deployment.kubernetes.io/desired-replicas',
  'deployment.kubernetes.io/max-replicas',
  'deprecated.deployment.rollback.to',
]

export type UndoPlan =
  { kind: 'patch'; toRevision: number; patch: Json[] } | { kind: 'skip'; toRevision: number; message: string }

/** kubectl's rsForRevision: the RS with that revision, or for 0 the one with the second-highest revision. */
export function pickRevision<R extends ObjectLike>(
  deployment: ObjectLike,
  replicaSets: R[],
  toRevision: number,
): R {
  const name = deployment.metadata?.name ?? ''
  const { newRS, oldRSs } = splitReplicaSets(deployment, replicaSets)
  let latest: { rev: number; rs?: R } = { rev: -1 }
  let previous: { rev: number; rs?: R } = { rev: -1 }
  for (const rs of newRS ? [...oldRSs, newRS] : oldRSs) {
    const v = revisionOf(rs)
    if (v === undefined) continue
    if (toRevision === 0) {
      if (latest.rev < v) {
        previous = latest
        latest = { rev: v, rs }
      } else if (previous.rev < v) previous = { rev: v, rs }
    } else if (toRevision === v) return rs
  }
  if (toRevision > 0)
    throw new ApiError('NotFound', `unable to find specified revision ${toRevision} in history`)
  if (!previous.rs) throw new ApiError('NotFound', `no rollout history found for deployment "${name}"`)
  return previous.rs
}

/** The exact JSON patch `kubectl rollout undo` sends, or why it would skip. */
export function planUndo(
  deployment: ObjectLike & { spec?: { paused?: boolean } },
  replicaSets: ObjectLike[],
  toRevision: number,
): UndoPlan {
  const name = deployment.metadata?.name ?? ''
  if (deployment.spec?.paused) {
    throw new ApiError(
      'Conflict',
      "you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again",
    )
  }
  const rs = pickRevision(deployment, replicaSets, toRevision)
  const revision = revisionOf(rs) ?? 0
  if (equalIgnoreHash(rs, deployment)) {
    return {
      kind: 'skip',
      toRevision: revision,
      message: `deployment.apps/${name} skipped rollback (current template already matches revision ${revision})`,
    }
  }
  const template = templateWithoutHash(rs)
  // Go marshals an unset metav1.Time as null, so kubectl's patch always carries it.
  const metadata = { creationTimestamp: null, ...(template.metadata as Record<string, Json>) }
  const annotations: Record<string, string> = {}
  const current = deployment.metadata?.annotations ?? {}
  for (const k of ANNOTATIONS_TO_SKIP) if (current[k] !== undefined) annotations[k] = current[k]
  for (const [k, v] of Object.entries(rs.metadata?.annotations ?? {})) {
    if (!ANNOTATIONS_TO_SKIP.includes(k)) annotations[k] = v
  }
  return {
    kind: 'patch',
    toRevision: revision,
    patch: [
      { op: 'replace', path: '/spec/template', value: { ...template, metadata } },
      { op: 'replace', path: '/metadata/annotations', value: annotations },
    ],
  }
}
