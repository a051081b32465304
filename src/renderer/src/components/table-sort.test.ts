import { describe, expect, it } from 'vitest'
import { nextSort, sortRows } from './table-sort'

describe('sortRows', () => {
  const rows = [{ n: 'node-10' }, { n: 'node-2' }, { n: '' }, { n: 'Node-1' }]

  it('sorts names naturally and case-insensitively, empty cells last', () => {
    expect(sortRows(rows, (r) => r.n, 'ascending').map((r) => r.n)).toEqual([
      'Node-1',
      'node-2',
      'node-10',
      '',
    ])
  })

  it('keeps empty cells last when descending', () => {
    expect(sortRows(rows, (r) => r.n, 'descending').map((r) => r.n)).toEqual([
      'node-10',
      'node-2',
      'Node-1',
      '',
    ])
  })

  it('compares numbers as numbers and keeps the original order of ties', () => {
    const nums = [
      { id: 'a', v: 10 },
      { id: 'b', v: 9 },
      { id: 'c', v: 10 },
    ]
    expect(sortRows(nums, (r) => r.v, 'ascending').map((r) => r.id)).toEqual(['b', 'a', 'c'])
    expect(sortRows(nums, (r) => r.v, 'descending').map((r) => r.id)).toEqual(['a', 'c', 'b'])
  })

  it('does not change the array it was given', () => {
    const copy = [...rows]
    sortRows(rows, (r) => r.n, 'ascending')
    expect(rows).toEqual(copy)
  })
})

describe('nextSort', () => {
  it('starts ascending on a new column and flips on the same one', () => {
    expect(nextSort(undefined, 'name')).toEqual({ column: 'name', direction: 'ascending' })
    expect(nextSort({ column: 'name', direction: 'ascending' }, 'name').direction).toBe('descending')
    expect(nextSort({ column: 'name', direction: 'descending' }, 'age')).toEqual({
      column: 'age',
      direction: 'ascending',
    })
  })
})
