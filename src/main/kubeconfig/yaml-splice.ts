import { Document, isScalar, parse, Scalar } from 'yaml'
import type { Node, Pair, YAMLMap, YAMLSeq } from 'yaml'

/** A text replacement: text[start, end) becomes `text`. */
export interface Splice {
  start: number
  end: number
  text: string
}

/** Thrown when a layout is too unusual to edit by splicing; the caller falls back to re-rendering. */
export class NeedsFallback extends Error {}

export function applySplice(source: string, splice: Splice): string {
  return source.slice(0, splice.start) + splice.text + source.slice(splice.end)
}

const lineStart = (text: string, pos: number): number => text.lastIndexOf('\n', pos - 1) + 1
const lineEnd = (text: string, pos: number): number =>
  pos > 0 && text[pos - 1] === '\n' ? pos : text.indexOf('\n', pos) + 1 || text.length

function rangeOf(node: unknown): [number, number, number] {
  const range = (node as Node | null)?.range
  if (!range) throw new NeedsFallback('node without source range')
  return range
}

/** Renders a string as a YAML scalar that both YAML 1.2 and kubectl's YAML 1.1 read back as the same string. */
export function renderScalar(value: string, like?: Scalar): string {
  const scalar = new Scalar(value)
  if (like?.type === 'QUOTE_DOUBLE' || like?.type === 'QUOTE_SINGLE') scalar.type = like.type
  let out = new Document(scalar).toString({ lineWidth: 0 }).trimEnd()
  if (parse(out, { version: '1.1' }) !== value) {
    scalar.type = 'QUOTE_DOUBLE'
    out = new Document(scalar).toString({ lineWidth: 0 }).trimEnd()
  }
  return out
}

/** Renders block lines for a value, every line indented by `indent` spaces. */
export function renderBlock(value: unknown, indent: number): string {
  const body = new Document(value).toString({ lineWidth: 0, indentSeq: false })
  const pad = ' '.repeat(indent)
  return body
    .split('\n')
    .map((line) => (line === '' ? line : pad + line))
    .join('\n')
}

function renderFlow(value: unknown): string {
  return new Document(value).toString({ collectionStyle: 'flow', lineWidth: 0 }).trimEnd()
}

export function findPair(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((pair) => isScalar(pair.key) && pair.key.value === key) as Pair | undefined
}

export function replaceScalar(text: string, node: unknown, value: string): Splice {
  if (!isScalar(node) || node.type?.startsWith('BLOCK')) throw new NeedsFallback('scalar')
  const [start, end] = rangeOf(node)
  // An empty value (`current-context:`) has a zero-width node right after the colon.
  if (node.value === null && start === end) {
    const before = text[start - 1] === ':' ? ' ' : ''
    const after = text[start] === '#' ? ' ' : ''
    return { start, end, text: before + renderScalar(value) + after }
  }
  if (node.value === null) throw new NeedsFallback('explicit null')
  return { start, end, text: renderScalar(value, node) }
}

/** Sets `key: value` in a map, keeping everything else in place. */
export function setMapValue(text: string, map: YAMLMap, key: string, value: string): Splice {
  const pair = findPair(map, key)
  if (pair) return replaceScalar(text, pair.value, value)
  if (map.flow) return { ...flowRange(map), text: renderFlow({ ...map.toJSON(), [key]: value }) }
  const first = map.items[0]
  if (!first) throw new NeedsFallback('empty block map')
  const indent = rangeOf(first.key)[0] - lineStart(text, rangeOf(first.key)[0])
  const at = rangeOf(map)[2]
  const newline = at > 0 && text[at - 1] !== '\n' ? '\n' : ''
  return {
    start: at,
    end: at,
    text: `${newline}${' '.repeat(indent)}${renderScalar(key)}: ${renderScalar(value)}\n`,
  }
}

/** Removes `key` from a map (its whole line or lines when the map is in block style). */
export function removeMapKey(text: string, map: YAMLMap, key: string): Splice {
  const pair = findPair(map, key)
  if (!pair) return { start: 0, end: 0, text: '' }
  if (map.flow) {
    const rest = { ...map.toJSON() }
    delete rest[key]
    return { ...flowRange(map), text: renderFlow(rest) }
  }
  const keyStart = rangeOf(pair.key)[0]
  const start = lineStart(text, keyStart)
  if (text.slice(start, keyStart).trim() !== '') throw new NeedsFallback('key shares a line with "- "')
  const end = lineEnd(text, pair.value ? rangeOf(pair.value)[2] : rangeOf(pair.key)[2])
  return { start, end, text: '' }
}

/** Replaces (index given), removes (value undefined) or appends (index -1) an item of a sequence. */
export function spliceSeqItem(text: string, seq: YAMLSeq, index: number, value: unknown): Splice {
  if (seq.flow) {
    const items = [...(seq.toJSON() as unknown[])]
    if (index < 0) items.push(value)
    else if (value === undefined) items.splice(index, 1)
    else items[index] = value
    return { ...flowRange(seq), text: renderFlow(items) }
  }
  const first = seq.items[0]
  if (!first) throw new NeedsFallback('empty block sequence')
  const dashLine = text.slice(lineStart(text, rangeOf(first)[0]), rangeOf(first)[0])
  if (!/^\s*-\s+$/.test(dashLine)) throw new NeedsFallback('unusual sequence layout')
  const dashCol = dashLine.indexOf('-')
  const rendered = value === undefined ? '' : renderBlock([value], dashCol)
  if (index < 0) {
    const at = rangeOf(seq)[2]
    return { start: at, end: at, text: (at > 0 && text[at - 1] !== '\n' ? '\n' : '') + rendered }
  }
  const item = seq.items[index]
  const itemStart = rangeOf(item)[0]
  const start = lineStart(text, itemStart)
  if (!/^\s*-\s+$/.test(text.slice(start, itemStart))) throw new NeedsFallback('unusual sequence layout')
  return { start, end: lineEnd(text, rangeOf(item)[2]), text: rendered }
}

/** Writes a whole top-level section (`contexts:` …) that is missing, null or empty. */
export function putSection(text: string, root: YAMLMap, key: string, items: unknown[]): Splice {
  const rendered = renderBlock({ [key]: items }, 0)
  const pair = findPair(root, key)
  if (pair) {
    const keyStart = rangeOf(pair.key)[0]
    if (keyStart !== lineStart(text, keyStart)) throw new NeedsFallback('indented top-level map')
    const end = lineEnd(text, pair.value ? rangeOf(pair.value)[2] : rangeOf(pair.key)[2])
    return { start: keyStart, end, text: rendered }
  }
  const at = rangeOf(root)[2]
  return { start: at, end: at, text: (at > 0 && text[at - 1] !== '\n' ? '\n' : '') + rendered }
}

function flowRange(node: YAMLMap | YAMLSeq): { start: number; end: number } {
  const [start, end] = rangeOf(node)
  return { start, end }
}
