import type { ResourceDef } from '../api/resources'
import { RESOURCES } from '../api/resources'
import { customComponents } from '../crd/openapi'
import type { Schema } from './components'
import { componentsFor } from './components'
import { encodeV2Document } from './v2-proto'

// /openapi/v2 (Swagger 2.0): the same schemas with #/definitions/ references, as JSON or as the protobuf
// client-go's discovery asks for. kubectl 1.32 reads v3 first; helm and older clients read v2.
let cached: string | undefined
let cachedProto: Buffer | undefined

function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs)
  if (value === null || typeof value !== 'object') return value
  const out: Schema = {}
  for (const [k, v] of Object.entries(value)) {
    if (k === '$ref' && typeof v === 'string') out[k] = v.replace('#/components/schemas/', '#/definitions/')
    else if (k === 'allOf' && Array.isArray(v) && v.length === 1) Object.assign(out, rewriteRefs(v[0]))
    else out[k] = rewriteRefs(v)
  }
  return out
}

// CRD schemas (see crd/openapi.ts) join the cached built-in definitions per request.
export function v2Document(resources: readonly ResourceDef[] = []): string {
  const custom = customComponents(resources)
  const base = builtinDocument()
  if (Object.keys(custom).length === 0) return base
  const extra = JSON.stringify(rewriteRefs(custom)).slice(1, -1)
  return base.replace('"definitions":{', `"definitions":{${extra},`)
}

function builtinDocument(): string {
  cached ??= JSON.stringify({
    swagger: '2.0',
    info: { title: 'Kubernetes', version: 'v1.32.0' },
    paths: {},
    definitions: rewriteRefs(componentsFor(RESOURCES)),
    securityDefinitions: { BearerToken: { type: 'apiKey', name: 'authorization', in: 'header' } },
    security: [{ BearerToken: [] }],
  })
  return cached
}

export function v2Protobuf(resources: readonly ResourceDef[] = []): Buffer {
  // with CRDs the document differs per sandbox, so it is encoded per request (kubectl asks rarely)
  if (resources.some((r) => r.custom))
    return encodeV2Document(JSON.parse(v2Document(resources)) as Record<string, unknown>)
  cachedProto ??= encodeV2Document(JSON.parse(v2Document()) as Record<string, unknown>)
  return cachedProto
}

export function invalidateV2(): void {
  cached = undefined
  cachedProto = undefined
}
