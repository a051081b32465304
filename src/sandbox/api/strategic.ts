import { listMeta } from '../openapi/patch-meta'
import { shortName } from '../openapi/models'
import type { FieldType } from '../openapi/types'
import { fieldsOf } from '../openapi/types'
import { isRecord } from '../types'
import { badRequest } from './status'

// Strategic merge patch as apimachinery's strategicpatch applies it, walking the kind's schema for each
// list's patch strategy and merge key: merge-by-key lists, primitive sets, $patch (replace|delete|merge),
// $setElementOrder, $deleteFromPrimitiveList and $retainKeys. Lists without a strategy are replaced.
type Obj = Record<string, unknown>

/** A whole-object `$patch`: `replace` gives the patch without the directive, `delete` removes the object. */
export function wholeObjectDirective(patch: Obj): { result: unknown } | undefined {
  if (patch.$patch === 'replace') {
    const rest = { ...patch }
    delete rest.$patch
    return { result: rest }
  }
  if (patch.$patch === 'delete') return { result: undefined }
  return undefined
}

/** Applies `$deleteFromPrimitiveList/<field>: [values]` to `out`; false when `key` is not that directive. */
export function deletedFromPrimitiveList(out: Obj, key: string, values: unknown): boolean {
  if (!key.startsWith('$deleteFromPrimitiveList/')) return false
  const field = key.slice('$deleteFromPrimitiveList/'.length)
  const current = out[field]
  if (Array.isArray(current) && Array.isArray(values)) out[field] = current.filter((x) => !values.includes(x))
  return true
}

/** Sets a merged field, or removes it when the merge deleted it. */
export function setOrDelete(out: Obj, key: string, merged: unknown): void {
  if (merged === undefined) delete out[key]
  else out[key] = merged
}

function childType(className: string | undefined, field: string): FieldType | undefined {
  return className ? fieldsOf(className).get(field)?.type : undefined
}

function classOf(t: FieldType | undefined): string | undefined {
  if (!t) return undefined
  if (t.kind === 'object') return t.className
  if (t.kind === 'array' || t.kind === 'map') return classOf(t.kind === 'array' ? t.items : t.values)
  return undefined
}

function sameKey(a: unknown, b: unknown, key: string): boolean {
  return isRecord(a) && isRecord(b) && a[key] === b[key]
}

function orderBy(list: unknown[], order: unknown[], key: string | undefined): unknown[] {
  const rank = (item: unknown): number => {
    const i = order.findIndex((o) => (key ? sameKey(o, item, key) : o === item))
    return i < 0 ? order.length : i
  }
  // Stable: items the order does not name keep their place after the named ones.
  return list
    .map((item, i) => ({ item, i, r: rank(item) }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map((x) => x.item)
}

function mergeList(
  owner: string | undefined,
  field: string,
  t: FieldType | undefined,
  base: unknown,
  patch: unknown[],
): unknown[] {
  const meta = owner ? listMeta(owner, field) : { listType: 'atomic' as const }
  const current = Array.isArray(base) ? base : []
  const strip = (items: unknown[]): unknown[] => items.filter((p) => !(isRecord(p) && '$patch' in p))
  if (!meta.strategy?.includes('merge')) return strip(patch)
  if (patch.some((p) => isRecord(p) && p.$patch === 'replace')) return strip(patch)
  const key = meta.mergeKey
  if (!key) {
    // a set of primitives: union, keeping the current order
    return [...current, ...patch.filter((p) => !current.includes(p))]
  }
  const itemClass = classOf(t)
  const out = [...current]
  for (const p of patch) {
    if (!isRecord(p)) throw badRequest(`unable to find merge key "${key}" in a list of non-objects`)
    if (!(key in p)) throw badRequest(`map: ${JSON.stringify(p)} does not contain declared merge key: ${key}`)
    const idx = out.findIndex((item) => sameKey(item, p, key))
    if (p.$patch === 'delete') {
      if (idx >= 0) out.splice(idx, 1)
      continue
    }
    const merged = strategicMergeTyped(itemClass, idx >= 0 ? out[idx] : {}, p)
    if (idx >= 0) out[idx] = merged
    else out.push(merged)
  }
  return out
}

export function strategicMergeTyped(className: string | undefined, target: unknown, patch: unknown): unknown {
  if (!isRecord(patch)) return patch
  const whole = wholeObjectDirective(patch)
  if (whole) return whole.result
  const owner = className ? shortName(className) : undefined
  const out: Obj = isRecord(target) ? { ...target } : {}
  const orders: Array<[string, unknown[]]> = []
  for (const [k, v] of Object.entries(patch)) {
    // $patch and $retainKeys are handled around this loop; __proto__ would replace the result's prototype
    if (k === '$patch' || k === '$retainKeys' || k === '__proto__') continue
    if (k.startsWith('$setElementOrder/')) {
      if (Array.isArray(v)) orders.push([k.slice('$setElementOrder/'.length), v])
      continue
    }
    if (deletedFromPrimitiveList(out, k, v)) continue
    const t = childType(className, k)
    if (v === null) delete out[k]
    else if (Array.isArray(v)) out[k] = mergeList(owner, k, t, out[k], v)
    else if (isRecord(v)) {
      // A struct recurses with its schema; a map (labels, data) merges its keys.
      setOrDelete(out, k, strategicMergeTyped(t?.kind === 'object' ? t.className : undefined, out[k], v))
    } else out[k] = v
  }
  if (Array.isArray(patch.$retainKeys))
    for (const key of Object.keys(out)) if (!patch.$retainKeys.includes(key)) delete out[key]
  for (const [field, order] of orders) {
    const list = out[field]
    if (Array.isArray(list))
      out[field] = orderBy(list, order, owner ? listMeta(owner, field).mergeKey : undefined)
  }
  return out
}
