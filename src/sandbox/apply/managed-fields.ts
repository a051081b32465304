import { deepEqual } from '../api/deep-equal'
import { isRecord } from '../types'
import type { FieldSet, Path } from './field-set'
import { add, fieldSetOf, isEmpty, leaves, remove, valueAt } from './field-set'

// metadata.managedFields: who set which field. A create, update or patch makes its field manager the
// owner of every field whose value it changed (taking them from others); server-side apply records its
// applied set as the manager's Apply entry (see server-side-apply.ts).
export interface ManagedFieldsEntry {
  manager: string
  operation: 'Apply' | 'Update'
  apiVersion: string
  time: string
  fieldsType: 'FieldsV1'
  fieldsV1: FieldSet
  subresource?: string
}

export function entriesOf(obj: unknown): ManagedFieldsEntry[] {
  const meta = isRecord(obj) && isRecord(obj.metadata) ? obj.metadata : {}
  const list = Array.isArray(meta.managedFields) ? meta.managedFields : []
  return structuredClone(list.filter(isRecord)) as unknown as ManagedFieldsEntry[]
}

export function storeEntries(obj: Record<string, unknown>, entries: ManagedFieldsEntry[]): void {
  const meta = isRecord(obj.metadata) ? obj.metadata : (obj.metadata = {})
  const kept = entries.filter((e) => !isEmpty(e.fieldsV1))
  if (kept.length > 0) meta.managedFields = kept
  else delete meta.managedFields
}

// kube-apiserver names a writer that sent no fieldManager by its User-Agent's first word ("kubectl").
export function managerFromUserAgent(userAgent: string | undefined): string {
  return (userAgent ?? '').split('/')[0]?.trim() || 'unknown'
}

export function trackUpdate(
  rootClass: string,
  before: Record<string, unknown> | undefined,
  after: Record<string, unknown>,
  manager: string,
  apiVersion: string,
  time: string,
  subresource?: string,
): void {
  const entries = entriesOf(before)
  const changed: Path[] = leaves(fieldSetOf(rootClass, after)).filter((p) => {
    const old = valueAt(before, p)
    return p.at(-1) === '.' ? old === undefined : !deepEqual(old, valueAt(after, p))
  })
  const removed = before
    ? leaves(fieldSetOf(rootClass, before)).filter((p) => valueAt(after, p) === undefined)
    : []
  if (changed.length === 0 && removed.length === 0) return storeEntries(after, entries)
  for (const e of entries) for (const p of [...changed, ...removed]) remove(e.fieldsV1, p)
  // A write through a subresource (`kubectl scale`) is its own manager entry, as kube-apiserver records it.
  let own = entries.find(
    (e) => e.manager === manager && e.operation === 'Update' && e.subresource === subresource,
  )
  if (!own) {
    own = { manager, operation: 'Update', apiVersion, time, fieldsType: 'FieldsV1', fieldsV1: {} }
    if (subresource) own.subresource = subresource
    entries.push(own)
  }
  own.time = time
  own.apiVersion = apiVersion
  for (const p of changed) add(own.fieldsV1, p)
  storeEntries(after, entries)
}
