import { deepEqual } from '../api/deep-equal'
import { listMeta } from '../openapi/patch-meta'
import { shortName } from '../openapi/models'
import type { FieldType } from '../openapi/types'
import { fieldsOf } from '../openapi/types'
import { isRecord } from '../types'

// Field sets in managedFields' FieldsV1 shape: {"f:spec":{"f:replicas":{}}}, list items of a map-type list
// as k:{"name":"web"} with "." for the item itself, set members as v:"a". Built by walking the kind's
// schema, as structured-merge-diff does.
export type FieldSet = { [element: string]: FieldSet }
export type Path = string[]

// Server-owned bookkeeping no manager owns.
const STRIPPED_META = new Set([
  'name',
  'namespace',
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'managedFields',
  'selfLink',
])
// A list-map key the server defaults when the applied item leaves it out.
const KEY_DEFAULTS: Record<string, unknown> = { protocol: 'TCP' }

export function itemKey(item: Record<string, unknown>, keys: string[]): string {
  const parts = [...keys].sort().map((k) => [k, item[k] ?? KEY_DEFAULTS[k]] as const)
  return `k:${JSON.stringify(Object.fromEntries(parts.filter(([, v]) => v !== undefined)))}`
}

function typeOf(className: string | undefined, field: string): FieldType | undefined {
  return className ? fieldsOf(className).get(field)?.type : undefined
}

function buildValue(
  owner: string | undefined,
  field: string,
  t: FieldType | undefined,
  value: unknown,
): FieldSet {
  if (t?.kind === 'object' && isRecord(value)) return buildObject(t.className, value, false)
  if (t?.kind === 'map' && isRecord(value)) {
    const out: FieldSet = {}
    for (const [k, v] of Object.entries(value)) out[`f:${k}`] = buildValue(undefined, k, t.values, v)
    return out
  }
  if (t?.kind === 'array' && Array.isArray(value) && owner) {
    const meta = listMeta(owner, field)
    const itemClass = t.items.kind === 'object' ? t.items.className : undefined
    if (meta.listType === 'map' && meta.mapKeys) {
      const out: FieldSet = {}
      for (const item of value) {
        if (!isRecord(item)) continue
        out[itemKey(item, meta.mapKeys)] = {
          '.': {},
          ...(itemClass ? buildObject(itemClass, item, false) : {}),
        }
      }
      return out
    }
    if (meta.listType === 'set') return Object.fromEntries(value.map((v) => [`v:${JSON.stringify(v)}`, {}]))
  }
  return {}
}

function buildObject(className: string, obj: Record<string, unknown>, root: boolean): FieldSet {
  const out: FieldSet = {}
  const owner = shortName(className)
  for (const [k, v] of Object.entries(obj)) {
    if (v === undefined || v === null) continue
    if (root && (k === 'apiVersion' || k === 'kind' || k === 'status')) continue
    if (owner === 'ObjectMeta' && STRIPPED_META.has(k)) continue
    const child = buildValue(owner, k, typeOf(className, k), v)
    // metadata with only its name (stripped above) owns nothing; a map emptied the same way neither
    if ((k === 'metadata' || owner === 'ObjectMeta') && isEmptySet(child) && isRecord(v)) continue
    out[`f:${k}`] = child
  }
  return out
}

function isEmptySet(set: FieldSet): boolean {
  return Object.keys(set).length === 0
}

export function fieldSetOf(rootClass: string, obj: Record<string, unknown>): FieldSet {
  return buildObject(rootClass, obj, true)
}

// Every owned leaf, and every "." (a list item owned as a whole), as a path of elements.
export function leaves(set: FieldSet, prefix: Path = []): Path[] {
  const out: Path[] = []
  for (const [el, child] of Object.entries(set)) {
    const path = [...prefix, el]
    if (Object.keys(child).length === 0) out.push(path)
    else out.push(...leaves(child, path))
  }
  return out
}

export function has(set: FieldSet, path: Path): boolean {
  let node: FieldSet | undefined = set
  for (const el of path) {
    node = node[el]
    if (!node) return false
  }
  return Object.keys(node).length === 0
}

export function remove(set: FieldSet, path: Path): void {
  const [el, ...rest] = path
  if (el === undefined) return
  const child = set[el]
  if (!child) return
  if (rest.length === 0) delete set[el]
  else {
    remove(child, rest)
    // a struct with nothing left owned underneath is no longer owned; an item keeps its "."
    if (Object.keys(child).length === 0) delete set[el]
  }
}

export function add(set: FieldSet, path: Path): void {
  let node = set
  for (const el of path) node = node[el] ??= {}
}

export function isEmpty(set: FieldSet): boolean {
  return Object.keys(set).length === 0
}

// The value a path points at in an object (undefined when absent). "." is the item itself.
export function valueAt(obj: unknown, path: Path): unknown {
  let node: unknown = obj
  for (const el of path) {
    if (el === '.') return node
    if (el.startsWith('f:')) node = isRecord(node) ? node[el.slice(2)] : undefined
    else if (el.startsWith('k:')) {
      const want = JSON.parse(el.slice(2)) as Record<string, unknown>
      node = Array.isArray(node)
        ? node.find(
            (i) =>
              isRecord(i) && Object.entries(want).every(([k, v]) => deepEqual(i[k] ?? KEY_DEFAULTS[k], v)),
          )
        : undefined
    } else if (el.startsWith('v:')) {
      const want: unknown = JSON.parse(el.slice(2))
      node = Array.isArray(node) && node.some((i) => deepEqual(i, want)) ? want : undefined
    } else return undefined
    if (node === undefined) return undefined
  }
  return node
}

// Removes what a path points at from an object: a field, a list item, a set member.
export function deleteAt(obj: unknown, path: Path): void {
  const parentPath = path.at(-1) === '.' ? path.slice(0, -2) : path.slice(0, -1)
  const last = path.at(-1) === '.' ? path.at(-2) : path.at(-1)
  const parent = valueAt(obj, parentPath)
  if (last === undefined) return
  if (last.startsWith('f:') && isRecord(parent)) delete parent[last.slice(2)]
  else if (Array.isArray(parent)) {
    const target = valueAt(parent, [last])
    const idx = parent.findIndex((i) => i === target || deepEqual(i, target))
    if (idx >= 0) parent.splice(idx, 1)
  }
}

// structured-merge-diff's Path.String(): .spec.template.spec.containers[name="web"].image
export function pathString(path: Path): string {
  return path
    .filter((el) => el !== '.')
    .map((el) => {
      if (el.startsWith('f:')) return `.${el.slice(2)}`
      if (el.startsWith('v:')) return `[=${el.slice(2)}]`
      const keys = JSON.parse(el.slice(2)) as Record<string, unknown>
      return `[${Object.entries(keys)
        .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
        .join(',')}]`
    })
    .join('')
}
