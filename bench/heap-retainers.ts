// `npx tsx bench/heap-retainers.ts SNAPSHOT TYPE NAME [DEPTH] [--new-since OLDER]`: who holds the nodes of one
// type and name (e.g. `string bench-worker2`, `object Object`), grouped by their first DEPTH retainer hops.
// With --new-since, only nodes whose id the older snapshot (same session) did not have.
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'

interface Snapshot {
  snapshot: {
    meta: {
      node_fields: string[]
      edge_fields: string[]
      node_types: [string[], ...unknown[]]
      edge_types: [string[], ...unknown[]]
    }
  }
  nodes: number[]
  edges: number[]
  strings: string[]
}

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { 'new-since': { type: 'string' } },
})
const [file, wantType, wantName, depthArg] = positionals
if (!file || !wantType || !wantName) {
  console.error('usage: npx tsx bench/heap-retainers.ts SNAPSHOT TYPE NAME [DEPTH] [--new-since OLDER]')
  process.exit(2)
}
const load = (f: string): Snapshot => JSON.parse(readFileSync(f, 'utf8')) as Snapshot
const snap = load(file)
const { meta } = snap.snapshot
const W = meta.node_fields.length
const EW = meta.edge_fields.length
const [iType, iName, iId, iEdges] = ['type', 'name', 'id', 'edge_count'].map((f) =>
  meta.node_fields.indexOf(f),
)
const [eType, eName, eTo] = ['type', 'name_or_index', 'to_node'].map((f) => meta.edge_fields.indexOf(f))
const at = (i: number): number => snap.nodes[i] ?? 0

const older = new Set<number>()
if (values['new-since']) {
  const o = load(values['new-since'])
  const ow = o.snapshot.meta.node_fields.length
  const oid = o.snapshot.meta.node_fields.indexOf('id')
  for (let i = 0; i < o.nodes.length; i += ow) older.add(o.nodes[i + oid] ?? 0)
}

// Retainers of every node (weak and shortcut edges hold nothing).
const count = snap.nodes.length / W
const retainers: [number, string][][] = Array.from({ length: count }, () => [])
for (let n = 0, e = 0; n < count; n++) {
  const end = e + at(n * W + iEdges!) * EW
  for (; e < end; e += EW) {
    const type = meta.edge_types[0][snap.edges[e + eType!] ?? 0] ?? '?'
    if (type === 'weak' || type === 'shortcut') continue
    const raw = snap.edges[e + eName!] ?? 0
    const name = type === 'element' || type === 'hidden' ? '[n]' : (snap.strings[raw] ?? '')
    retainers[(snap.edges[e + eTo!] ?? 0) / W]?.push([n, `${type}:${name}`])
  }
}
const label = (n: number): string =>
  `${meta.node_types[0][at(n * W + iType!)]}:${(snap.strings[at(n * W + iName!)] ?? '').slice(0, 40).replace(/ @\d+$/, '')}`

const depth = Number(depthArg ?? 5)
const paths = new Map<string, number>()
let found = 0
for (let n = 0; n < count; n++) {
  if (meta.node_types[0][at(n * W + iType!)] !== wantType) continue
  if (wantName !== '*' && snap.strings[at(n * W + iName!)] !== wantName) continue
  if (older.has(at(n * W + iId!))) continue
  found++
  const hops: string[] = []
  const seen = new Set([n])
  for (let cur = n, d = 0; d < depth; d++) {
    const r = retainers[cur]?.find(([p]) => !seen.has(p))
    if (!r) break
    hops.push(`${r[1]} ← ${label(r[0])}`)
    seen.add(r[0])
    cur = r[0]
  }
  const key = hops.join('  |  ')
  paths.set(key, (paths.get(key) ?? 0) + 1)
}
console.log(`${found} nodes ${wantType} ${wantName}`)
for (const [path, n] of [...paths].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`${n}  ${path}`)
