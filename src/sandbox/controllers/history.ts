import { deepEqual } from '../api/deep-equal'
import { fnv32a, safeEncode } from '../api/names'
import { resourceByKind } from '../api/resources'
import type { KObj, PodTemplate } from '../types'
import { isRecord } from '../types'
import type { ControllerRevision } from '../types-apps'
import type { Sync } from './index'
import { controllerRef, ownedBy } from './owned'

// ControllerRevisions as pkg/controller/history keeps them for StatefulSets and DaemonSets: each holds a
// strategic merge patch that puts a pod template back ("$patch": "replace"), which is what `kubectl rollout
// undo` sends and what `kubectl rollout history --revision` applies.
const crDef = resourceByKind('ControllerRevision')

// Go marshals the patch from map[string]interface{}: every level's keys sorted, and the template's
// metadata carries creationTimestamp: null (metav1.Time is a struct, never omitted).
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (!isRecord(value)) return value
  const out: Record<string, unknown> = {}
  for (const k of Object.keys(value).sort()) if (value[k] !== undefined) out[k] = sortKeys(value[k])
  return out
}

export function revisionData(template: PodTemplate): Record<string, unknown> {
  const t = structuredClone(template) as unknown as Record<string, unknown>
  t.metadata = { creationTimestamp: null, ...(isRecord(t.metadata) ? t.metadata : {}) }
  t.$patch = 'replace'
  return sortKeys({ spec: { template: t } }) as Record<string, unknown>
}

// The pod template a revision restores.
export function templateOf(cr: ControllerRevision): PodTemplate | undefined {
  const spec = isRecord(cr.data) && isRecord(cr.data.spec) ? cr.data.spec : undefined
  if (!spec || !isRecord(spec.template)) return undefined
  const t = structuredClone(spec.template)
  delete t.$patch
  if (isRecord(t.metadata) && t.metadata.creationTimestamp === null) delete t.metadata.creationTimestamp
  return t as unknown as PodTemplate
}

export function dataHash(data: unknown, collisionCount = 0): string {
  return safeEncode(fnv32a(JSON.stringify(data) + (collisionCount ? String(collisionCount) : '')))
}

export function revisionsOf(sync: Sync, owner: KObj): ControllerRevision[] {
  return (ownedBy(sync.api, 'ControllerRevision', owner) as ControllerRevision[]).sort(
    (a, b) => a.revision - b.revision || a.metadata.name.localeCompare(b.metadata.name),
  )
}

// The revision for the owner's current template: an equal one is reused (and moved to the top, as a
// rollback does), otherwise a new one is created with the next number.
export function ensureRevision(
  sync: Sync,
  owner: KObj,
  revisions: ControllerRevision[],
  data: Record<string, unknown>,
  name: string,
  labels: Record<string, string>,
): ControllerRevision {
  const max = revisions.reduce((n, r) => Math.max(n, r.revision), 0)
  const equal = revisions.filter((r) => deepEqual(r.data, data))
  const ns = owner.metadata.namespace ?? ''
  const last = equal[equal.length - 1]
  if (last) {
    if (last.revision === max) return last
    const next = { ...structuredClone(last), revision: max + 1 }
    return sync.api.update(crDef, ns, last.metadata.name, next, { internal: true }) as ControllerRevision
  }
  return sync.api.create(
    crDef,
    ns,
    {
      metadata: {
        name,
        namespace: ns,
        labels,
        ...(owner.metadata.annotations ? { annotations: { ...owner.metadata.annotations } } : {}),
        ownerReferences: [controllerRef(owner)],
      },
      data,
      revision: max + 1,
    },
    { internal: true },
  ) as ControllerRevision
}

// Keeps revisionHistoryLimit revisions besides the live ones (those pods or the owner still use).
export function truncateHistory(
  sync: Sync,
  revisions: ControllerRevision[],
  live: Set<string>,
  limit: number,
): void {
  const idle = revisions.filter((r) => !live.has(r.metadata.name))
  for (const r of idle.slice(0, Math.max(0, idle.length - limit))) {
    sync.api.store.remove(crDef, r.metadata.namespace ?? '', r.metadata.name)
  }
}
