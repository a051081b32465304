import type { ResourceDef } from '../api/resources'
import { isRecord } from '../types'
import { rootClassName } from './models'
import type { FieldType } from './types'
import { fieldsOf } from './types'

// Unknown fields, found (and dropped) the way kube-apiserver's typed decoding finds them, with the paths
// its strict decoding errors name: `spec.template.spec.containers[0].imagee`.
function walk(t: FieldType, value: unknown, path: string, unknown: string[]): void {
  if (t.kind === 'object') {
    if (!isRecord(value)) return
    const fields = fieldsOf(t.className)
    for (const key of Object.keys(value)) {
      const f = fields.get(key)
      const at = path ? `${path}.${key}` : key
      if (!f) {
        unknown.push(at)
        delete value[key]
      } else walk(f.type, value[key], at, unknown)
    }
  } else if (t.kind === 'array' && Array.isArray(value)) {
    value.forEach((item, i) => walk(t.items, item, `${path}[${i}]`, unknown))
  } else if (t.kind === 'map' && isRecord(value)) {
    for (const [k, v] of Object.entries(value)) walk(t.values, v, `${path}[${k}]`, unknown)
  }
}

// Removes the fields the kind's schema does not declare from obj and returns their paths. Kinds without a
// built-in schema (custom resources) are left alone.
export function dropUnknownFields(r: ResourceDef, obj: Record<string, unknown>): string[] {
  const root = r.custom ? undefined : rootClassName(r.group, r.version, r.kind)
  if (!root) return []
  const unknown: string[] = []
  walk({ kind: 'object', className: root }, obj, '', unknown)
  return unknown
}

// Strict decoding problems in kube-apiserver's words: `unknown field "x"`, `duplicate field "y"`.
export function strictDecodingError(problems: string[]): string {
  return `strict decoding error: ${problems.join(', ')}`
}

// Go's %+v of a decoded JSON value, as kube-apiserver prints a patch in its errors: map[a:1 b:[x y]].
export function goFormat(value: unknown): string {
  if (value === null || value === undefined) return '<nil>'
  if (Array.isArray(value)) return `[${value.map(goFormat).join(' ')}]`
  if (isRecord(value)) {
    const keys = Object.keys(value).sort()
    return `map[${keys.map((k) => `${k}:${goFormat(value[k])}`).join(' ')}]`
  }
  return String(value)
}
