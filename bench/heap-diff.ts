// `npx tsx bench/heap-diff.ts BEFORE.heapsnapshot AFTER.heapsnapshot [N]`: what grew between two V8 heap
// snapshots (e.g. the soak's hour 1 and hour 8), as object counts and self sizes per constructor name.
import { readFileSync } from 'node:fs'

export interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } }
  nodes: number[]
  strings: string[]
}

interface Group {
  count: number
  bytes: number
}

/** Objects per `type:name` (closures, arrays and strings by type only; a string's text is no group). */
export function groupHeap(snap: Snapshot): Map<string, Group> {
  const fields = snap.snapshot.meta.node_fields
  const types = snap.snapshot.meta.node_types[0]
  const width = fields.length
  const iType = fields.indexOf('type')
  const iName = fields.indexOf('name')
  const iSize = fields.indexOf('self_size')
  const groups = new Map<string, Group>()
  for (let i = 0; i < snap.nodes.length; i += width) {
    const type = types[snap.nodes[i + iType] ?? 0] ?? '?'
    const name = snap.strings[snap.nodes[i + iName] ?? 0] ?? ''
    const key =
      // Code by name too: a function's own name, or "system / BytecodeArray" and the like.
      type === 'object' || type === 'closure' || type === 'native' || type === 'code'
        ? `${type}:${name.slice(0, 80)}`
        : type === 'array'
          ? `array:${name.slice(0, 40)}`
          : type
    const g = groups.get(key) ?? { count: 0, bytes: 0 }
    g.count++
    g.bytes += snap.nodes[i + iSize] ?? 0
    groups.set(key, g)
  }
  return groups
}

/** A heap's self sizes by what DevTools' Statistics view calls them, in bytes. */
export interface HeapCategories {
  /** Bytecode, optimised code and their metadata: V8's, not the app's data. */
  code: number
  strings: number
  /** JS objects, closures and arrays the program made. */
  objects: number
  /** V8's own (hidden, object shapes, internal arrays, synthetic). */
  system: number
  /** The embedder's objects outside V8's heap (Blink's DOM and the like): not in `Runtime.getHeapUsage`. */
  native: number
}

export function heapCategories(snap: Snapshot): HeapCategories {
  const fields = snap.snapshot.meta.node_fields
  const types = snap.snapshot.meta.node_types[0]
  const width = fields.length
  const iType = fields.indexOf('type')
  const iSize = fields.indexOf('self_size')
  const out: HeapCategories = { code: 0, strings: 0, objects: 0, system: 0, native: 0 }
  for (let i = 0; i < snap.nodes.length; i += width) {
    const type = types[snap.nodes[i + iType] ?? 0] ?? '?'
    const size = snap.nodes[i + iSize] ?? 0
    if (type === 'code') out.code += size
    else if (type === 'string' || type === 'concatenated string' || type === 'sliced string')
      out.strings += size
    else if (type === 'object' || type === 'closure' || type === 'regexp' || type === 'number')
      out.objects += size
    else if (type === 'native') out.native += size
    else out.system += size
  }
  return out
}

export function diffHeaps(
  before: Map<string, Group>,
  after: Map<string, Group>,
): { key: string; count: number; bytes: number }[] {
  const keys = new Set([...before.keys(), ...after.keys()])
  return [...keys].map((key) => ({
    key,
    count: (after.get(key)?.count ?? 0) - (before.get(key)?.count ?? 0),
    bytes: (after.get(key)?.bytes ?? 0) - (before.get(key)?.bytes ?? 0),
  }))
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [a, b, n] = process.argv.slice(2)
  if (!a || !b) {
    console.error('usage: npx tsx bench/heap-diff.ts BEFORE.heapsnapshot AFTER.heapsnapshot [N]')
    process.exit(2)
  }
  const load = (f: string): Map<string, Group> => groupHeap(JSON.parse(readFileSync(f, 'utf8')) as Snapshot)
  const before = load(a)
  const after = load(b)
  const total = (m: Map<string, Group>): number => [...m.values()].reduce((s, g) => s + g.bytes, 0)
  console.log(`self size: ${(total(before) / 1e6).toFixed(1)} MB → ${(total(after) / 1e6).toFixed(1)} MB`)
  const rows = diffHeaps(before, after)
  const top = Number(n ?? 25)
  const show = (title: string, list: typeof rows): void => {
    console.log(`\n${title}`)
    for (const r of list.slice(0, top))
      console.log(`${String(r.count).padStart(9)}  ${String(r.bytes).padStart(11)} B  ${r.key}`)
  }
  show(
    'grew most by count',
    [...rows].sort((x, y) => y.count - x.count),
  )
  show(
    'grew most by bytes',
    [...rows].sort((x, y) => y.bytes - x.bytes),
  )
}
