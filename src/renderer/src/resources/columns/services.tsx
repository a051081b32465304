import type { ServiceRow } from '@shared/rows'
import { ageColumn, columns, nameColumn, textColumn } from './base'

/** `kubectl get services -o wide`: NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE SELECTOR */
export const serviceColumns = columns<ServiceRow>([
  nameColumn(),
  textColumn('type', 'Type', 110, (r) => r.type, false, 0),
  textColumn('cluster-ip', 'Cluster-IP', 130, (r) => r.clusterIP, true),
  textColumn('external-ip', 'External-IP', 130, (r) => r.externalIP, true, 3),
  textColumn('ports', 'Port(s)', 180, (r) => r.ports, true, 0),
  ageColumn(),
  textColumn('selector', 'Selector', 220, (r) => r.selector, true, 4),
])
