import { deepEqual } from '../api/deep-equal'
import type { ResourceDef } from '../api/resources'
import { groupVersion } from '../api/resources'
import { ApiError, badRequest } from '../api/status'
import { dropUnknownFields } from '../openapi/field-check'
import { shortName } from '../openapi/models'
import { listMeta } from '../openapi/patch-meta'
import { fieldsOf } from '../openapi/types'
import { isRecord } from '../types'
import type { Path } from './field-set'
import { deleteAt, fieldSetOf, has, itemKey, leaves, pathString, remove, valueAt } from './field-set'
import type { ManagedFieldsEntry } from './managed-fields'
import { entriesOf, storeEntries } from './managed-fields'

// Server-side apply (application/apply-patch+yaml): merge the applied configuration into the live object
// by the schema's list types, refuse to change a field another manager owns (409 naming the fields and
// managers) unless forced, drop fields this manager applied before and no longer does, and record the
// applied set as the manager's Apply entry in managedFields.
type Obj = Record<string, unknown>

function mergeApplied(className: string | undefined, current: unknown, applied: unknown): unknown {
  if (!isRecord(applied)) return applied
  const out: Obj = isRecord(current) ? { ...current } : {}
  const owner = className ? shortName(className) : undefined
  for (const [k, v] of Object.entries(applied)) {
    if (v === null || v === undefined || k === '__proto__') continue
    const t = className ? fieldsOf(className).get(k)?.type : undefined
    if (t?.kind === 'object') out[k] = mergeApplied(t.className, out[k], v)
    else if (t?.kind === 'map' && isRecord(v)) out[k] = { ...(isRecord(out[k]) ? out[k] : {}), ...v }
    else if (t?.kind === 'array' && Array.isArray(v) && owner) {
      const meta = listMeta(owner, k)
      const base = Array.isArray(out[k]) ? [...(out[k] as unknown[])] : []
      if (meta.listType === 'map' && meta.mapKeys) {
        const keys = meta.mapKeys
        const itemClass = t.items.kind === 'object' ? t.items.className : undefined
        for (const item of v) {
          if (!isRecord(item)) continue
          const idx = base.findIndex((b) => isRecord(b) && itemKey(b, keys) === itemKey(item, keys))
          if (idx >= 0) base[idx] = mergeApplied(itemClass, base[idx], item)
          else base.push(item)
        }
        out[k] = base
      } else if (meta.listType === 'set')
        out[k] = [...base, ...v.filter((x) => !base.some((b) => deepEqual(b, x)))]
      else out[k] = v
    } else out[k] = v
  }
  return out
}

function conflictError(
  r: ResourceDef,
  name: string,
  conflicts: Array<{ e: ManagedFieldsEntry; p: Path }>,
): ApiError {
  const who = (e: ManagedFieldsEntry): string =>
    `"${e.manager}"${e.subresource ? ` with subresource "${e.subresource}"` : ''}${e.operation === 'Update' ? ` using ${e.apiVersion}` : ''}`
  let message: string
  const [only] = conflicts
  if (conflicts.length === 1 && only)
    message = `Apply failed with 1 conflict: conflict with ${who(only.e)}: ${pathString(only.p)}`
  else {
    const byManager = new Map<string, string[]>()
    for (const c of conflicts) byManager.set(who(c.e), [...(byManager.get(who(c.e)) ?? []), pathString(c.p)])
    const lines = [...byManager.keys()]
      .sort()
      .flatMap((m) => [`conflicts with ${m}:`, ...(byManager.get(m) ?? []).map((p) => `- ${p}`)])
    message = `Apply failed with ${conflicts.length} conflicts: ${lines.join('\n')}`
  }
  return new ApiError({
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason: 'Conflict',
    details: {
      name,
      ...(r.group ? { group: r.group } : {}),
      kind: r.plural,
      causes: conflicts.map((c) => ({
        reason: 'FieldManagerConflict',
        message: `conflict with ${who(c.e)}`,
        field: pathString(c.p),
      })),
    },
    code: 409,
  })
}

export interface ApplyInput {
  r: ResourceDef
  rootClass: string
  namespace: string
  name: string
  current: Obj | undefined
  applied: unknown
  manager: string | undefined
  force: boolean
  time: string
}

// Returns the object to store (with its managedFields) for the create or update that follows.
export function serverSideApply(input: ApplyInput): Obj {
  const { r, rootClass, name, current, manager, force, time } = input
  if (!manager) throw badRequest('PATCH ' + r.plural + ': fieldManager is required for apply requests')
  if (!isRecord(input.applied))
    throw badRequest('error decoding patch: the applied configuration is not an object')
  const applied = structuredClone(input.applied)
  const unknown = dropUnknownFields(r, applied)
  if (unknown.length > 0) {
    const at = unknown.map((p) => `.${p}`).join(', ')
    const nn = input.namespace ? `${input.namespace}/${name}` : name
    throw badRequest(
      `failed to create typed patch object (${nn}; ${groupVersion(r)}, Kind=${r.kind}): ${at}: field not declared in schema`,
    )
  }
  const appliedSet = fieldSetOf(rootClass, applied)
  const entries = entriesOf(current)
  const isOwn = (e: ManagedFieldsEntry): boolean => e.manager === manager && e.operation === 'Apply'
  const conflicts: Array<{ e: ManagedFieldsEntry; p: Path }> = []
  for (const p of leaves(appliedSet)) {
    if (p.at(-1) === '.') continue
    const live = valueAt(current, p)
    if (live === undefined || deepEqual(live, valueAt(applied, p))) continue
    for (const e of entries) if (!isOwn(e) && has(e.fieldsV1, p)) conflicts.push({ e, p })
  }
  if (conflicts.length > 0 && !force) throw conflictError(r, name, conflicts)
  for (const { e, p } of conflicts) remove(e.fieldsV1, p)

  const merged = mergeApplied(rootClass, structuredClone(current ?? {}), applied) as Obj
  const meta = isRecord(merged.metadata) ? merged.metadata : (merged.metadata = {})
  meta.name ??= name
  const previous = entries.find(isOwn)
  for (const p of previous ? leaves(previous.fieldsV1) : []) {
    if (has(appliedSet, p) || entries.some((e) => !isOwn(e) && has(e.fieldsV1, p))) continue
    deleteAt(merged, p)
  }
  // An apply that changes nothing keeps its entry's time, so the object (and its resourceVersion) stays
  // as it was, as kube-apiserver ignores timestamp-only managedFields changes.
  const unchanged = previous !== undefined && deepEqual(previous.fieldsV1, appliedSet)
  const own: ManagedFieldsEntry = {
    manager,
    operation: 'Apply',
    apiVersion: groupVersion(r),
    time: unchanged ? previous.time : time,
    fieldsType: 'FieldsV1',
    fieldsV1: appliedSet,
  }
  storeEntries(merged, previous ? entries.map((e) => (e === previous ? own : e)) : [...entries, own])
  return merged
}
