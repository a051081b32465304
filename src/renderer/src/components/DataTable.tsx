import { useMemo, useState, type ReactNode } from 'react'
import { nextSort, sortRows, type SortState, type SortValue } from './table-sort'
import './data-table.css'

/** One column, declared as data: what a cell shows and, if it sorts, by what key. */
export interface DataColumn<Row> {
  id: string
  header: string
  /** The header is read to screen readers only (e.g. a column of buttons). */
  hideHeader?: boolean
  cell: (row: Row) => ReactNode
  /** Present: the column sorts by this key. */
  sortValue?: (row: Row) => SortValue
  /** The column that names the row: rendered as `<th scope="row">`. */
  rowHeader?: boolean
  className?: string
  /** When the card is narrow, 'low' columns give way first, then 'medium' (see data-table.css). */
  priority?: 'high' | 'medium' | 'low'
}

export interface DataTableProps<Row> {
  /** The id of the heading that names the table (its accessible name). */
  labelledBy: string
  columns: readonly DataColumn<Row>[]
  rows: readonly Row[]
  rowKey: (row: Row) => string
  /** Extra attributes of a row, e.g. `data-context` for tests and `aria-current`. */
  rowAttributes?: (row: Row) => Record<string, string | undefined>
  initialSort?: SortState
}

/** The table of every non-resource list: sortable headers (buttons, so keyboard reachable) and a card-sized fit. */
export function DataTable<Row>(props: DataTableProps<Row>) {
  const [sort, setSort] = useState<SortState | undefined>(props.initialSort)
  const { columns, rows } = props
  const sorted = useMemo(() => {
    const key = columns.find((c) => c.id === sort?.column)?.sortValue
    return key && sort ? sortRows(rows, key, sort.direction) : rows
  }, [columns, rows, sort])

  return (
    <div className="data-table-wrap">
      <table className="data-table" aria-labelledby={props.labelledBy}>
        <thead>
          <tr>
            {columns.map((c) => (
              <th
                key={c.id}
                scope="col"
                className={columnClass(c)}
                aria-sort={sort?.column === c.id ? sort.direction : undefined}
              >
                {c.hideHeader ? (
                  <span className="visually-hidden">{c.header}</span>
                ) : c.sortValue ? (
                  <button
                    type="button"
                    className="sort-button"
                    onClick={() => setSort((s) => nextSort(s, c.id))}
                  >
                    {c.header}
                    <span aria-hidden="true" className="sort-mark">
                      {sort?.column === c.id ? (sort.direction === 'ascending' ? '▲' : '▼') : ''}
                    </span>
                  </button>
                ) : (
                  c.header
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr key={props.rowKey(row)} {...props.rowAttributes?.(row)}>
              {columns.map((c) =>
                c.rowHeader ? (
                  <th key={c.id} scope="row" className={columnClass(c)}>
                    {c.cell(row)}
                  </th>
                ) : (
                  <td key={c.id} className={columnClass(c)}>
                    {c.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

function columnClass(c: Pick<DataColumn<never>, 'className' | 'priority'>): string | undefined {
  const parts = [c.className, c.priority && c.priority !== 'high' ? `priority-${c.priority}` : undefined]
  return parts.filter(Boolean).join(' ') || undefined
}
