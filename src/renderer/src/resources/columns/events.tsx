import type { EventRow } from '@shared/rows'
import { StatusText, ageColumn, columns, numberColumn, textColumn } from './base'

/** `kubectl get events -o wide`: LAST SEEN TYPE REASON OBJECT SUBOBJECT SOURCE MESSAGE FIRST SEEN COUNT NAME */
export const eventColumns = columns<EventRow>([
  ageColumn((r) => r.lastSeen, 'Last seen', 115),
  {
    id: 'type',
    header: 'Type',
    width: 115,
    value: (r) => r.type,
    render: (r) => <StatusText status={r.type} />,
  },
  textColumn('reason', 'Reason', 150, (r) => r.reason),
  textColumn('object', 'Object', 220, (r) => r.object),
  textColumn('subobject', 'Subobject', 140, (r) => r.subobject),
  textColumn('source', 'Source', 150, (r) => r.source),
  {
    id: 'message',
    header: 'Message',
    width: 420,
    value: (r) => r.message,
    render: (r) => <span title={r.message}>{r.message}</span>,
  },
  ageColumn((r) => r.firstSeen, 'First seen', 115),
  numberColumn('count', 'Count', (r) => r.count, 70),
  textColumn('name', 'Name', 240, (r) => r.name),
])
