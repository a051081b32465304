import { memo, type ReactNode } from 'react'
import type { Row, RowBase } from '@shared/rows'
import { useNow } from '../clock'
import { age, restarts, statusTone } from '../format'

/** One column of a list view, declared as data: what it shows, how it sorts, how wide it is. */
export interface Column<R extends RowBase = Row> {
  id: string
  header: string
  /** Width in px; the table lays out with fixed widths so windowed rows never shift columns. */
  width: number
  /** A stable value for sorting (numbers sort numerically) and, when `filter` is not false, text filtering. */
  value: (row: R) => string | number
  /** Display; defaults to `value`. */
  render?: (row: R) => ReactNode
  /** The cell's tooltip, set on the cell itself so plain text needs no wrapping element (fewer nodes per row). */
  title?: (row: R) => string | undefined
  /** A class on the cell itself (e.g. `mono`), for the same reason. */
  className?: string
  align?: 'right'
  /** False for values that mean nothing as text (timestamps). */
  filter?: boolean
  /**
   * Which columns give way first when the table is narrow: 0 never hides, higher numbers hide sooner
   * (default 1). Hidden values stay readable in the detail panel.
   */
  priority?: number
  /** Takes this share (a weight) of the room left over once the shown columns fit (messages, names). */
  grow?: number
}

/** Columns for one kind, typed loosely so the table can hold any kind's rows. */
export type ColumnList = readonly Column<Row>[]

export function columns<R extends Row>(list: Column<R>[]): ColumnList {
  return list as unknown as ColumnList
}

export const Age = memo(function Age({ iso }: { iso: string | undefined }) {
  const now = useNow()
  return <>{age(iso, now)}</>
})

export const Restarts = memo(function Restarts({ count, last }: { count: number; last?: string }) {
  const now = useNow()
  return <>{restarts(count, last, now)}</>
})

export function StatusText({ status, title }: { status: string; title?: string }): ReactNode {
  return (
    <span className={`status-text tone-${statusTone(status)}`} title={title}>
      {status}
    </span>
  )
}

const dash = (s: string | undefined): string => (s === undefined || s === '' ? '<none>' : s)

export function nameColumn<R extends RowBase>(width = 180): Column<R> {
  return {
    id: 'name',
    header: 'Name',
    width,
    priority: 0,
    grow: 1,
    value: (r) => r.name,
    render: (r) => (
      <span className="cell-name" title={r.name}>
        {r.name}
        {r.deleting && <span className="pill warn small-pill">deleting</span>}
      </span>
    ),
  }
}

export function namespaceColumn<R extends RowBase>(): Column<R> {
  // Gives way after the kind's optional columns but before name and status.
  return { id: 'namespace', header: 'Namespace', width: 130, value: (r) => r.namespace ?? '', priority: 1 }
}

/** Age sorts youngest first when ascending, as a person reading "AGE ↑" expects. */
export function ageColumn<R extends RowBase>(
  at: (r: R) => string = (r) => r.createdAt,
  header = 'Age',
  width = 90,
  priority = 1,
): Column<R> {
  return {
    priority,
    id: header.toLowerCase().replace(/\s+/g, '-'),
    header,
    width,
    value: (r) => -(Date.parse(at(r)) || 0),
    render: (r) => <Age iso={at(r)} />,
    filter: false,
  }
}

export function textColumn<R extends Row>(
  id: string,
  header: string,
  width: number,
  get: (r: R) => string | undefined,
  mono = false,
  priority?: number,
): Column<R> {
  return {
    id,
    header,
    width,
    value: (r) => get(r) ?? '',
    render: (r) => dash(get(r)),
    title: (r) => get(r) || undefined,
    ...(mono ? { className: 'mono' } : {}),
    ...(priority === undefined ? {} : { priority }),
  }
}

export function numberColumn<R extends Row>(
  id: string,
  header: string,
  get: (r: R) => number,
  width = 90,
  priority?: number,
): Column<R> {
  return { id, header, width, value: get, align: 'right', ...(priority === undefined ? {} : { priority }) }
}
