import type { TableCell, TableColumn, TableRow } from '@shared/contract'
import { baseFields } from '../kube/rows/base'
import type { WireMeta, WireObject } from '../kube/rows/wire'

/** A meta.k8s.io/v1 Table as the API server sends it (list, or one watch event). */
export interface WireTable {
  kind?: string
  metadata?: { resourceVersion?: string; continue?: string }
  columnDefinitions?: Partial<TableColumn>[] | null
  rows?: { cells?: unknown[]; object?: { metadata?: WireMeta } }[] | null
}

/** One Table row carried through the watch cache as an object: its metadata, and the cells beside it. */
export interface WireTableRow extends WireObject {
  cells: unknown[]
}

export const isTable = (obj: unknown): obj is WireTable =>
  !!obj && typeof obj === 'object' && (obj as WireTable).kind === 'Table'

/** A Table's rows as objects the cache can key (includeObject=Metadata gives each its metadata). */
export function tableObjects(table: WireTable): WireTableRow[] {
  return (table.rows ?? []).map((r) => ({ metadata: r.object?.metadata ?? {}, cells: r.cells ?? [] }))
}

export function tableColumns(table: WireTable): TableColumn[] | undefined {
  if (!table.columnDefinitions) return undefined
  return table.columnDefinitions.map((c) => ({
    name: c.name ?? '',
    type: c.type ?? 'string',
    format: c.format ?? '',
    description: c.description ?? '',
    priority: c.priority ?? 0,
  }))
}

/** Cells stay as the server printed them; anything but a scalar (a list, an object) is shown as JSON. */
function cell(v: unknown): TableCell {
  if (v === null || v === undefined) return null
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v
  return JSON.stringify(v)
}

/** Table row → the row Skiff sends: the shared fields (key, name, labels…) plus the printed cells. */
export function tableRow(obj: WireObject): TableRow {
  const row: TableRow = { ...baseFields(obj), cells: ((obj as WireTableRow).cells ?? []).map(cell) }
  const refs = obj.metadata?.ownerReferences
  const owner = refs?.find((r) => r.controller) ?? refs?.[0]
  if (owner?.kind && owner.name) {
    row.owner = { apiVersion: owner.apiVersion ?? '', kind: owner.kind, name: owner.name }
  }
  return row
}
