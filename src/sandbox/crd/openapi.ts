import { createHash } from 'node:crypto'
import type { ResourceDef } from '../api/resources'
import { resourceByKind } from '../api/resources'
import type { Schema } from '../openapi/components'
import { componentsFor } from '../openapi/components'
import { isRecord } from '../types'

// OpenAPI for the group-versions CRDs serve, as kube-apiserver publishes them: each version's
// openAPIV3Schema as `com.example.v1.Widget` (reversed group) with apiVersion/kind/metadata added, its
// list, and paths whose PATCH takes JSON, merge and apply patches only, so kubectl never computes a
// strategic merge patch for a custom resource, and sees fieldValidation, so it validates server-side.
const META = 'io.k8s.apimachinery.pkg.apis.meta.v1.'
const PATCH_TYPES = [
  'application/apply-patch+yaml',
  'application/json-patch+json',
  'application/merge-patch+json',
]

const API_VERSION = {
  type: 'string',
  description:
    'APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources',
}
const KIND = {
  type: 'string',
  description:
    'Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds',
}
const METADATA = {
  description:
    "Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
  allOf: [{ $ref: `#/components/schemas/${META}ObjectMeta` }],
}

export function customSchemaName(r: ResourceDef, kind = r.kind): string {
  return `${r.group.split('.').reverse().join('.')}.${r.version}.${kind}`
}

// ObjectMeta, ListMeta and what they reach, taken from the built-in components (a core list carries both).
let metaCache: Record<string, Schema> | undefined
function metaComponents(): Record<string, Schema> {
  metaCache ??= Object.fromEntries(
    Object.entries(componentsFor([resourceByKind('Namespace')])).filter(([name]) => name.startsWith(META)),
  )
  return metaCache
}

function kindSchema(r: ResourceDef): Schema {
  const schema = isRecord(r.custom?.schema) ? r.custom.schema : { type: 'object' }
  const properties = isRecord(schema.properties) ? schema.properties : {}
  return {
    ...schema,
    type: 'object',
    // metadata is always ObjectMeta (CRDs often say only `type: object`); apiVersion/kind keep theirs if given
    properties: { apiVersion: API_VERSION, kind: KIND, ...properties, metadata: METADATA },
    'x-kubernetes-group-version-kind': [{ group: r.group, kind: r.kind, version: r.version }],
  }
}

function listSchema(r: ResourceDef): Schema {
  const listKind = r.custom?.listKind ?? `${r.kind}List`
  return {
    description: `${listKind} is a list of ${r.kind}`,
    type: 'object',
    required: ['items'],
    properties: {
      apiVersion: API_VERSION,
      items: {
        description: `List of ${r.plural}. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md`,
        type: 'array',
        items: { $ref: `#/components/schemas/${customSchemaName(r)}` },
      },
      kind: KIND,
      metadata: {
        description:
          'Standard list metadata. More info: https://git.k8s.io/community/contributors/devel/api-conventions.md#types-kinds',
        allOf: [{ $ref: `#/components/schemas/${META}ListMeta` }],
      },
    },
    'x-kubernetes-group-version-kind': [{ group: r.group, kind: listKind, version: r.version }],
  }
}

const param = (name: string, type = 'string'): Schema => ({
  name,
  in: 'query',
  schema: { type, uniqueItems: true },
})
const WRITE_PARAMS = [param('dryRun'), param('fieldManager'), param('fieldValidation'), param('pretty')]

function paths(r: ResourceDef): Record<string, Schema> {
  const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` })
  const json = (name: string): Schema => ({
    'application/json': { schema: ref(name) },
    'application/yaml': { schema: ref(name) },
  })
  const def = customSchemaName(r)
  const gvk = { group: r.group, version: r.version, kind: r.kind }
  const op = (action: string, extra: Schema): Schema => ({
    operationId: `${action}${r.group.replace(/\W/g, '')}${r.version}${r.kind}`,
    'x-kubernetes-action': action,
    'x-kubernetes-group-version-kind': gvk,
    ...extra,
  })
  const ok = (name: string): Schema => ({ '200': { description: 'OK', content: json(name) } })
  const body = { content: { '*/*': { schema: ref(def) } }, required: true }
  const patch = op('patch', {
    parameters: [...WRITE_PARAMS, param('force', 'boolean')],
    requestBody: {
      content: Object.fromEntries(PATCH_TYPES.map((t) => [t, { schema: ref(`${META}Patch`) }])),
      required: true,
    },
    responses: ok(def),
  })
  const item = {
    get: op('get', { responses: ok(def) }),
    put: op('put', { parameters: WRITE_PARAMS, requestBody: body, responses: ok(def) }),
    patch,
  }
  const base = `/apis/${r.group}/${r.version}${r.namespaced ? '/namespaces/{namespace}' : ''}/${r.plural}`
  const out: Record<string, Schema> = {
    [base]: {
      get: op('list', { responses: ok(customSchemaName(r, r.custom?.listKind ?? `${r.kind}List`)) }),
      post: op('post', { parameters: WRITE_PARAMS, requestBody: body, responses: ok(def) }),
      delete: op('deletecollection', { parameters: [param('dryRun')] }),
    },
    [`${base}/{name}`]: {
      ...item,
      delete: op('delete', { parameters: [param('dryRun')], responses: ok(def) }),
    },
  }
  if (r.custom?.statusSubresource) out[`${base}/{name}/status`] = item
  return out
}

// The schemas of every custom kind and list in `resources` (v3 names; v2 rewrites the references).
export function customComponents(resources: readonly ResourceDef[]): Record<string, Schema> {
  const out: Record<string, Schema> = {}
  for (const r of resources) {
    if (!r.custom) continue
    out[customSchemaName(r)] = kindSchema(r)
    out[customSchemaName(r, r.custom.listKind)] = listSchema(r)
  }
  return out
}

function gvKey(r: ResourceDef): string {
  return `apis/${r.group}/${r.version}`
}

export interface CustomDocument {
  text: string
  hash: string
}

// /openapi/v3/apis/<group>/<version> for a CRD-served group-version, or undefined if none serves it.
export function customV3Document(resources: readonly ResourceDef[], key: string): CustomDocument | undefined {
  const served = resources.filter((r) => r.custom && gvKey(r) === key)
  if (served.length === 0) return undefined
  const doc = {
    openapi: '3.0.0',
    info: { title: 'Kubernetes CRD Swagger', version: 'v0.1.0' },
    paths: Object.assign({}, ...served.map(paths)) as Schema,
    components: {
      schemas: {
        ...customComponents(served),
        ...metaComponents(),
        [`${META}Patch`]: {
          description:
            'Patch is provided to give a concrete name and type to the Kubernetes PATCH request body.',
          type: 'object',
        },
      },
    },
  }
  const text = JSON.stringify(doc)
  return { text, hash: createHash('sha512').update(text).digest('hex').toUpperCase() }
}

export function customV3Keys(resources: readonly ResourceDef[]): string[] {
  return [...new Set(resources.filter((r) => r.custom).map(gvKey))]
}
