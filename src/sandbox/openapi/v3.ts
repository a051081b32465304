import { createHash } from 'node:crypto'
import type { ResourceDef } from '../api/resources'
import { RESOURCES } from '../api/resources'
import { REVIEW_KINDS } from '../auth/reviews'
import type { Schema } from './components'
import { componentsFor, definitionName } from './components'
import { rootClassName } from './models'
import { invalidateV2 } from './v2'

// /openapi/v3 (the index of group-versions) and /openapi/v3/<api/v1|apis/G/V> documents with the paths
// kubectl reads to learn which PATCH types and query parameters (fieldValidation, dryRun) a kind takes.
const PATCH_TYPES = [
  'application/apply-patch+yaml',
  'application/json-patch+json',
  'application/merge-patch+json',
  'application/strategic-merge-patch+json',
]

function queryParam(name: string, description: string, type = 'string'): Schema {
  return { name, in: 'query', description, schema: { type, uniqueItems: true } }
}
const DRY_RUN = queryParam(
  'dryRun',
  'When present, indicates that modifications should not be persisted. Valid values are: - All: all dry run stages will be processed',
)
const FIELD_MANAGER = queryParam(
  'fieldManager',
  'fieldManager is a name associated with the actor or entity that is making these changes.',
)
const FIELD_VALIDATION = queryParam(
  'fieldValidation',
  'fieldValidation instructs the server on how to handle objects in the request (POST/PUT/PATCH) containing unknown or duplicate fields. Valid values are: - Ignore - Warn - Strict',
)
const FORCE = queryParam('force', 'Force is going to "force" Apply requests.', 'boolean')
const PRETTY = queryParam('pretty', "If 'true', then the output is pretty printed.")

function content(schemaRef: string, types = ['application/json', 'application/yaml']): Schema {
  return Object.fromEntries(types.map((t) => [t, { schema: { $ref: `#/components/schemas/${schemaRef}` } }]))
}

function operation(r: ResourceDef, action: string, extra: Schema, gvkKind = r.kind): Schema {
  return {
    operationId: `${action}${r.kind}`,
    'x-kubernetes-action': action,
    'x-kubernetes-group-version-kind': { group: r.group, version: r.version, kind: gvkKind },
    ...extra,
  }
}

function resourcePaths(r: ResourceDef): Record<string, Schema> {
  const root = rootClassName(r.group, r.version, r.kind)
  if (!root) return {}
  const def = definitionName(root)
  const base = r.group === '' ? '/api/v1' : `/apis/${r.group}/${r.version}`
  const collection = `${base}${r.namespaced ? '/namespaces/{namespace}' : ''}/${r.plural}`
  const ok = (ref: string): Schema => ({ '200': { description: 'OK', content: content(ref) } })
  if (REVIEW_KINDS.has(r.kind)) {
    return {
      [collection]: {
        post: operation(r, 'post', {
          parameters: [DRY_RUN, FIELD_MANAGER, FIELD_VALIDATION, PRETTY],
          requestBody: {
            content: { '*/*': { schema: { $ref: `#/components/schemas/${def}` } } },
            required: true,
          },
          responses: { '201': { description: 'Created', content: content(def) } },
        }),
      },
    }
  }
  const list = rootClassName(r.group, r.version, `${r.kind}List`)
  const body = { content: { '*/*': { schema: { $ref: `#/components/schemas/${def}` } } }, required: true }
  const writeParams = [DRY_RUN, FIELD_MANAGER, FIELD_VALIDATION, PRETTY]
  const patchTypes = PATCH_TYPES
  const itemOps = (kindForGvk: string, ref: string): Schema => ({
    get: operation(r, 'get', { responses: ok(ref) }, kindForGvk),
    put: operation(
      r,
      'put',
      {
        parameters: writeParams,
        requestBody: { ...body, content: content(ref, ['*/*']) },
        responses: ok(ref),
      },
      kindForGvk,
    ),
    patch: operation(
      r,
      'patch',
      {
        parameters: [...writeParams, FORCE],
        requestBody: {
          content: Object.fromEntries(
            patchTypes.map((t) => [
              t,
              { schema: { $ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.Patch' } },
            ]),
          ),
          required: true,
        },
        responses: ok(ref),
      },
      kindForGvk,
    ),
  })
  const paths: Record<string, Schema> = {
    [collection]: {
      get: operation(r, 'list', { responses: ok(list ? definitionName(list) : def) }),
      post: operation(r, 'post', { parameters: writeParams, requestBody: body, responses: ok(def) }),
      ...(r.verbs.includes('deletecollection')
        ? { delete: operation(r, 'deletecollection', { parameters: [DRY_RUN] }) }
        : {}),
    },
    [`${collection}/{name}`]: {
      ...itemOps(r.kind, def),
      delete: operation(r, 'delete', { parameters: [DRY_RUN], responses: ok(def) }),
    },
  }
  for (const sub of r.subresources) {
    if (sub.name === 'status') paths[`${collection}/{name}/status`] = itemOps(r.kind, def)
  }
  return paths
}

function gvKey(r: ResourceDef): string {
  return r.group === '' ? 'api/v1' : `apis/${r.group}/${r.version}`
}

const docCache = new Map<string, { text: string; hash: string }>()

export function v3Document(key: string): { text: string; hash: string } | undefined {
  const hit = docCache.get(key)
  if (hit) return hit
  const resources = RESOURCES.filter((r) => gvKey(r) === key)
  if (resources.length === 0) return undefined
  const schemas = componentsFor(resources)
  schemas['io.k8s.apimachinery.pkg.apis.meta.v1.Patch'] = {
    description: 'Patch is provided to give a concrete name and type to the Kubernetes PATCH request body.',
    type: 'object',
  }
  const doc = {
    openapi: '3.0.0',
    info: { title: 'Kubernetes', version: 'v1.32.0' },
    paths: Object.assign({}, ...resources.map(resourcePaths)) as Schema,
    components: {
      schemas,
      securitySchemes: {
        BearerToken: {
          type: 'apiKey',
          description: 'Bearer Token authentication',
          name: 'authorization',
          in: 'header',
        },
      },
    },
  }
  const text = JSON.stringify(doc)
  const entry = { text, hash: createHash('sha512').update(text).digest('hex').toUpperCase() }
  docCache.set(key, entry)
  return entry
}

export function v3Index(): unknown {
  const keys = [...new Set(RESOURCES.map(gvKey))]
  const paths: Record<string, { serverRelativeURL: string }> = {}
  for (const key of keys) {
    const doc = v3Document(key)
    if (doc) paths[key] = { serverRelativeURL: `/openapi/v3/${key}?hash=${doc.hash}` }
  }
  return { paths }
}

// CRDs (and anything else that changes the served kinds) call this so the next fetch rebuilds.
export function invalidateOpenApi(): void {
  docCache.clear()
  invalidateV2()
}
