import type { Column, ColumnList } from './columns'

/** What fitting needs of a column; any kind's columns (seed rows or Table rows) have it. */
type Fittable = Pick<Column, 'id' | 'width' | 'priority' | 'grow'>

export interface FittedColumns<C extends Fittable = ColumnList[number]> {
  columns: readonly C[]
  /** Width of each shown column in px, by id: its declared width plus its share of the room left over. */
  widths: ReadonlyMap<string, number>
  /** The table's width: the room given, or more when even the essential columns need more. */
  total: number
}

const priorityOf = (c: Fittable): number => c.priority ?? 1

/**
 * The columns that fit `available` px: the least important go first (highest `priority`, rightmost first
 * among equals); priority 0 is never hidden. Room left over goes to the `grow` columns. An unknown width (0,
 * before layout) shows everything.
 */
export function fitColumns<C extends Fittable>(all: readonly C[], available: number): FittedColumns<C> {
  let shown = [...all]
  const sum = (list: readonly C[]): number => list.reduce((s, c) => s + c.width, 0)
  if (available > 0) {
    const droppable = all
      .map((c, i) => ({ c, i }))
      .filter(({ c }) => priorityOf(c) > 0)
      .sort((a, b) => priorityOf(b.c) - priorityOf(a.c) || b.i - a.i)
    for (const { c } of droppable) {
      if (sum(shown) <= available) break
      shown = shown.filter((s) => s !== c)
    }
  }
  const used = sum(shown)
  const spare = available > used ? available - used : 0
  const weights = shown.reduce((s, c) => s + (c.grow ?? 0), 0)
  const widths = new Map<string, number>()
  for (const c of shown) {
    const share = c.grow && weights > 0 ? Math.floor((spare * c.grow) / weights) : 0
    widths.set(c.id, c.width + share)
  }
  return { columns: shown, widths, total: Math.max(used, available) }
}
