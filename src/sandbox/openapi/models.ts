import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import * as k8s from '@kubernetes/client-node'

// The Kubernetes API types as @kubernetes/client-node carries them (generated from the official OpenAPI
// document): structure and formats from each model's attributeTypeMap, descriptions and required fields
// from its type declarations. This is the one source of field docs for /openapi and of field names for
// validation.
export interface ModelProp {
  name: string
  type: string // client-node's TypeScript-ish type: 'string', 'Array<V1Container>', '{ [key: string]: string; }'
  format: string
  description: string
  required: boolean
}

export interface Model {
  className: string
  description: string
  props: ModelProp[]
}

interface AttributeType {
  baseName: string
  type: string
  format: string
}

function attributeMap(className: string): AttributeType[] | undefined {
  const cls = (k8s as unknown as Record<string, unknown>)[className]
  if (typeof cls !== 'function') return undefined
  const map = (cls as { attributeTypeMap?: unknown }).attributeTypeMap
  return Array.isArray(map) ? (map as AttributeType[]) : undefined
}

let modelsDir: string | undefined
function declarationText(className: string): string {
  modelsDir ??= join(
    dirname(createRequire(import.meta.url).resolve('@kubernetes/client-node/package.json')),
    'dist',
    'gen',
    'models',
  )
  try {
    return readFileSync(join(modelsDir, `${className}.d.ts`), 'utf8')
  } catch {
    return ''
  }
}

// Reads `/** ... */ 'field'?: type;` pairs and the class's own doc comment from a .d.ts file.
function parseDeclaration(text: string): {
  description: string
  fields: Map<string, { description: string; optional: boolean }>
} {
  const fields = new Map<string, { description: string; optional: boolean }>()
  let description = ''
  let comment: string[] | undefined
  let pending = ''
  for (const raw of text.split('\n')) {
    const line = raw.trim()
    if (line === '/**') comment = []
    else if (line === '*/' && comment) {
      pending = comment.join('\n')
      comment = undefined
    } else if (comment) comment.push(line.replace(/^\* ?/, '').replaceAll('\\"', '"'))
    else if (line.startsWith('export declare class')) {
      description = pending
      pending = ''
    } else {
      const m = /^'([^']+)'(\?)?:/.exec(line)
      if (m?.[1] !== undefined) fields.set(m[1], { description: pending, optional: m[2] === '?' })
      if (line !== '') pending = ''
    }
  }
  return { description, fields }
}

const cache = new Map<string, Model | null>()

export function loadModel(className: string): Model | undefined {
  const hit = cache.get(className)
  if (hit !== undefined) return hit ?? undefined
  const attrs = attributeMap(className)
  if (!attrs) {
    cache.set(className, null)
    return undefined
  }
  const decl = parseDeclaration(declarationText(className))
  const model: Model = {
    className,
    description: decl.description,
    props: attrs.map((a) => {
      const d = decl.fields.get(a.baseName)
      return {
        name: a.baseName,
        type: a.type,
        format: a.format,
        description: d?.description ?? '',
        required: d ? !d.optional : false,
      }
    }),
  }
  cache.set(className, model)
  return model
}

// The client-node class of a served kind: events.k8s.io's Event is EventsV1Event, apps' Deployment V1Deployment.
const BUILT_IN_GROUPS = new Set(['', 'apps', 'batch', 'autoscaling', 'policy'])

export function rootClassName(group: string, version: string, kind: string): string | undefined {
  // a custom resource named like a built-in kind (example.com's Pod) has no built-in model
  if (!BUILT_IN_GROUPS.has(group) && !group.endsWith('.k8s.io')) return undefined
  const v = version.charAt(0).toUpperCase() + version.slice(1)
  const prefix = group === '' ? 'Core' : (group.split('.')[0] ?? '').replace(/^./, (c) => c.toUpperCase())
  for (const candidate of [`${prefix}${v}${kind}`, `${v}${kind}`])
    if (attributeMap(candidate)) return candidate
  return undefined
}

// 'V1DeploymentSpec' → 'DeploymentSpec', 'EventsV1Event' → 'Event', 'CoreV1EndpointPort' → 'EndpointPort'.
export function shortName(className: string): string {
  return className.replace(/^(?:[A-Z][a-z]+)*V\d+(?:alpha\d+|beta\d+)?(?=[A-Z])/, '')
}

export function versionOf(className: string): string {
  return /V(\d+(?:alpha\d+|beta\d+)?)(?=[A-Z])/.exec(className)?.[1]?.replace(/^/, 'v') ?? 'v1'
}

// The class names a client-node type string refers to ('Array<V1Container>' → ['V1Container']).
export function referencedClasses(type: string): string[] {
  return [...type.matchAll(/\b([A-Z][A-Za-z0-9]*)\b/g)]
    .map((m) => m[1] ?? '')
    .filter((n) => n !== 'Array' && n !== 'Date' && n !== 'IntOrString' && attributeMap(n) !== undefined)
}
