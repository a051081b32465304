import { isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml'

/** One step of a field path: a key, a list index, or a list item chosen by its merge key (`name=web`). */
type Step = { key: string } | { index: number } | { match: Record<string, string> }

/**
 * Parses the field paths the API server writes: `.spec.replicas`, `spec.template.spec.containers[0].image`,
 * `.spec.containers[name="web"].image` (server-side apply) and `unknown field "spec.foo"`-style dotted paths.
 */
export function parseFieldPath(path: string): Step[] {
  const steps: Step[] = []
  const re = /\.?([^.[\]]+)|\[(\d+)\]|\[([^\]]+)\]/g
  for (const m of path.trim().matchAll(re)) {
    if (m[1] !== undefined) steps.push({ key: m[1] })
    else if (m[2] !== undefined) steps.push({ index: Number(m[2]) })
    else if (m[3] !== undefined) {
      const match: Record<string, string> = {}
      for (const pair of m[3].split(',')) {
        const [k, v] = pair.split('=')
        if (k && v !== undefined) match[k.trim()] = v.trim().replace(/^"|"$/g, '')
      }
      steps.push({ match })
    }
  }
  return steps
}

/** The node one step leads to, and where that step is written (the key of a pair, the start of a list item). */
function child(node: Node | null | undefined, step: Step): { node: Node; at?: number } | undefined {
  if ('key' in step && isMap(node)) {
    const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === step.key)
    if (!pair) return undefined
    const key = pair.key as Node
    return { node: (pair.value ?? key) as Node, at: key.range?.[0] }
  }
  if (!isSeq(node)) return undefined
  let item: unknown
  if ('index' in step) item = node.items[step.index]
  else if ('match' in step) {
    item = node.items.find(
      (i) => isMap(i) && Object.entries(step.match).every(([k, v]) => String(i.get(k)) === v),
    )
  }
  return item ? { node: item as Node, at: (item as Node).range?.[0] } : undefined
}

/**
 * The 1-based line (in the whole text) of the deepest node a field path reaches in a document: the field itself
 * when it is written there, else its closest written parent, else the document's first line.
 */
export function lineOfField(doc: Document, lines: LineCounter, path: string, fallback: number): number {
  let node = doc.contents as Node | null
  let at: number | undefined
  for (const step of parseFieldPath(path)) {
    const next = child(node, step)
    if (!next) break
    at = next.at ?? at
    node = next.node
  }
  return at === undefined ? fallback : lines.linePos(at).line
}

/** Field paths quoted in a server message (`unknown field "spec.foo"`, `spec.replicas: Invalid value`). */
export function fieldsInMessage(message: string): string[] {
  const quoted = [...message.matchAll(/field "([^"]+)"/g)].map((m) => m[1] ?? '')
  const leading = [
    ...message.matchAll(/(?:^|: |, )\.?((?:[a-zA-Z]+(?:\[\d+\])?\.)+[a-zA-Z]+(?:\[\d+\])?):/g),
  ].map((m) => m[1] ?? '')
  return [...quoted, ...leading].filter(Boolean)
}
