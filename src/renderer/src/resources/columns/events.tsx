import type { EventRow } from '@shared/rows'
import { StatusText, ageColumn, columns, numberColumn, textColumn } from './base'

/**
 * `kubectl get events -o wide`'s columns, Message moved next to what it is about so it stays on screen; the
 * rest give way first when the table is narrow (see column priorities).
 */
export const eventColumns = columns<EventRow>([
  ageColumn((r) => r.lastSeen, 'Last seen', 96, 0),
  {
    id: 'type',
    header: 'Type',
    width: 110,
    priority: 0,
    value: (r) => r.type,
    render: (r) => <StatusText status={r.type} />,
  },
  textColumn('reason', 'Reason', 140, (r) => r.reason, false, 0),
  textColumn('object', 'Object', 210, (r) => r.object, false, 1),
  {
    id: 'message',
    header: 'Message',
    width: 240,
    priority: 0,
    grow: 4,
    value: (r) => r.message,
    title: (r) => r.message,
  },
  numberColumn('count', 'Count', (r) => r.count, 70, 2),
  textColumn('source', 'Source', 150, (r) => r.source, false, 3),
  textColumn('subobject', 'Subobject', 140, (r) => r.subobject, false, 4),
  ageColumn((r) => r.firstSeen, 'First seen', 100, 4),
  textColumn('name', 'Name', 240, (r) => r.name, false, 5),
])
