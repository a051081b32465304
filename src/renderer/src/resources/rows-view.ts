import type { Requirement } from '@shared/label-selector'
import { matchesSelector } from '@shared/label-selector'
import type { RowBase } from '@shared/rows'
import type { Column } from './columns'

export interface SortState {
  column: string
  dir: 'asc' | 'desc'
}

/** Rows whose name, namespace or any text column contains `text` (case-insensitive) and that match the selector. */
export function filterRows<R extends RowBase>(
  rows: readonly R[],
  columns: readonly Column<R>[],
  text: string,
  selector: readonly Requirement[],
): readonly R[] {
  const needle = text.trim().toLowerCase()
  if (!needle && selector.length === 0) return rows
  const searchable = columns.filter((c) => c.filter !== false)
  return rows.filter((row) => {
    if (selector.length && !matchesSelector(selector, row.labels)) return false
    if (!needle) return true
    if (row.name.toLowerCase().includes(needle)) return true
    if (row.namespace?.toLowerCase().includes(needle)) return true
    return searchable.some((c) => String(c.value(row)).toLowerCase().includes(needle))
  })
}

/** Rows ordered by one column (each value computed once), ties broken by key so order is stable under churn. */
export function sortRows<R extends RowBase>(
  rows: readonly R[],
  column: Column<R> | undefined,
  dir: SortState['dir'],
): readonly R[] {
  if (!column) return rows
  const values = rows.map((r) => column.value(r))
  const order = rows.map((_, i) => i)
  const sign = dir === 'asc' ? 1 : -1
  order.sort((a, b) => {
    const va = values[a]!
    const vb = values[b]!
    let c: number
    if (typeof va === 'number' && typeof vb === 'number') c = va - vb
    else {
      const sa = String(va)
      const sb = String(vb)
      c = sa < sb ? -1 : sa > sb ? 1 : 0
    }
    if (c !== 0) return c * sign
    const ka = rows[a]!.key
    const kb = rows[b]!.key
    return ka < kb ? -1 : ka > kb ? 1 : 0
  })
  return order.map((i) => rows[i]!)
}

/** Next sort after clicking a column header: ascending first, then flip. */
export function nextSort(current: SortState | undefined, column: string): SortState {
  if (current?.column === column) return { column, dir: current.dir === 'asc' ? 'desc' : 'asc' }
  return { column, dir: 'asc' }
}
