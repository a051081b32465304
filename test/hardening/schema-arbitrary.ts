import fc from 'fast-check'
import { z } from 'zod'

/** The subset of JSON Schema that `z.toJSONSchema` emits for the contract's input schemas. */
export interface JsonSchema {
  type?: string
  properties?: Record<string, JsonSchema>
  required?: string[]
  additionalProperties?: boolean | JsonSchema
  propertyNames?: JsonSchema
  items?: JsonSchema
  maxItems?: number
  enum?: unknown[]
  const?: unknown
  anyOf?: JsonSchema[]
  /** zod emits oneOf for discriminated unions */
  oneOf?: JsonSchema[]
  minLength?: number
  maxLength?: number
  pattern?: string
  minimum?: number
  maximum?: number
}

export function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, { io: 'input' }) as JsonSchema
}

/**
 * How `validArbitrary` leans its candidates towards the schema's refinements (which JSON Schema cannot say):
 * name-like text beside random text, and objects with only their required keys beside fully filled ones.
 * Without it, refinements such as "this option only for that provider" plus a provider-specific name rule
 * rejected ~26 000 candidates per valid clusters.create input (over a minute of the suite).
 */
interface Lean {
  lean?: boolean
}
const nameLike = fc.stringMatching(/^[a-z][a-z0-9-]{0,14}[a-z0-9]$/)

/** Values shaped like the schema (most of them valid); the caller filters with the zod schema itself. */
export function shapedArbitrary(s: JsonSchema, opts: Lean = {}): fc.Arbitrary<unknown> {
  const shaped = (child: JsonSchema): fc.Arbitrary<unknown> => shapedArbitrary(child, opts)
  const union = s.anyOf ?? s.oneOf
  if (union) return fc.oneof(...union.map(shaped))
  if (s.const !== undefined) return fc.constant(s.const)
  if (s.enum) return fc.constantFrom(...s.enum)
  switch (s.type) {
    case 'string': {
      const min = s.minLength ?? 0
      const max = Math.min(s.maxLength ?? 40, 40)
      const text = fc.string({ minLength: min, maxLength: max })
      const base = s.pattern
        ? fc.stringMatching(new RegExp(s.pattern))
        : opts.lean
          ? fc.oneof(text, nameLike)
          : text
      return base.filter((v) => v.length >= min && v.length <= (s.maxLength ?? Infinity))
    }
    case 'integer':
      return fc.integer({ min: s.minimum ?? -1_000_000, max: s.maximum ?? 1_000_000 })
    case 'number':
      // Mostly whole numbers near the useful range, so refinements (replicas) pass often enough.
      return fc.oneof(fc.integer({ min: -5, max: 150 }), fc.double({ noNaN: true }))
    case 'boolean':
      return fc.boolean()
    case 'array':
      return fc.array(s.items ? shaped(s.items) : fc.anything(), {
        maxLength: Math.min(s.maxItems ?? 5, 5),
      })
    case 'object': {
      if (s.propertyNames && typeof s.additionalProperties === 'object') {
        return fc.dictionary(
          shaped(s.propertyNames) as fc.Arbitrary<string>,
          shaped(s.additionalProperties),
          { maxKeys: 3 },
        )
      }
      const props = Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, shaped(v)]))
      const required = s.required ?? []
      const full = fc.record(props, { requiredKeys: required })
      if (!opts.lean) return full
      const requiredOnly = Object.fromEntries(Object.entries(props).filter(([k]) => required.includes(k)))
      return fc.oneof(full, fc.record(requiredOnly))
    }
    default:
      // Unknown shapes would make validArbitrary's filter spin forever: fail loudly instead.
      throw new Error(`schema-arbitrary: no generator for ${JSON.stringify(s).slice(0, 120)}`)
  }
}

/** Inputs the zod schema accepts: these must reach the service. */
export function validArbitrary(schema: z.ZodType): fc.Arbitrary<unknown> {
  return shapedArbitrary(jsonSchemaOf(schema), { lean: true }).filter((v) => schema.safeParse(v).success)
}

/** Free text (no pattern, or only a deny-list like "no control characters"/"no spaces") may carry `../` or `;`. */
export function isFreeText(s: JsonSchema): boolean {
  return s.type === 'string' && (s.pattern === undefined || s.pattern.startsWith('^[^'))
}
