import { ageOf } from '../api/age'
import type { CustomResourceInfo, PrinterColumn } from '../api/resources'
import type { ColumnDef, KindPrinter } from '../api/table-columns'
import { evalJsonPath, parseJsonPath } from './jsonpath'

// Table output for custom objects from additionalPrinterColumns (apiextensions' tableconvertor), and for
// CRDs themselves (the default convertor: Name, Created At).
const NAME: ColumnDef = {
  name: 'Name',
  type: 'string',
  format: 'name',
  description:
    'Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names',
  priority: 0,
}
const AGE_COLUMN: PrinterColumn = { name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp' }

type Cell = string | number | boolean | null

function cellFor(type: string, value: unknown, now: number): Cell {
  if (value === null || value === undefined) return null
  switch (type) {
    case 'string':
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
        return String(value)
      return JSON.stringify(value)
    case 'integer':
      return typeof value === 'number' ? Math.trunc(value) : null
    case 'number':
      return typeof value === 'number' ? value : null
    case 'boolean':
      return typeof value === 'boolean' ? value : null
    case 'date':
      if (typeof value !== 'string') return null
      return Number.isNaN(Date.parse(value)) ? '<invalid>' : ageOf(value, now)
    default:
      return null
  }
}

export function customPrinter(info: CustomResourceInfo): KindPrinter {
  const defs: PrinterColumn[] = info.columns.length > 0 ? info.columns : [AGE_COLUMN]
  const paths = defs.map((c) => parseJsonPath(c.jsonPath) ?? [])
  return {
    columns: [
      NAME,
      ...defs.map((c) => ({
        name: c.name,
        type: c.type,
        format: c.format ?? '',
        description: c.description ?? `Custom resource definition column (in JSONPath format): ${c.jsonPath}`,
        priority: c.priority ?? 0,
      })),
    ],
    cells: (obj, now) => [
      obj.metadata.name,
      ...defs.map((c, i) => cellFor(c.type, evalJsonPath(paths[i] ?? [], obj)[0], now)),
    ],
  }
}

export const crdPrinter: KindPrinter = {
  columns: [
    NAME,
    {
      name: 'Created At',
      type: 'date',
      format: '',
      description:
        'CreationTimestamp is a timestamp representing the server time when this object was created.',
      priority: 0,
    },
  ],
  cells: (obj) => [obj.metadata.name, obj.metadata.creationTimestamp],
}
