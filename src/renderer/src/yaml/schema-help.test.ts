import { describe, expect, it } from 'vitest'
import type { OpenApiDocument } from './openapi-schema'
import { completeFields, fieldDocs, lintManifest, type SchemaSource } from './schema-help'

// A cut-down apps/v1 document in the shape kube-apiserver serves: $ref into components, allOf wrappers.
const appsV1: OpenApiDocument = {
  components: {
    schemas: {
      Deployment: {
        type: 'object',
        'x-kubernetes-group-version-kind': [{ group: 'apps', version: 'v1', kind: 'Deployment' }],
        properties: {
          apiVersion: { type: 'string' },
          kind: { type: 'string' },
          metadata: {
            allOf: [{ $ref: '#/components/schemas/ObjectMeta' }],
            description: 'Standard metadata.',
          },
          spec: { allOf: [{ $ref: '#/components/schemas/DeploymentSpec' }] },
        },
      },
      ObjectMeta: {
        type: 'object',
        properties: {
          name: { type: 'string', description: 'Name must be unique within a namespace.' },
          labels: { type: 'object', additionalProperties: { type: 'string' } },
        },
      },
      DeploymentSpec: {
        type: 'object',
        properties: {
          replicas: { type: 'integer', description: 'Number of desired pods.' },
          paused: { type: 'boolean' },
          containers: { type: 'array', items: { $ref: '#/components/schemas/Container' } },
        },
      },
      Container: {
        type: 'object',
        properties: {
          name: { type: 'string' },
          image: { type: 'string', description: 'Container image name.' },
        },
      },
    },
  },
}
const schemas: SchemaSource = (v) => Promise.resolve(v === 'apps/v1' ? appsV1 : undefined)
const head = 'apiVersion: apps/v1\nkind: Deployment\n'

describe('completion from the cluster schema', () => {
  it('offers the fields of the mapping under the cursor, with type, docs and a ready-to-type insert', async () => {
    const text = `${head}spec:\n  re`
    const found = await completeFields(schemas, text, text.length)
    expect(found?.from).toBe(text.length - 2)
    expect(found?.options.find((o) => o.label === 'replicas')).toEqual({
      label: 'replicas',
      type: 'integer',
      info: 'Number of desired pods.',
      apply: 'replicas: ',
    })
    expect(found?.options.find((o) => o.label === 'containers')?.apply).toBe('containers:\n    - ')
  })

  it('inside list items, and nothing for a kind the cluster does not serve', async () => {
    const text = `${head}spec:\n  containers:\n    - name: web\n      im`
    expect((await completeFields(schemas, text, text.length))?.options.map((o) => o.label)).toEqual([
      'name',
      'image',
    ])
    expect(await completeFields(schemas, 'apiVersion: x/v1\nkind: Nope\nsp', 30)).toBeUndefined()
  })
})

describe('hover docs', () => {
  it('names the field, its type and its description', async () => {
    const text = `${head}metadata:\n  name: web\n`
    const pos = text.indexOf('name:') + 2
    expect(await fieldDocs(schemas, text, pos)).toEqual({
      title: 'metadata.name',
      type: 'string',
      description: 'Name must be unique within a namespace.',
    })
  })
})

describe('validation', () => {
  it('flags unknown fields and wrong shapes per document, and leaves free-form maps alone', async () => {
    const text = `${head}metadata:\n  name: web\n  labels: { anything: goes }\n  colour: red\nspec:\n  replicas: two\n  containers: {}\n---\n${head}spec:\n  paused: true\n`
    const hints = await lintManifest(schemas, text)
    expect(hints.map((h) => [h.severity, h.message, text.slice(h.from, h.to)])).toEqual([
      ['warning', 'unknown field "metadata.colour": the cluster\'s schema has no such field.', 'colour'],
      ['error', 'spec.replicas should be a whole number (integer).', 'two'],
      ['error', 'spec.containers should be a list ([]object).', '{}'],
    ])
  })

  it('reports YAML syntax errors where they are', async () => {
    const hints = await lintManifest(schemas, 'a: [1, 2\n')
    expect(hints[0]?.severity).toBe('error')
  })
})
