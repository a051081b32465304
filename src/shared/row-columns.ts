/**
 * A compact wire form for many rows of one shape (the parts of a big first list): one array per field instead
 * of one object per row, repeated values (a namespace, a labels map, an owner, a timestamp) sent once with
 * indices, and the key left out when it is `namespace/name`. A 50,000-pod list as objects is 16 MB of JSON
 * that the page parses into 250,000 objects; as columns it is a fraction of that, and rows that had equal
 * values share one decoded value (rows are never mutated, so sharing is safe).
 */

/** One field: values in row order (`v`), or a dictionary (`d`) and an index per row (`i`). */
export type PackedColumn = { k: string; v: unknown[] } | { k: string; d: unknown[]; i: number[] }

export interface PackedRows {
  n: number
  cols: PackedColumn[]
  /** The `key` field is `namespace/name` (or `name` without a namespace) in every row and is not sent. */
  derivedKey?: true
}

type Plain = Record<string, unknown>

const derivedKeyOf = (row: Plain): string =>
  row.namespace ? `${row.namespace as string}/${row.name as string}` : (row.name as string)

/**
 * An object's identity for the dictionary: flat string lists and string maps (labels, container names)
 * joined with a separator (NUL) they do not hold, anything else as its JSON (slower).
 */
function objectIdentity(v: object): string {
  if (Array.isArray(v)) {
    if (v.every((x) => typeof x === 'string' && !x.includes('\u0000'))) return `a\u0001${v.join('\u0000')}`
  } else {
    let id = 'o\u0001'
    let flat = true
    for (const k in v) {
      const x = (v as Plain)[k]
      if (typeof x !== 'string' || x.includes('\u0000') || k.includes('\u0000')) {
        flat = false
        break
      }
      id += `${k}\u0000${x}\u0000`
    }
    if (flat) return id
  }
  return `j\u0001${JSON.stringify(v)}`
}

function column(k: string, values: unknown[]): PackedColumn {
  // Objects and plain values apart, so that no string can pass for an object's identity.
  const index = new Map<unknown, number>()
  const objects = new Map<string, number>()
  const d: unknown[] = []
  const i: number[] = new Array<number>(values.length)
  for (let r = 0; r < values.length; r++) {
    const v = values[r]
    const isObject = v !== null && typeof v === 'object'
    const id = isObject ? objectIdentity(v) : v
    let at = isObject ? objects.get(id as string) : index.get(id)
    if (at === undefined) {
      at = d.length
      if (isObject) objects.set(id as string, at)
      else index.set(id, at)
      d.push(v)
      // Mostly distinct values (uids, names): a dictionary would only add the indices.
      if (d.length > 64 && d.length * 2 > r + 1) return { k, v: values }
    }
    i[r] = at
  }
  return { k, d, i }
}

/**
 * Rows as columns, or undefined when they cannot round-trip: not plain objects, or a field that is `null`
 * (a missing field travels as null, so a real null could not be told apart).
 */
export function packRows(rows: readonly unknown[]): PackedRows | undefined {
  const keys: string[] = []
  const seen = new Set<string>()
  let derivedKey = true
  for (const row of rows) {
    if (row === null || typeof row !== 'object' || Array.isArray(row)) return undefined
    const r = row as Plain
    for (const k in r) {
      if (r[k] === null) return undefined
      if (!seen.has(k)) {
        seen.add(k)
        keys.push(k)
      }
    }
    if (derivedKey && r.key !== derivedKeyOf(r)) derivedKey = false
  }
  const cols: PackedColumn[] = []
  for (const k of keys) {
    if (derivedKey && k === 'key') continue
    const values = new Array<unknown>(rows.length)
    for (let r = 0; r < rows.length; r++) values[r] = (rows[r] as Plain)[k] ?? null
    cols.push(column(k, values))
  }
  return derivedKey && seen.has('key') ? { n: rows.length, cols, derivedKey: true } : { n: rows.length, cols }
}

const present = (v: unknown): boolean => v !== null && v !== undefined

/** V8 keeps an object's fields fast through this many added one at a time by computed name. */
const FAST_KEYED_FIELDS = 16
/** Widest field set described by one bit per column; wider parts take the plain path. */
const MAX_MASK_COLUMNS = 31

/**
 * Each row's empty object, before any field is filled. Adding fields by computed name one at a time
 * (`row[k] = v`) turns an object into a slow dictionary after 16 of them in V8, which every later read (sort,
 * filter, render) pays for; a pod that has restarted has 17. So where a row could have more than 16, each
 * starts as a copy of a template holding exactly its fields (one per set of present fields, built once): the
 * copy gets them all at once in one shared hidden class, and filling existing fields adds none
 * (docs/performance.md, "Rows with many fields"). Below that, adding fields one at a time is cheaper.
 */
function emptyRows(cols: PackedColumn[], n: number, derivedKey: boolean): Plain[] {
  const out = new Array<Plain>(n)
  const widest = cols.length + (derivedKey ? 1 : 0)
  if (widest <= FAST_KEYED_FIELDS || cols.length > MAX_MASK_COLUMNS) {
    // The key goes first, as it was sent, and is filled in once the name and namespace are.
    for (let r = 0; r < n; r++) out[r] = derivedKey ? { key: '' } : {}
    return out
  }
  const masks = new Uint32Array(n)
  cols.forEach((c, j) => {
    const bit = 1 << j
    if ('v' in c) {
      for (let r = 0; r < n; r++) if (present(c.v[r])) masks[r]! |= bit
    } else {
      for (let r = 0; r < n; r++) if (present(c.d[c.i[r]!])) masks[r]! |= bit
    }
  })
  const templates = new Map<number, Plain>()
  for (let r = 0; r < n; r++) {
    const mask = masks[r]!
    let template = templates.get(mask)
    if (template === undefined) {
      const shape: Plain = derivedKey ? { key: '' } : {}
      cols.forEach((c, j) => {
        if (mask & (1 << j)) shape[c.k] = undefined
      })
      // The spread copy is what leaves dictionary mode: it takes every field at once.
      template = { ...shape }
      templates.set(mask, template)
    }
    out[r] = { ...template }
  }
  return out
}

/**
 * The rows again, fields in the same order in every row; a field that was missing stays missing.
 *
 * Filled a column at a time: in each inner loop the field name is one constant, so the engine's property
 * store stays monomorphic (rows of one shape share its transitions), where filling a row at a time stores a
 * different name on each step and goes megamorphic. About half the time at 500 pod rows a part
 * (docs/performance.md, issue 22).
 */
export function unpackRows<R = Plain>(packed: PackedRows): R[] {
  const { n, cols } = packed
  const derivedKey = packed.derivedKey === true
  const out = emptyRows(cols, n, derivedKey)
  for (const c of cols) {
    const k = c.k
    if ('v' in c) {
      const values = c.v
      for (let r = 0; r < n; r++) {
        const v = values[r]
        if (present(v)) out[r]![k] = v
      }
    } else {
      const { d, i } = c
      for (let r = 0; r < n; r++) {
        const v = d[i[r]!]
        if (present(v)) out[r]![k] = v
      }
    }
  }
  if (derivedKey) for (let r = 0; r < n; r++) out[r]!.key = derivedKeyOf(out[r]!)
  return out as R[]
}

/** Below this many rows the object form costs about the same; deltas stay objects. */
const MIN_PACKED_ROWS = 64

/**
 * A stream event for the wire: an event carrying many `rows` gets them as columns (`packed` says so), every
 * other event goes as it is. The transport's reader calls `unpackEvent` on a packed one.
 */
export function packEvent(event: unknown): { event: unknown; packed?: true } {
  if (event === null || typeof event !== 'object') return { event }
  const rows = (event as { rows?: unknown }).rows
  if (!Array.isArray(rows) || rows.length < MIN_PACKED_ROWS) return { event }
  const packed = packRows(rows)
  return packed ? { event: { ...event, rows: packed }, packed: true } : { event }
}

export function unpackEvent(event: unknown): unknown {
  const e = event as { rows: PackedRows }
  return { ...e, rows: unpackRows(e.rows) }
}
