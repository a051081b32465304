import type { NamespaceRow } from '@shared/rows'
import { StatusText, ageColumn, columns, nameColumn } from './base'

/** `kubectl get namespaces`: NAME STATUS AGE */
export const namespaceColumns = columns<NamespaceRow>([
  nameColumn(320),
  {
    id: 'status',
    header: 'Status',
    width: 140,
    value: (r) => r.status,
    render: (r) => <StatusText status={r.status} />,
  },
  ageColumn(),
])
