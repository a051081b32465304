import { isDeepStrictEqual } from 'node:util'
import { isMap, isSeq, parseDocument } from 'yaml'
import type { Document, YAMLMap, YAMLSeq } from 'yaml'
import { KubeconfigError } from './errors'
import type { NamedEntry, Section } from './types'
import {
  applySplice,
  NeedsFallback,
  putSection,
  removeMapKey,
  setMapValue,
  spliceSeqItem,
} from './yaml-splice'
import type { Splice } from './yaml-splice'

/** One change to one kubeconfig file, addressed by names (so it can be re-applied to fresh content). */
export type EditOp =
  | { op: 'setCurrentContext'; name: string }
  /** Sets (value) or removes (null) a field of a named entry, e.g. ['context', 'namespace']. */
  | { op: 'setField'; section: Section; name: string; path: string[]; value: string | null }
  | { op: 'removeEntry'; section: Section; name: string }
  /** Replaces the entry with the same name, or appends it. */
  | { op: 'putEntry'; section: Section; entry: NamedEntry }

export interface EditResult {
  text: string
  /** False when the layout was too unusual to splice and the whole document was re-rendered. */
  preserved: boolean
}

/**
 * Applies ops through the yaml Document API (the meaning) and as minimal text splices (the bytes); the splice
 * result must parse to the same data as the Document, else the Document's own rendering is used.
 */
export function applyEdits(text: string, ops: readonly EditOp[]): EditResult {
  // A file written on Windows keeps its CRLF line ends: edit the LF form, convert back.
  if (text.includes('\r\n') && !/(^|[^\r])\n/.test(text)) {
    const result = applyEditsLf(text.replace(/\r\n/g, '\n'), ops)
    return { ...result, text: result.text.replace(/\n/g, '\r\n') }
  }
  return applyEditsLf(text, ops)
}

function applyEditsLf(text: string, ops: readonly EditOp[]): EditResult {
  const expected = parseDocument(text)
  for (const op of ops) applyToDocument(expected, op)
  let spliced = text
  try {
    for (const op of ops) spliced = applySplice(spliced, spliceFor(spliced, op))
    if (isDeepStrictEqual(canonical(parseDocument(spliced)), canonical(expected))) {
      return { text: spliced, preserved: true }
    }
  } catch (err) {
    if (!(err instanceof NeedsFallback)) throw err
  }
  const indentSeq = /^[^\s#][^\n]*:[ \t]*\n[ \t]+- /m.test(text)
  return { text: expected.toString({ lineWidth: 0, indentSeq }), preserved: false }
}

function indexOf(seq: unknown, name: string): number {
  if (!isSeq(seq)) return -1
  return seq.items.findIndex((item) => isMap(item) && item.get('name') === name)
}

function requireIndex(doc: Document, section: Section, name: string): number {
  const index = indexOf(doc.get(section, true), name)
  if (index < 0)
    throw new KubeconfigError('NotFound', `No ${section.slice(0, -1)} named "${name}" in this file.`)
  return index
}

function applyToDocument(doc: Document, op: EditOp): void {
  switch (op.op) {
    case 'setCurrentContext':
      doc.set('current-context', op.name)
      return
    case 'setField': {
      const at = [op.section, requireIndex(doc, op.section, op.name), ...op.path]
      if (op.value === null) doc.deleteIn(at)
      else doc.setIn(at, op.value)
      return
    }
    case 'removeEntry':
      doc.deleteIn([op.section, requireIndex(doc, op.section, op.name)])
      return
    case 'putEntry': {
      const seq = doc.get(op.section, true)
      const index = indexOf(seq, op.entry.name)
      if (index >= 0) doc.setIn([op.section, index], doc.createNode(op.entry))
      else if (isSeq(seq) && seq.items.length > 0) seq.add(doc.createNode(op.entry))
      else doc.set(op.section, doc.createNode([op.entry]))
    }
  }
}

function spliceFor(text: string, op: EditOp): Splice {
  const doc = parseDocument(text)
  const root = doc.contents
  if (!isMap(root)) throw new NeedsFallback('empty document')
  if (op.op === 'setCurrentContext') return setMapValue(text, root, 'current-context', op.name)
  const seq = doc.get(op.section, true)
  const name = op.op === 'putEntry' ? op.entry.name : op.name
  const index = indexOf(seq, name)
  if (op.op === 'putEntry') {
    if (!isSeq(seq) || seq.items.length === 0) return putSection(text, root, op.section, [op.entry])
    return spliceSeqItem(text, seq, index, op.entry)
  }
  if (index < 0) throw new NeedsFallback('entry not found')
  if (op.op === 'removeEntry') return spliceSeqItem(text, seq as YAMLSeq, index, undefined)
  let map: unknown = (seq as YAMLSeq).items[index]
  for (const key of op.path.slice(0, -1)) map = isMap(map) ? map.get(key, true) : undefined
  const key = op.path[op.path.length - 1]
  if (!isMap(map) || key === undefined) throw new NeedsFallback('no map to edit')
  return op.value === null
    ? removeMapKey(text, map as YAMLMap, key)
    : setMapValue(text, map as YAMLMap, key, op.value)
}

// Empty and missing lists mean the same to kubectl; compare the rest exactly.
function canonical(doc: Document): unknown {
  const js = (doc.toJS({ maxAliasCount: 100 }) ?? {}) as Record<string, unknown>
  const out: Record<string, unknown> = { ...js }
  for (const section of ['clusters', 'contexts', 'users']) {
    if (
      out[section] === null ||
      out[section] === undefined ||
      (Array.isArray(out[section]) && out[section].length === 0)
    ) {
      delete out[section]
    }
  }
  return out
}
