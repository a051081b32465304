import type { PodRow } from '@shared/rows'
import { Restarts, StatusText, ageColumn, columns, nameColumn, textColumn } from './base'

/** `kubectl get pods -o wide`: NAME READY STATUS RESTARTS AGE IP NODE NOMINATED NODE READINESS GATES */
export const podColumns = columns<PodRow>([
  nameColumn(),
  { id: 'ready', header: 'Ready', width: 84, value: (r) => r.ready, priority: 0 },
  {
    id: 'status',
    header: 'Status',
    width: 170,
    priority: 0,
    value: (r) => r.status,
    render: (r) => <StatusText status={r.status} title={r.status} />,
  },
  {
    id: 'restarts',
    header: 'Restarts',
    width: 145,
    value: (r) => r.restarts,
    render: (r) => <Restarts count={r.restarts} {...(r.lastRestartAt ? { last: r.lastRestartAt } : {})} />,
    align: 'right',
  },
  ageColumn(),
  textColumn('ip', 'IP', 135, (r) => r.ip, true, 3),
  textColumn('node', 'Node', 160, (r) => r.node, false, 2),
  textColumn('nominated', 'Nominated node', 130, (r) => r.nominatedNode, false, 5),
  textColumn('gates', 'Readiness gates', 130, (r) => r.readinessGates, false, 5),
])
