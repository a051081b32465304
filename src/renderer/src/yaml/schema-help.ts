import { isMap, isScalar, isSeq, parseAllDocuments, type Node } from 'yaml'
import {
  isOpen,
  kindSchema,
  resolved,
  schemaAt,
  stepInto,
  typeName,
  type OpenApiDocument,
  type SchemaNode,
} from './openapi-schema'
import { cursorPlace, documentKind } from './yaml-path'

/** The cluster's OpenAPI v3 document for a group-version (`apps/v1`), or undefined when it has none. */
export type SchemaSource = (apiVersion: string) => Promise<OpenApiDocument | undefined>

export interface Hint {
  from: number
  to: number
  severity: 'error' | 'warning'
  message: string
}

export interface FieldOption {
  label: string
  type: string
  info?: string
  /** Text inserted: `key: `, or `key:\n  ` for mappings and lists. */
  apply: string
}

async function rootSchema(
  source: SchemaSource,
  apiVersion: string | undefined,
  kind: string | undefined,
): Promise<{ doc: OpenApiDocument; root: SchemaNode } | undefined> {
  if (!apiVersion || !kind) return undefined
  const doc = await source(apiVersion)
  const root = doc && kindSchema(doc, apiVersion, kind)
  return doc && root ? { doc, root } : undefined
}

/** Field names the schema allows where the cursor is, with their types and docs. */
export async function completeFields(
  source: SchemaSource,
  text: string,
  pos: number,
): Promise<{ from: number; options: FieldOption[] } | undefined> {
  const place = cursorPlace(text, pos)
  if (place.inValue) return undefined
  const { apiVersion, kind } = documentKind(place.docText)
  const found = await rootSchema(source, apiVersion, kind)
  if (!found) return undefined
  const node = schemaAt(found.doc, found.root, place.path)
  const props = resolved(found.doc, node)?.properties
  if (!props) return undefined
  const indent = ' '.repeat(place.from - (text.lastIndexOf('\n', place.from - 1) + 1))
  const options = Object.entries(props).map(([name, raw]) => {
    const s = resolved(found.doc, raw)
    const t = typeName(found.doc, raw)
    const nested = s?.type === 'array' ? `\n${indent}  - ` : s?.properties ? `\n${indent}  ` : ' '
    return { label: name, type: t, info: s?.description, apply: `${name}:${nested}` }
  })
  return { from: place.from, options }
}

/** The docs of the field under the cursor: `spec.replicas (integer): Number of desired pods…`. */
export async function fieldDocs(
  source: SchemaSource,
  text: string,
  pos: number,
): Promise<{ title: string; type: string; description?: string } | undefined> {
  const lineStart = text.lastIndexOf('\n', pos - 1) + 1
  const lineEnd = text.indexOf('\n', pos)
  const line = text.slice(lineStart, lineEnd === -1 ? text.length : lineEnd)
  const keyEnd = line.indexOf(':')
  if (keyEnd === -1 || pos - lineStart > keyEnd) return undefined
  const place = cursorPlace(text, lineStart + keyEnd)
  const key = place.lineKey
  if (!key) return undefined
  const { apiVersion, kind } = documentKind(place.docText)
  const found = await rootSchema(source, apiVersion, kind)
  if (!found) return undefined
  const node = schemaAt(found.doc, found.root, [...place.path, key])
  if (!node) return undefined
  const title = [...place.path, key].join('.').replace(/\.\[\]/g, '[]')
  return { title, type: typeName(found.doc, node), description: node.description }
}

function kindMismatch(schema: SchemaNode, node: Node): string | undefined {
  if (schema['x-kubernetes-int-or-string'] || schema['x-kubernetes-preserve-unknown-fields']) return undefined
  const isCollection = isMap(node) || isSeq(node)
  if (schema.type === 'array' && !isSeq(node)) return 'a list'
  if (schema.type === 'object' && !isMap(node)) return 'a mapping'
  if ((schema.type === 'string' || schema.type === 'integer' || schema.type === 'boolean') && isCollection) {
    return `a ${schema.type}`
  }
  if (schema.type === 'boolean' && isScalar(node) && typeof node.value !== 'boolean') return 'true or false'
  if (schema.type === 'integer' && isScalar(node) && typeof node.value !== 'number') return 'a whole number'
  return undefined
}

function walk(
  doc: OpenApiDocument,
  schema: SchemaNode | undefined,
  node: Node | null | undefined,
  path: string,
  out: Hint[],
): void {
  const s = resolved(doc, schema)
  if (!s || !node || (isScalar(node) && node.value === null)) return
  const want = kindMismatch(s, node)
  const [from, to] = node.range ?? [0, 0]
  if (want) {
    out.push({
      from,
      to,
      severity: 'error',
      message: `${path || 'The document'} should be ${want} (${typeName(doc, s)}).`,
    })
    return
  }
  if (isMap(node)) {
    const open = isOpen(doc, s)
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined
      if (key === undefined) continue
      const child = stepInto(doc, s, key)
      const where = path ? `${path}.${key}` : key
      if (!child && !open) {
        const [kf, kt] = (pair.key as Node).range ?? [from, from]
        out.push({
          from: kf,
          to: kt,
          severity: 'warning',
          message: `unknown field "${where}": the cluster's schema has no such field.`,
        })
        continue
      }
      walk(doc, child, pair.value as Node, where, out)
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => walk(doc, stepInto(doc, s, '[]'), item as Node, `${path}[${i}]`, out))
  }
}

/** Syntax errors, unknown fields and wrong shapes in every document, checked against the cluster's schemas. */
export async function lintManifest(source: SchemaSource, text: string): Promise<Hint[]> {
  const out: Hint[] = []
  for (const d of parseAllDocuments(text)) {
    for (const err of d.errors) {
      out.push({
        from: err.pos[0],
        to: Math.max(err.pos[1], err.pos[0] + 1),
        severity: 'error',
        message: err.message.split('\n')[0] ?? '',
      })
    }
    if (d.errors.length > 0 || !isMap(d.contents)) continue
    const apiVersion = d.get('apiVersion')
    const kind = d.get('kind')
    const found = await rootSchema(
      source,
      typeof apiVersion === 'string' ? apiVersion : undefined,
      typeof kind === 'string' ? kind : undefined,
    ).catch(() => undefined)
    if (found) walk(found.doc, found.root, d.contents as Node, '', out)
  }
  return out
}
