import type { KObj } from '../types'
import { ageOf } from './age'
import { crdPrinter, customPrinter } from '../crd/custom-table'
import type { ResourceDef } from './resources'
import { eventPrinter, nodePrinter } from './table-columns-more'
import { BATCH_PRINTERS } from './table-columns-batch'
import { pdbPrinter } from './kinds/policy'
import type { KindPrinter } from './table-columns'
import { ACCESS_PRINTERS } from './kinds/access-printers'
import { PRINTERS } from './table-columns'
import { APPS_STORAGE_PRINTERS } from './table-columns-apps'

// meta.k8s.io/v1 Table rendering for `kubectl get` (Accept: ...;as=Table).
export type IncludeObject = 'None' | 'Metadata' | 'Object'

const ALL_PRINTERS: Record<string, KindPrinter> = {
  ...PRINTERS,
  ...APPS_STORAGE_PRINTERS,
  ...BATCH_PRINTERS,
  Node: nodePrinter,
  Event: eventPrinter,
  CustomResourceDefinition: crdPrinter,
  PodDisruptionBudget: pdbPrinter,
  ...ACCESS_PRINTERS,
}

const FALLBACK: KindPrinter = {
  columns: [
    { name: 'Name', type: 'string', format: 'name', description: 'Name', priority: 0 },
    { name: 'Age', type: 'string', format: '', description: 'Age', priority: 0 },
  ],
  cells: (obj, now) => [obj.metadata.name, ageOf(obj.metadata.creationTimestamp, now)],
}

export function wantsTable(accept: string | undefined): boolean {
  return !!accept && accept.includes('as=Table')
}

function rowObject(obj: KObj, include: IncludeObject): unknown {
  if (include === 'None') return undefined
  if (include === 'Object') return obj
  return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: obj.metadata }
}

// Rows are built as JSON text so a 10k-row table is one string join, not a giant object graph.
export function tableJson(
  r: ResourceDef,
  objects: KObj[],
  opts: {
    now: number
    resourceVersion: string
    include: IncludeObject
    withColumns: boolean
    continueToken?: string
    remainingItemCount?: number
  },
): string {
  const printer = r.custom ? customPrinter(r.custom) : (ALL_PRINTERS[r.kind] ?? FALLBACK)
  const rows = objects.map((obj) => {
    const object = rowObject(obj, opts.include)
    return JSON.stringify({ cells: printer.cells(obj, opts.now), ...(object ? { object } : {}) })
  })
  const meta = {
    resourceVersion: opts.resourceVersion,
    ...(opts.continueToken ? { continue: opts.continueToken } : {}),
    ...(opts.remainingItemCount !== undefined ? { remainingItemCount: opts.remainingItemCount } : {}),
  }
  const head = `{"kind":"Table","apiVersion":"meta.k8s.io/v1","metadata":${JSON.stringify(meta)}`
  const columns = opts.withColumns
    ? `,"columnDefinitions":${JSON.stringify(printer.columns)}`
    : ',"columnDefinitions":null'
  return `${head}${columns},"rows":[${rows.join(',')}]}`
}
