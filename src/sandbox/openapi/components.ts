import type { ResourceDef } from '../api/resources'
import { RESOURCES } from '../api/resources'
import { fallbackFieldDoc } from './field-docs'
import { loadModel, rootClassName, shortName, versionOf } from './models'
import { listMeta, retainKeysField } from './patch-meta'
import type { FieldType } from './types'
import { fieldsOf } from './types'

// OpenAPI v3 component schemas for the sandbox's kinds, named as kube-apiserver names them
// (io.k8s.api.apps.v1.Deployment, io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta, ...).
export type Schema = Record<string, unknown>

const META_TYPES = new Set([
  'ObjectMeta',
  'ListMeta',
  'LabelSelector',
  'LabelSelectorRequirement',
  'OwnerReference',
  'ManagedFieldsEntry',
  'Condition',
  'Status',
  'StatusDetails',
  'StatusCause',
  'DeleteOptions',
  'Preconditions',
])
export const INT_OR_STRING = 'io.k8s.apimachinery.pkg.util.intstr.IntOrString'

function groupPackage(group: string): string {
  if (group === '') return 'core'
  if (group === 'authorization.k8s.io' || group === 'authentication.k8s.io')
    return group.split('.')[0] ?? group
  return group.endsWith('.k8s.io') ? (group.split('.')[0] ?? group) : group
}

// Every class reachable from a served kind gets the group of the first kind that reaches it, core first:
// PodSpec is io.k8s.api.core.v1.PodSpec, DeploymentSpec io.k8s.api.apps.v1.DeploymentSpec.
let names: Map<string, string> | undefined
function definitionNames(): Map<string, string> {
  if (names) return names
  const out = new Map<string, string>()
  const visit = (className: string, group: string): void => {
    if (out.has(className)) return
    const short = shortName(className)
    out.set(
      className,
      META_TYPES.has(short)
        ? `io.k8s.apimachinery.pkg.apis.meta.v1.${short}`
        : `io.k8s.api.${groupPackage(group)}.${versionOf(className)}.${short}`,
    )
    for (const f of fieldsOf(className).values()) for (const c of classesIn(f.type)) visit(c, group)
  }
  const ordered = [...RESOURCES].sort((a, b) => Number(a.group !== '') - Number(b.group !== ''))
  for (const r of ordered) {
    const root = rootClassName(r.group, r.version, r.kind)
    if (root) visit(root, r.group)
    const list = rootClassName(r.group, r.version, `${r.kind}List`)
    if (list) visit(list, r.group)
  }
  names = out
  return out
}

export function definitionName(className: string): string {
  return definitionNames().get(className) ?? `io.k8s.api.core.v1.${shortName(className)}`
}

function classesIn(t: FieldType): string[] {
  if (t.kind === 'object') return [t.className]
  if (t.kind === 'array') return classesIn(t.items)
  if (t.kind === 'map') return classesIn(t.values)
  return []
}

const ref = (className: string): Schema => ({ $ref: `#/components/schemas/${definitionName(className)}` })

function typeSchema(t: FieldType): Schema {
  switch (t.kind) {
    case 'scalar':
      return { type: t.type, ...(t.format && t.type !== 'boolean' ? { format: t.format } : {}) }
    case 'object':
      return ref(t.className)
    case 'array':
      return { type: 'array', items: typeSchema(t.items) }
    case 'map':
      return { type: 'object', additionalProperties: typeSchema(t.values) }
    case 'intOrString':
      return { $ref: `#/components/schemas/${INT_OR_STRING}` }
    case 'any':
      return { type: 'object', 'x-kubernetes-preserve-unknown-fields': true }
  }
}

function propertySchema(owner: string, field: string, t: FieldType, description: string): Schema {
  const base = typeSchema(t)
  const doc = description ? { description } : {}
  if ('$ref' in base) {
    const extra = retainKeysField(owner, field) ? { 'x-kubernetes-patch-strategy': 'retainKeys' } : {}
    return { ...doc, allOf: [base], ...extra }
  }
  if (t.kind !== 'array') return { ...doc, ...base }
  const meta = listMeta(owner, field)
  return {
    ...doc,
    ...base,
    ...(meta.listType ? { 'x-kubernetes-list-type': meta.listType } : {}),
    ...(meta.mapKeys ? { 'x-kubernetes-list-map-keys': meta.mapKeys } : {}),
    ...(meta.mergeKey ? { 'x-kubernetes-patch-merge-key': meta.mergeKey } : {}),
    ...(meta.strategy ? { 'x-kubernetes-patch-strategy': meta.strategy } : {}),
  }
}

export function classSchema(className: string, description: string, gvk?: Schema): Schema {
  const owner = shortName(className)
  const fields = fieldsOf(className)
  const properties: Schema = {}
  const required: string[] = []
  for (const [name, f] of [...fields.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const doc = f.description || fallbackFieldDoc(definitionName(className), name)
    properties[name] = propertySchema(owner, name, f.type, doc)
    if (f.required) required.push(name)
  }
  return {
    ...(description ? { description } : {}),
    type: 'object',
    ...(required.length > 0 ? { required } : {}),
    properties,
    ...(gvk ? { 'x-kubernetes-group-version-kind': [gvk] } : {}),
  }
}

function structDescription(className: string): string {
  return loadModel(className)?.description ?? ''
}

// The schemas one group-version document carries: its kinds, their lists, and all they reach.
export function componentsFor(resources: ResourceDef[]): Record<string, Schema> {
  const out: Record<string, Schema> = {
    [INT_OR_STRING]: { type: 'string', format: 'int-or-string', 'x-kubernetes-int-or-string': true },
  }
  const seen = new Set<string>()
  const add = (className: string, gvk?: Schema): void => {
    if (seen.has(className)) return
    seen.add(className)
    out[definitionName(className)] = classSchema(className, structDescription(className), gvk)
    for (const f of fieldsOf(className).values()) for (const c of classesIn(f.type)) add(c)
  }
  for (const r of resources) {
    const gvk = { group: r.group, version: r.version, kind: r.kind }
    const root = rootClassName(r.group, r.version, r.kind)
    if (root) add(root, gvk)
    const list = rootClassName(r.group, r.version, `${r.kind}List`)
    if (list) add(list, { ...gvk, kind: `${r.kind}List` })
  }
  return out
}
