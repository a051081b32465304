import { beforeAll, describe, expect, it } from 'vitest'
import { packEvent, packRows, unpackEvent, unpackRows, type PackedRows } from './row-columns'

const labels = { app: 'web', tier: 'front' }
const pod = (i: number, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  kind: 'pods',
  key: `ns${i % 2}/web-${i}`,
  name: `web-${i}`,
  namespace: `ns${i % 2}`,
  uid: `uid-${i}`,
  createdAt: '2026-11-30T10:00:00Z',
  labels: { ...labels },
  ready: '1/1',
  restarts: i % 3,
  containers: ['app'],
  ...(i % 4 === 0 ? { ip: `10.0.0.${i}` } : {}),
  ...extra,
})

/** What the wire does to it: JSON both ways. */
const overWire = (p: PackedRows): PackedRows => JSON.parse(JSON.stringify(p)) as PackedRows

describe('row columns', () => {
  it('round-trips rows of one shape, missing fields staying missing', () => {
    const rows = Array.from({ length: 300 }, (_, i) => pod(i))
    const packed = packRows(rows)!
    expect(packed.derivedKey).toBe(true)
    expect(packed.cols.some((c) => c.k === 'key')).toBe(false)
    const back = unpackRows(overWire(packed))
    expect(back).toEqual(rows)
    expect('ip' in back[1]!).toBe(false)
  })

  it('sends a repeated value once and hands every row the same decoded value', () => {
    const rows = Array.from({ length: 200 }, (_, i) => pod(i))
    const packed = packRows(rows)!
    const labelsCol = packed.cols.find((c) => c.k === 'labels')!
    expect('d' in labelsCol && labelsCol.d).toEqual([labels])
    const uidCol = packed.cols.find((c) => c.k === 'uid')!
    expect('v' in uidCol).toBe(true) // all distinct: plain values, no dictionary
    const back = unpackRows<{ labels: object }>(overWire(packed))
    expect(back[0]!.labels).toBe(back[199]!.labels)
    expect(JSON.stringify(packed).length).toBeLessThan(JSON.stringify(rows).length / 2)
  })

  it('keeps a key that is not namespace/name, and rows of different shapes', () => {
    const rows = [pod(1, { key: 'custom' }), { kind: 'other', key: 'x', name: 'x', extra: [1, 2] }]
    const packed = packRows(rows)!
    expect(packed.derivedKey).toBeUndefined()
    expect(unpackRows(overWire(packed))).toEqual(rows)
  })

  it('gives every row its fields in the order they were sent, the derived key first', () => {
    // Filled a column at a time: a row missing a field in the middle, or with fields of its own, keeps order.
    // A derived key was not sent and comes first; a sent one keeps its place.
    const rows = [
      pod(0),
      pod(1),
      { key: 'ns1/odd', name: 'odd', namespace: 'ns1', only: 1 },
      pod(2, { extra: true }),
    ]
    const back = unpackRows<Record<string, unknown>>(overWire(packRows(rows)!))
    expect(back).toEqual(rows)
    const keyFirst = (row: object): string[] => ['key', ...Object.keys(row).filter((k) => k !== 'key')]
    for (let r = 0; r < rows.length; r++) expect(Object.keys(back[r]!)).toEqual(keyFirst(rows[r]!))
    const custom = [pod(0, { key: 'mine' }), pod(1)]
    const mixed = unpackRows<Record<string, unknown>>(overWire(packRows(custom)!))
    expect(mixed.map((r) => Object.keys(r))).toEqual(custom.map((r) => Object.keys(r)))
  })

  it('refuses what it cannot carry: nulls and values that are not objects', () => {
    expect(packRows([pod(1, { ip: null })])).toBeUndefined()
    expect(packRows([pod(1), 'text'])).toBeUndefined()
    expect(packRows([[1, 2]])).toBeUndefined()
  })

  it('packs only events with many rows, and unpacks them as they were', () => {
    const rows = Array.from({ length: 100 }, (_, i) => pod(i))
    const event = { type: 'snapshot', rows, more: true }
    const wire = packEvent(event)
    expect(wire.packed).toBe(true)
    expect(unpackEvent(JSON.parse(JSON.stringify(wire.event)))).toEqual(event)
    const small = { type: 'snapshot', rows: rows.slice(0, 3) }
    expect(packEvent(small)).toEqual({ event: small })
    const delta = { type: 'delta', upserts: rows, deletes: [] }
    expect(packEvent(delta)).toEqual({ event: delta })
    expect(packEvent('x')).toEqual({ event: 'x' })
  })
})

describe('row columns: dictionary identity', () => {
  it('tells apart values that only look alike once joined', () => {
    const rows = Array.from({ length: 80 }, (_, i) => ({
      key: `k${i}`,
      list: i % 2 ? ['a\u0000b'] : ['a', 'b'],
      map: i % 2 ? { a: 'b\u0000c' } : { a: 'b', c: '' },
      mixed: i % 2 ? { n: 1 } : '{"n":1}',
    }))
    expect(unpackRows(overWire(packRows(rows)!))).toEqual(rows)
  })
})

describe('row columns: what the engine makes of the rows', () => {
  // V8's own predicate, reachable only through natives syntax, which a function parsed after the flag allows.
  // (src/shared is type-checked without Node's types, hence the untyped import.)
  let hasFastProperties: (o: object) => boolean
  beforeAll(async () => {
    const v8 = (await import('node:v8' as string)) as { setFlagsFromString(flags: string): void }
    v8.setFlagsFromString('--allow-natives-syntax')
    hasFastProperties = new Function('o', 'return %HasFastProperties(o)') as (o: object) => boolean
  })

  it('gives rows with more than 16 fields fast properties, not a dictionary', () => {
    // A pod that has restarted, is nominated and has readiness gates: 19 fields, some rows with fewer.
    const rows = Array.from({ length: 120 }, (_, i) =>
      pod(i, {
        status: 'Running',
        phase: 'Running',
        node: 'node-1',
        owner: { kind: 'ReplicaSet', name: 'web-1' },
        deleting: true,
        ...(i % 3
          ? { lastRestartAt: '2026-11-30T11:00:00Z', nominatedNode: 'n2', readinessGates: '1/1' }
          : {}),
      }),
    )
    const back = unpackRows<Record<string, unknown>>(overWire(packRows(rows)!))
    expect(back).toEqual(rows)
    expect(Object.keys(back[4]!)).toHaveLength(19)
    const keyFirst = (row: object): string[] => ['key', ...Object.keys(row).filter((k) => k !== 'key')]
    for (let r = 0; r < rows.length; r++) expect(Object.keys(back[r]!)).toEqual(keyFirst(rows[r]!))
    for (const row of back) expect(hasFastProperties(row)).toBe(true)
  })

  it('still round-trips rows wider than one bit per column can describe', () => {
    const rows = Array.from({ length: 70 }, (_, i) => {
      const row: Record<string, unknown> = { key: `k${i}`, name: `k${i}` }
      for (let f = 0; f < 40; f++) if ((i + f) % 4) row[`f${f}`] = f
      return row
    })
    const back = unpackRows<Record<string, unknown>>(overWire(packRows(rows)!))
    expect(back).toEqual(rows)
    for (let r = 0; r < rows.length; r++)
      expect(Object.keys(back[r]!)).toHaveLength(Object.keys(rows[r]!).length)
  })
})
