import { describe, expect, it } from 'vitest'
import { evalJsonPath, parseJsonPath } from './jsonpath'
import type { JsonSchema } from './schema'
import { applySchemaDefaults, prune } from './schema'
import { validateCustomObject } from './schema-validation'

const SCHEMA: JsonSchema = {
  type: 'object',
  properties: {
    spec: {
      type: 'object',
      required: ['name'],
      properties: {
        name: { type: 'string', pattern: '^[a-z]+$', minLength: 2 },
        port: { 'x-kubernetes-int-or-string': true },
        ratio: { type: 'number', minimum: 0, exclusiveMinimum: true },
        tags: { type: 'array', maxItems: 2, uniqueItems: true, items: { type: 'string' } },
        labels: { type: 'object', additionalProperties: { type: 'string' } },
        items: {
          type: 'array',
          items: { type: 'object', properties: { id: { type: 'integer', default: 7 } } },
        },
        note: { type: 'string', nullable: true },
        mode: { type: 'string', default: 'auto' },
      },
    },
  },
}

describe('openAPIV3Schema pruning and defaults', () => {
  it('drops undeclared fields (not apiVersion/kind/metadata) and says which', () => {
    const obj = {
      apiVersion: 'x/v1',
      kind: 'X',
      metadata: { name: 'a', whatever: 1 },
      top: 1,
      spec: { name: 'ab', stray: true, labels: { a: 'b' }, items: [{ id: 1, junk: 2 }] },
    }
    expect(prune(obj, SCHEMA)).toEqual(['top', 'spec.stray', 'spec.items[0].junk'])
    expect(obj).toEqual({
      apiVersion: 'x/v1',
      kind: 'X',
      metadata: { name: 'a', whatever: 1 },
      spec: { name: 'ab', labels: { a: 'b' }, items: [{ id: 1 }] },
    })
  })

  it('does not take Object.prototype members for declared fields', () => {
    const obj = JSON.parse(
      '{"spec":{"name":"ab","constructor":1,"__proto__":{"x":1},"toString":"y"}}',
    ) as object
    expect(prune(obj, SCHEMA).sort()).toEqual(['spec.__proto__', 'spec.constructor', 'spec.toString'])
    expect(obj).toEqual({ spec: { name: 'ab' } })
  })

  it('fills defaults in objects and array items, replacing non-nullable nulls', () => {
    const obj = { spec: { name: 'ab', mode: null, items: [{}, { id: 3 }], note: null } }
    applySchemaDefaults(obj, SCHEMA)
    expect(obj.spec).toEqual({ name: 'ab', mode: 'auto', items: [{ id: 7 }, { id: 3 }], note: null })
  })
})

describe('openAPIV3Schema validation messages', () => {
  const messages = (spec: unknown): string[] =>
    validateCustomObject({ apiVersion: 'x/v1', kind: 'X', metadata: {}, spec }, SCHEMA).map(
      (c) => `${c.field}: ${c.message}`,
    )

  it('accepts a valid object', () => {
    expect(messages({ name: 'ab', port: 'http', ratio: 0.5, tags: ['a'], labels: { k: 'v' } })).toEqual([])
    expect(messages({ name: 'ab', port: 80 })).toEqual([])
  })

  it('words each failure as kube-apiserver does', () => {
    expect(
      messages({ name: 'A', port: true, ratio: 0, tags: ['a', 'a', 'b'], labels: { k: 1 }, items: 'x' }),
    ).toEqual([
      'spec.name: Invalid value: "A": spec.name in body should be at least 2 chars long',
      'spec.name: Invalid value: "A": spec.name in body should match \'^[a-z]+$\'',
      'spec.port: Invalid value: "boolean": spec.port in body must be of type integer,string: "boolean"',
      'spec.ratio: Invalid value: 0: spec.ratio in body should be greater than 0',
      'spec.tags: Too many: 3: must have at most 2 items',
      'spec.tags: Invalid value: ["a","a","b"]: spec.tags in body shouldn\'t contain duplicates',
      'spec.labels.k: Invalid value: "integer": spec.labels.k in body must be of type string: "integer"',
      'spec.items: Invalid value: "string": spec.items in body must be of type array: "string"',
    ])
    expect(messages({})).toEqual(['spec.name: Required value'])
  })

  it('checks common string formats and skips patterns JavaScript cannot compile', () => {
    const schema: JsonSchema = {
      type: 'object',
      properties: {
        when: { type: 'string', format: 'date-time' },
        id: { type: 'string', format: 'uuid' },
        odd: { type: 'string', pattern: '(?P<name>x)' },
      },
    }
    const check = (v: unknown): string[] =>
      validateCustomObject({ v }, { type: 'object', properties: { v: schema } }).map(
        (c) => `${c.field}: ${c.message}`,
      )
    expect(
      check({ when: '2024-01-02T03:04:05Z', id: '0f8fad5b-d9cb-469f-a165-70867728950e', odd: 'y' }),
    ).toEqual([])
    expect(check({ when: 'yesterday' })).toEqual([
      'v.when: Invalid value: "yesterday": v.when in body must be of type date-time: "yesterday"',
    ])
  })
})

describe('printer column JSONPath', () => {
  const obj = {
    metadata: { name: 'a', labels: { 'app.kubernetes.io/name': 'x' } },
    status: {
      conditions: [
        { type: 'Synced', status: 'False' },
        { type: 'Ready', status: 'True' },
      ],
    },
    spec: { list: [{ n: 1 }, { n: 2 }] },
  }
  const run = (path: string): unknown[] => evalJsonPath(parseJsonPath(path) ?? [], obj)

  it('follows fields, indexes, wildcards, quoted keys and filters', () => {
    expect(run('.status.conditions[?(@.type=="Ready")].status')).toEqual(['True'])
    expect(run('.spec.list[1].n')).toEqual([2])
    expect(run('.spec.list[*].n')).toEqual([1, 2])
    expect(run(".metadata.labels['app.kubernetes.io/name']")).toEqual(['x'])
    expect(run('.spec.missing.deeper')).toEqual([])
  })

  it('refuses what it cannot parse', () => {
    expect(parseJsonPath('.spec[')).toBeUndefined()
    expect(parseJsonPath('spec')).toBeUndefined()
  })
})
