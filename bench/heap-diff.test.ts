import { describe, expect, it } from 'vitest'
import { heapCategories, type Snapshot } from './heap-diff'

// A snapshot as V8 writes it: flat node records of `node_fields`, types by index into node_types[0].
const snapshot = (nodes: Array<[type: string, size: number]>): Snapshot => {
  const types = [
    'hidden',
    'array',
    'string',
    'object',
    'code',
    'closure',
    'regexp',
    'number',
    'native',
    'synthetic',
    'concatenated string',
    'sliced string',
    'symbol',
    'bigint',
    'object shape',
  ]
  const fields = ['type', 'name', 'id', 'self_size', 'edge_count', 'trace_node_id', 'detachedness']
  return {
    snapshot: { meta: { node_fields: fields, node_types: [types] } },
    nodes: nodes.flatMap(([type, size], i) => [types.indexOf(type), 0, i + 1, size, 0, 0, 0]),
    strings: [''],
  }
}

describe('heapCategories', () => {
  it('tells compiled code from strings, the program’s objects and V8’s own', () => {
    const c = heapCategories(
      snapshot([
        ['code', 100],
        ['code', 20],
        ['string', 7],
        ['concatenated string', 3],
        ['sliced string', 1],
        ['object', 40],
        ['closure', 30],
        ['hidden', 5],
        ['object shape', 6],
        ['array', 9],
        ['native', 11],
      ]),
    )
    expect(c).toEqual({ code: 120, strings: 11, objects: 70, system: 20, native: 11 })
  })
})
