import type { Model } from './models'
import { loadModel } from './models'

// A client-node property type read into a small tree the schema builder, the patch engine and field
// validation walk.
export type FieldType =
  | { kind: 'scalar'; type: 'string' | 'integer' | 'number' | 'boolean'; format?: string }
  | { kind: 'object'; className: string }
  | { kind: 'array'; items: FieldType }
  | { kind: 'map'; values: FieldType }
  | { kind: 'intOrString' }
  | { kind: 'any' }

export function parseType(type: string, format: string): FieldType {
  const t = type.trim()
  const array = /^Array<(.+)>$/.exec(t)
  if (array?.[1]) return { kind: 'array', items: parseType(array[1], format) }
  const map = /^\{ \[key: string\]: (.+); \}$/.exec(t)
  if (map?.[1]) return { kind: 'map', values: parseType(map[1], format) }
  switch (t) {
    case 'string':
      return { kind: 'scalar', type: 'string', ...(format ? { format } : {}) }
    case 'boolean':
      return { kind: 'scalar', type: 'boolean' }
    case 'number':
      return format === 'double' || format === 'float'
        ? { kind: 'scalar', type: 'number', format }
        : { kind: 'scalar', type: 'integer', format: format || 'int32' }
    case 'Date':
      return { kind: 'scalar', type: 'string', format: 'date-time' }
    case 'IntOrString':
      return { kind: 'intOrString' }
    case 'any':
      return { kind: 'any' }
  }
  if (format === 'date-time-micro') return { kind: 'scalar', type: 'string', format: 'date-time' }
  return loadModel(t) ? { kind: 'object', className: t } : { kind: 'any' }
}

export interface FieldInfo {
  type: FieldType
  description: string
  required: boolean
}

const fieldCache = new Map<string, Map<string, FieldInfo>>()

export function fieldsOf(className: string): Map<string, FieldInfo> {
  let fields = fieldCache.get(className)
  if (fields) return fields
  fields = new Map()
  const model: Model | undefined = loadModel(className)
  for (const p of model?.props ?? []) {
    fields.set(p.name, {
      type: parseType(p.type, p.format),
      description: p.description,
      required: p.required,
    })
  }
  fieldCache.set(className, fields)
  return fields
}
