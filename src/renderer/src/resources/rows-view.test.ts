import { describe, expect, it } from 'vitest'
import { parseLabelSelector, type Requirement } from '@shared/label-selector'
import type { Row } from '@shared/rows'
import { podColumns } from './columns/pods'
import { filterRows, nextSort, sortRows } from './rows-view'
import { podRow } from '../../../../test/renderer/rows'

const sel = (s: string): Requirement[] => {
  const r = parseLabelSelector(s)
  if (!r.ok) throw new Error(r.message)
  return r.requirements
}

const restartsOf = (r: Row): number => (r.kind === 'pods' ? r.restarts : -1)

const rows = [
  podRow('web-1', { restarts: 3, labels: { app: 'web', tier: 'front' } }),
  podRow('db-0', { restarts: 0, status: 'CrashLoopBackOff', labels: { app: 'db' } }),
  podRow('web-2', { restarts: 10, namespace: 'prod', labels: { app: 'web' } }),
]

describe('filterRows', () => {
  it('filters by text in any text column and by label selector', () => {
    expect(filterRows(rows, podColumns, 'crash', []).map((r) => r.name)).toEqual(['db-0'])
    expect(filterRows(rows, podColumns, 'PROD', []).map((r) => r.name)).toEqual(['web-2'])
    expect(filterRows(rows, podColumns, '', sel('app=web,tier!=front')).map((r) => r.name)).toEqual(['web-2'])
    expect(filterRows(rows, podColumns, '', [])).toBe(rows)
  })
})

describe('sortRows', () => {
  it('sorts numbers numerically and strings by code point, both directions', () => {
    const restarts = podColumns.find((c) => c.id === 'restarts')
    expect(sortRows(rows, restarts, 'asc').map(restartsOf)).toEqual([0, 3, 10])
    expect(sortRows(rows, restarts, 'desc').map(restartsOf)).toEqual([10, 3, 0])
    const name = podColumns.find((c) => c.id === 'name')
    expect(sortRows(rows, name, 'asc').map((r) => r.name)).toEqual(['db-0', 'web-1', 'web-2'])
  })
  it('toggles ascending then descending', () => {
    expect(nextSort(undefined, 'name')).toEqual({ column: 'name', dir: 'asc' })
    expect(nextSort({ column: 'name', dir: 'asc' }, 'name')).toEqual({ column: 'name', dir: 'desc' })
    expect(nextSort({ column: 'name', dir: 'desc' }, 'age')).toEqual({ column: 'age', dir: 'asc' })
  })
})
