import { isRecord } from '../types'

// The part of an openAPIV3Schema (JSONSchemaProps) the sandbox reads for validation, pruning and defaults.
export interface JsonSchema {
  type?: string
  description?: string
  format?: string
  properties?: Record<string, JsonSchema>
  additionalProperties?: JsonSchema | boolean
  items?: JsonSchema
  required?: string[]
  enum?: unknown[]
  default?: unknown
  nullable?: boolean
  minimum?: number
  maximum?: number
  exclusiveMinimum?: boolean
  exclusiveMaximum?: boolean
  multipleOf?: number
  minLength?: number
  maxLength?: number
  pattern?: string
  minItems?: number
  maxItems?: number
  uniqueItems?: boolean
  minProperties?: number
  maxProperties?: number
  'x-kubernetes-preserve-unknown-fields'?: boolean
  'x-kubernetes-int-or-string'?: boolean
  'x-kubernetes-embedded-resource'?: boolean
}

export function asSchema(value: unknown): JsonSchema | undefined {
  return isRecord(value) ? (value as JsonSchema) : undefined
}

export function childPath(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`
}

function preserves(schema: JsonSchema): boolean {
  return schema['x-kubernetes-preserve-unknown-fields'] === true
}

// Schema for the values of an object's property `key`, or undefined when the key is not declared.
export function propertySchema(schema: JsonSchema, key: string): JsonSchema | undefined {
  // own properties only: a field named `constructor` or `__proto__` is not declared by Object.prototype
  const props = schema.properties
  if (props && Object.hasOwn(props, key) && isRecord(props[key])) return props[key]
  const extra = schema.additionalProperties
  if (isRecord(extra)) return extra
  return undefined
}

// Drops fields the schema does not declare (apiextensions pruning) and returns their paths, which
// fieldValidation=Strict|Warn reports as `unknown field "spec.x"`. At the root, apiVersion, kind and
// metadata are the API server's own and are kept.
export function prune(value: unknown, schema: JsonSchema, path = '', root = true): string[] {
  const unknown: string[] = []
  if (Array.isArray(value)) {
    if (schema.items)
      value.forEach((v, i) => unknown.push(...prune(v, schema.items!, `${path}[${i}]`, false)))
    return unknown
  }
  if (!isRecord(value)) return unknown
  const keepAll = preserves(schema) || schema.additionalProperties === true
  for (const key of Object.keys(value)) {
    if (root && (key === 'apiVersion' || key === 'kind' || key === 'metadata')) continue
    const sub = propertySchema(schema, key)
    if (sub) unknown.push(...prune(value[key], sub, childPath(path, key), false))
    else if (!keepAll) {
      delete value[key]
      unknown.push(childPath(path, key))
    }
  }
  return unknown
}

// Structural defaulting: a missing (or non-nullable null) property with a default gets a copy of it;
// a non-nullable null without a default is dropped, as the API server does before validation.
export function applySchemaDefaults(value: unknown, schema: JsonSchema): void {
  if (Array.isArray(value)) {
    if (schema.items) for (const v of value) applySchemaDefaults(v, schema.items)
    return
  }
  if (!isRecord(value)) return
  for (const [key, sub] of Object.entries(schema.properties ?? {})) {
    if (value[key] === null && !sub.nullable) delete value[key]
    if (value[key] === undefined && sub.default !== undefined) value[key] = structuredClone(sub.default)
  }
  for (const [key, v] of Object.entries(value)) {
    const sub = propertySchema(schema, key)
    if (sub) applySchemaDefaults(v, sub)
  }
}
