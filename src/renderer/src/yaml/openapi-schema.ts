// Walks the cluster's own OpenAPI v3 documents (/openapi/v3/<group-version>, CRDs included) for the editor:
// which fields a path may have, their type and their docs. Only what completion, hover and lint need.

export interface SchemaNode {
  type?: string
  description?: string
  properties?: Record<string, SchemaNode>
  items?: SchemaNode
  additionalProperties?: SchemaNode | boolean
  allOf?: SchemaNode[]
  oneOf?: SchemaNode[]
  anyOf?: SchemaNode[]
  $ref?: string
  enum?: unknown[]
  required?: string[]
  'x-kubernetes-preserve-unknown-fields'?: boolean
  'x-kubernetes-int-or-string'?: boolean
  'x-kubernetes-group-version-kind'?: { group: string; version: string; kind: string }[]
}

export interface OpenApiDocument {
  components?: { schemas?: Record<string, SchemaNode> }
}

/** A schema with its `$ref`s followed (and `allOf: [{$ref}]`, as v3 wraps documented refs). */
export function resolved(
  doc: OpenApiDocument,
  node: SchemaNode | undefined,
  depth = 0,
): SchemaNode | undefined {
  if (!node || depth > 20) return node
  if (node.$ref) {
    const name = node.$ref.replace('#/components/schemas/', '')
    const target = resolved(doc, doc.components?.schemas?.[name], depth + 1)
    return target ? { ...target, description: node.description ?? target.description } : undefined
  }
  const [only] = node.allOf ?? []
  if (node.allOf?.length === 1 && only) {
    const target = resolved(doc, only, depth + 1)
    return target ? { ...target, description: node.description ?? target.description } : node
  }
  return node
}

/** The schema of a kind in a group-version document, found by its x-kubernetes-group-version-kind. */
export function kindSchema(doc: OpenApiDocument, apiVersion: string, kind: string): SchemaNode | undefined {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion]
  for (const schema of Object.values(doc.components?.schemas ?? {})) {
    const gvks = schema['x-kubernetes-group-version-kind'] ?? []
    if (gvks.some((g) => g.group === group && g.version === version && g.kind === kind)) return schema
  }
  return undefined
}

/** One step into a schema: a property name, or `[]` for a list item. Undefined where the schema says nothing. */
export function stepInto(
  doc: OpenApiDocument,
  node: SchemaNode | undefined,
  step: string,
): SchemaNode | undefined {
  const n = resolved(doc, node)
  if (!n) return undefined
  if (step === '[]') return resolved(doc, n.items)
  const prop = n.properties?.[step]
  if (prop) return resolved(doc, prop)
  if (n.additionalProperties && typeof n.additionalProperties === 'object') {
    return resolved(doc, n.additionalProperties)
  }
  return undefined
}

export function schemaAt(doc: OpenApiDocument, root: SchemaNode, path: string[]): SchemaNode | undefined {
  let node: SchemaNode | undefined = resolved(doc, root)
  for (const step of path) {
    node = stepInto(doc, node, step)
    if (!node) return undefined
  }
  return node
}

/** Whether a mapping at this schema may hold any key (free-form maps, preserved unknown fields). */
export function isOpen(doc: OpenApiDocument, node: SchemaNode | undefined): boolean {
  const n = resolved(doc, node)
  if (!n) return true
  if (n['x-kubernetes-preserve-unknown-fields']) return true
  if (n.additionalProperties) return true
  return !n.properties
}

/** A short type name for hover and lint: `string`, `integer`, `[]Container`, `map[string]string`, `object`. */
export function typeName(doc: OpenApiDocument, node: SchemaNode | undefined): string {
  const n = resolved(doc, node)
  if (!n) return 'unknown'
  if (n['x-kubernetes-int-or-string']) return 'integer or string'
  if (n.type === 'array') return `[]${typeName(doc, n.items)}`
  if (n.type === 'object' && n.additionalProperties && typeof n.additionalProperties === 'object') {
    return `map[string]${typeName(doc, n.additionalProperties)}`
  }
  return n.type ?? (n.properties ? 'object' : 'any')
}
