import type { StatusCause } from '../api/status'
import { isRecord } from '../types'
import type { JsonSchema } from './schema'
import { childPath, propertySchema } from './schema'

// openAPIV3Schema validation of a custom object, with the texts kube-apiserver gives: go-openapi's
// messages ("spec.size in body must be of type integer: \"string\"") wrapped in field.Error causes.

// Go's %v / %q rendering of a field.Error value.
function goValue(value: unknown): string {
  if (value === null || value === undefined) return 'null'
  if (typeof value === 'string') return JSON.stringify(value)
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return JSON.stringify(value)
}

function jsonType(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number'
  return typeof value
}

function typeMatches(expected: string, value: unknown): boolean {
  const actual = jsonType(value)
  if (expected === 'number') return actual === 'number' || actual === 'integer'
  return actual === expected
}

const invalid = (field: string, value: unknown, detail: string): StatusCause => ({
  reason: 'FieldValueInvalid',
  message: `Invalid value: ${goValue(value)}: ${detail}`,
  field,
})

function validateNumber(path: string, n: number, s: JsonSchema, out: StatusCause[]): void {
  const name = `${path} in body`
  if (s.maximum !== undefined && (s.exclusiveMaximum ? n >= s.maximum : n > s.maximum)) {
    const rel = s.exclusiveMaximum ? 'less than' : 'less than or equal to'
    out.push(invalid(path, n, `${name} should be ${rel} ${s.maximum}`))
  }
  if (s.minimum !== undefined && (s.exclusiveMinimum ? n <= s.minimum : n < s.minimum)) {
    const rel = s.exclusiveMinimum ? 'greater than' : 'greater than or equal to'
    out.push(invalid(path, n, `${name} should be ${rel} ${s.minimum}`))
  }
  if (s.multipleOf !== undefined && s.multipleOf > 0 && !Number.isInteger(n / s.multipleOf)) {
    out.push(invalid(path, n, `${name} should be a multiple of ${s.multipleOf}`))
  }
}

function validateString(path: string, text: string, s: JsonSchema, out: StatusCause[]): void {
  const length = [...text].length
  if (s.maxLength !== undefined && length > s.maxLength) {
    out.push({
      reason: 'FieldValueTooLong',
      message: `Too long: may not be longer than ${s.maxLength}`,
      field: path,
    })
  }
  if (s.minLength !== undefined && length < s.minLength) {
    out.push(invalid(path, text, `${path} in body should be at least ${s.minLength} chars long`))
  }
  const pattern = compile(s.pattern)
  if (pattern && !pattern.test(text))
    out.push(invalid(path, text, `${path} in body should match '${s.pattern}'`))
  const format = s.format ? FORMATS[s.format] : undefined
  if (format && !format(text)) {
    out.push({
      reason: 'FieldValueTypeInvalid',
      message: `Invalid value: ${goValue(text)}: ${path} in body must be of type ${s.format}: ${goValue(text)}`,
      field: path,
    })
  }
}

// A Go (RE2) pattern JavaScript cannot compile is not enforced rather than failing the request.
const patterns = new Map<string, RegExp | undefined>()
function compile(pattern: string | undefined): RegExp | undefined {
  if (pattern === undefined) return undefined
  if (!patterns.has(pattern)) {
    let re: RegExp | undefined
    try {
      re = new RegExp(pattern, 'u')
    } catch {
      re = undefined
    }
    patterns.set(pattern, re)
  }
  return patterns.get(pattern)
}

// The string formats kube-apiserver checks most often (kube-openapi's strfmt registry).
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/
const FORMATS: Record<string, (v: string) => boolean> = {
  'date-time': (v) => /^\d{4}-\d\d-\d\d[Tt ]\d\d:\d\d:\d\d(\.\d+)?([Zz]|[+-]\d\d:\d\d)$/.test(v),
  date: (v) => /^\d{4}-\d\d-\d\d$/.test(v),
  uuid: (v) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v),
  byte: (v) => /^[A-Za-z0-9+/]*={0,2}$/.test(v) && v.length % 4 === 0,
  ipv4: (v) => IPV4.test(v),
  hostname: (v) =>
    v.length <= 255 && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/i.test(v),
}

function validateArray(path: string, list: unknown[], s: JsonSchema, out: StatusCause[]): void {
  if (s.maxItems !== undefined && list.length > s.maxItems) {
    out.push({
      reason: 'FieldValueTooMany',
      message: `Too many: ${list.length}: must have at most ${s.maxItems} items`,
      field: path,
    })
  }
  if (s.minItems !== undefined && list.length < s.minItems) {
    out.push(invalid(path, list, `${path} in body should have at least ${s.minItems} items`))
  }
  if (s.uniqueItems) {
    const seen = new Set(list.map((v) => JSON.stringify(v)))
    if (seen.size !== list.length)
      out.push(invalid(path, list, `${path} in body shouldn't contain duplicates`))
  }
  if (s.items) list.forEach((v, i) => validateValue(`${path}[${i}]`, v, s.items!, out))
}

function validateObject(path: string, obj: Record<string, unknown>, s: JsonSchema, out: StatusCause[]): void {
  for (const key of s.required ?? []) {
    if (obj[key] === undefined)
      out.push({ reason: 'FieldValueRequired', message: 'Required value', field: childPath(path, key) })
  }
  const count = Object.keys(obj).length
  if (s.maxProperties !== undefined && count > s.maxProperties) {
    out.push({
      reason: 'FieldValueTooMany',
      message: `Too many: ${count}: must have at most ${s.maxProperties} items`,
      field: path,
    })
  }
  if (s.minProperties !== undefined && count < s.minProperties) {
    out.push(invalid(path, count, `${path} in body should have at least ${s.minProperties} properties`))
  }
  for (const [key, value] of Object.entries(obj)) {
    const sub = propertySchema(s, key)
    // an absent status kept as `undefined` by an update is no value at all
    if (sub && value !== undefined) validateValue(childPath(path, key), value, sub, out)
  }
}

export function validateValue(path: string, value: unknown, s: JsonSchema, out: StatusCause[]): void {
  if (value === null && s.nullable) return
  if (s['x-kubernetes-int-or-string']) {
    if (!(typeof value === 'string' || (typeof value === 'number' && Number.isInteger(value)))) {
      const t = jsonType(value)
      out.push({
        reason: 'FieldValueTypeInvalid',
        message: `Invalid value: "${t}": ${path} in body must be of type integer,string: "${t}"`,
        field: path,
      })
      return
    }
  } else if (s.type && !typeMatches(s.type, value)) {
    const t = jsonType(value)
    out.push({
      reason: 'FieldValueTypeInvalid',
      message: `Invalid value: "${t}": ${path} in body must be of type ${s.type}: "${t}"`,
      field: path,
    })
    return
  }
  if (s.enum && !s.enum.some((e) => JSON.stringify(e) === JSON.stringify(value))) {
    const allowed = s.enum.map((e) => JSON.stringify(typeof e === 'string' ? e : JSON.stringify(e)))
    out.push({
      reason: 'FieldValueNotSupported',
      message: `Unsupported value: ${goValue(value)}: supported values: ${allowed.join(', ')}`,
      field: path,
    })
  }
  if (typeof value === 'number') validateNumber(path, value, s, out)
  else if (typeof value === 'string') validateString(path, value, s, out)
  else if (Array.isArray(value)) validateArray(path, value, s, out)
  else if (isRecord(value)) validateObject(path, value, s, out)
}

// Validates everything but the root's apiVersion/kind/metadata, which the API server checks itself.
export function validateCustomObject(obj: Record<string, unknown>, schema: JsonSchema): StatusCause[] {
  const out: StatusCause[] = []
  const { apiVersion: _a, kind: _k, metadata: _m, ...rest } = obj
  const rootSchema: JsonSchema = { ...schema, properties: { ...schema.properties } }
  for (const k of ['apiVersion', 'kind', 'metadata']) delete rootSchema.properties![k]
  const required = (schema.required ?? []).filter((k) => !['apiVersion', 'kind', 'metadata'].includes(k))
  validateObject('', rest, { ...rootSchema, required }, out)
  return out
}
