import type { TableCell, TableColumn, TableRow } from '@shared/contract'
import { ageColumn, nameColumn, namespaceColumn, type Column } from '../columns/base'

const text = (v: TableCell | undefined): string => (v === null || v === undefined ? '' : String(v))

/** Rough widths by what a column holds, so the table lays out before it has measured anything. */
function widthOf(c: TableColumn): number {
  if (c.type === 'integer' || c.type === 'number') return 90
  if (c.type === 'date' || c.name === 'Age') return 90
  return c.description.length > 60 || c.name.length > 12 ? 160 : 130
}

/**
 * The columns `kubectl get` prints (priority 0), from the server's Table: the name column shows the row's
 * name (with "deleting"), Age ticks from the creation time, numbers sort as numbers. Cells beyond what a
 * row has (columns changed under it) show empty.
 */
export function tableColumns(columns: readonly TableColumn[], showNamespace: boolean): Column<TableRow>[] {
  const out: Column<TableRow>[] = showNamespace ? [namespaceColumn<TableRow>()] : []
  columns.forEach((c, i) => {
    if (c.priority > 0) return
    if (c.format === 'name' || (i === 0 && c.name === 'Name')) return void out.push(nameColumn<TableRow>())
    if (c.name === 'Age') return void out.push(ageColumn<TableRow>())
    const numeric = c.type === 'integer' || c.type === 'number'
    out.push({
      id: `c${i}-${c.name}`,
      header: c.name,
      width: widthOf(c),
      value: (r) => {
        const v = r.cells[i]
        return numeric && typeof v === 'number' ? v : text(v)
      },
      render: (r) => text(r.cells[i]) || '<none>',
      ...(c.description ? { title: () => c.description } : {}),
      ...(numeric ? { align: 'right' as const } : {}),
      priority: out.length > 3 ? 2 : 1,
    })
  })
  if (!out.some((c) => c.id === 'name')) out.unshift(nameColumn<TableRow>())
  return out
}
