import {
  memo,
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type RefObject,
  type ReactNode,
} from 'react'
import { flushSync } from 'react-dom'
import { useVirtualizer } from '@tanstack/react-virtual'
import type { Row, RowBase } from '@shared/rows'
import type { Column } from './columns'
import { markFirstRows } from '../boot/first-rows'
import { fitColumns } from './column-fit'
import { highlightMs } from './fold'
import { nextSort, sortRows, type SortState } from './rows-view'
import './resources.css'
import './table.css'

export const rowHeight = 34
const headerHeight = 36
const estimateSize = (): number => rowHeight

export interface ResourceTableProps<R extends RowBase = Row> {
  label: string
  /** Already filtered; the table sorts. */
  rows: readonly R[]
  columns: readonly Column<R>[]
  changed?: ReadonlyMap<string, number>
  selectedKey?: string
  onSelect: (key: string) => void
  onOpen: (row: R) => void
  initialSort?: SortState
  /** The order before any header is clicked (e.g. warnings first, then newest); default: by key. */
  defaultOrder?: (a: R, b: R) => number
}

/** The scroll box's inner width, kept up to date as the window or the detail panel resizes. */
function useWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0)
  useLayoutEffect(() => {
    const el = ref.current
    if (!el) return
    setWidth(el.clientWidth)
    if (typeof ResizeObserver === 'undefined') return
    // Rendered before the frame is painted (a resize observer runs after layout, before paint): a plain update
    // waited for a later task, so opening the detail panel showed a frame or more of columns that no longer
    // fit, with a sideways scroll bar, until the fit caught up.
    const observer = new ResizeObserver(() => flushSync(() => setWidth(el.clientWidth)))
    observer.observe(el)
    return () => observer.disconnect()
  }, [ref])
  return width
}

/** A windowed <table>: only the rows in view (plus a few) exist in the DOM, so 50,000 rows scroll smoothly. */
export function ResourceTable<R extends RowBase = Row>(props: ResourceTableProps<R>): ReactNode {
  const { rows, changed, selectedKey, onSelect, onOpen, label, defaultOrder } = props
  const [sort, setSort] = useState<SortState | undefined>(props.initialSort)
  const hasRows = rows.length > 0
  // After the commit that shows them: a cold start's secondary watches wait for this (boot/first-rows).
  useEffect(() => {
    if (hasRows) markFirstRows()
  }, [hasRows])
  const sortColumn = props.columns.find((c) => c.id === sort?.column)
  const sorted = useMemo(
    () =>
      sortColumn || !defaultOrder
        ? sortRows(rows, sortColumn, sort?.dir ?? 'asc')
        : [...rows].sort(defaultOrder),
    [rows, sortColumn, sort?.dir, defaultOrder],
  )
  const scrollRef = useRef<HTMLDivElement>(null)
  const available = useWidth(scrollRef)
  const fitted = useMemo(() => fitColumns(props.columns, available), [props.columns, available])
  const columns = fitted.columns
  const id = useId()
  const virtualizer = useVirtualizer({
    count: sorted.length,
    getScrollElement: () => scrollRef.current,
    // Stable and key-free (rows have a fixed height): otherwise the virtualizer rebuilds
    // 50,000 measurements on every render or delta.
    estimateSize,
    // Rows render in the scroll event (flushSync), so few extra are needed; each costs layout and paint per frame.
    overscan: 3,
    paddingStart: headerHeight,
    scrollPaddingStart: headerHeight,
  })
  const selectedIndex = useMemo(
    () => (selectedKey === undefined ? -1 : sorted.findIndex((r) => r.key === selectedKey)),
    [sorted, selectedKey],
  )
  const items = virtualizer.getVirtualItems()
  const padTop = items.length ? items[0]!.start - headerHeight : 0
  const padBottom = items.length ? virtualizer.getTotalSize() - items[items.length - 1]!.end : 0
  const width = fitted.total

  // Stable, so the memoized header cells do not render again on every frame of a scroll.
  const onSort = useCallback((col: string) => setSort((s) => nextSort(s, col)), [])

  const move = (index: number): void => {
    const row = sorted[Math.max(0, Math.min(sorted.length - 1, index))]
    if (!row) return
    onSelect(row.key)
    virtualizer.scrollToIndex(sorted.indexOf(row), { align: 'auto' })
  }
  const onKeyDown = (e: KeyboardEvent<HTMLTableElement>): void => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 0) / rowHeight) - 1)
    const steps: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page }
    if (e.key in steps) move(selectedIndex < 0 ? 0 : selectedIndex + steps[e.key]!)
    else if (e.key === 'Home') move(0)
    else if (e.key === 'End') move(sorted.length - 1)
    else if (e.key === 'Enter' && selectedIndex >= 0) onOpen(sorted[selectedIndex]!)
    else return
    e.preventDefault()
  }

  return (
    <div className="rt-scroll" ref={scrollRef}>
      <table
        className="rt"
        role="grid"
        aria-label={label}
        aria-readonly="true"
        aria-rowcount={sorted.length + 1}
        aria-activedescendant={selectedIndex >= 0 ? `${id}-r${selectedIndex}` : undefined}
        tabIndex={0}
        onKeyDown={onKeyDown}
        style={{ width, minWidth: '100%' }}
      >
        <colgroup>
          {columns.map((c) => (
            <col key={c.id} style={{ width: fitted.widths.get(c.id) ?? c.width }} />
          ))}
        </colgroup>
        <thead>
          <tr aria-rowindex={1} style={{ height: headerHeight }}>
            {columns.map((c) => (
              <HeaderCell key={c.id} column={c} sort={sort} onSort={onSort} />
            ))}
          </tr>
        </thead>
        <tbody>
          {padTop > 0 && <tr aria-hidden="true" style={{ height: padTop }} />}
          {items.map((item) => {
            const row = sorted[item.index]!
            return (
              <TableRow
                key={row.key}
                id={`${id}-r${item.index}`}
                index={item.index}
                row={row}
                // The memoized row is not generic; it hands each column the row it was given.
                columns={columns as unknown as readonly Column<RowBase>[]}
                selected={item.index === selectedIndex}
                changedAt={changed?.get(row.key)}
                onSelect={onSelect}
                onOpen={onOpen as (row: RowBase) => void}
              />
            )
          })}
          {padBottom > 0 && <tr aria-hidden="true" style={{ height: padBottom }} />}
        </tbody>
      </table>
    </div>
  )
}

const HeaderCell = memo(function HeaderCell({
  column,
  sort,
  onSort,
}: {
  column: Pick<Column, 'id' | 'header' | 'align'>
  sort: SortState | undefined
  onSort: (column: string) => void
}): ReactNode {
  const active = sort?.column === column.id
  const ariaSort = active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'
  return (
    <th scope="col" aria-sort={ariaSort} className={column.align === 'right' ? 'right' : undefined}>
      <button type="button" className="rt-sort" onClick={() => onSort(column.id)}>
        {column.header}
        <span aria-hidden="true" className="rt-sort-mark">
          {active ? (sort.dir === 'asc' ? '▲' : '▼') : ''}
        </span>
      </button>
    </th>
  )
})

const cellClass = (c: Column<RowBase>): string | undefined =>
  c.align === 'right' ? (c.className ? `right ${c.className}` : 'right') : c.className

interface RowProps {
  id: string
  index: number
  row: RowBase
  columns: readonly Column<RowBase>[]
  selected: boolean
  changedAt: number | undefined
  onSelect: (key: string) => void
  onOpen: (row: RowBase) => void
}

/** Memoized on the row object: a delta re-renders only the rows it replaced. */
const TableRow = memo(function TableRow({
  id,
  index,
  row,
  columns,
  selected,
  changedAt,
  onSelect,
  onOpen,
}: RowProps) {
  const elapsed = changedAt === undefined ? Infinity : Date.now() - changedAt
  const flash = elapsed < highlightMs
  return (
    <tr
      id={id}
      aria-rowindex={index + 2}
      aria-selected={selected}
      data-key={row.key}
      className={`rt-row${selected ? ' selected' : ''}${flash ? ' changed' : ''}${row.deleting ? ' deleting' : ''}`}
      // A negative delay resumes the flash where it was if the row scrolls back into view.
      style={flash ? { animationDelay: `-${Math.max(0, elapsed)}ms` } : undefined}
      onClick={() => {
        onSelect(row.key)
        onOpen(row)
      }}
    >
      {columns.map((c) => (
        <td key={c.id} className={cellClass(c)} title={c.title?.(row)}>
          {c.render ? c.render(row) : c.value(row)}
        </td>
      ))}
    </tr>
  )
})
