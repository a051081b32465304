import type { NodeRow } from '@shared/rows'
import { StatusText, ageColumn, columns, nameColumn, textColumn } from './base'

/** `kubectl get nodes -o wide`: NAME STATUS ROLES AGE VERSION INTERNAL-IP EXTERNAL-IP OS-IMAGE KERNEL-VERSION CONTAINER-RUNTIME */
export const nodeColumns = columns<NodeRow>([
  nameColumn(220),
  {
    id: 'status',
    header: 'Status',
    width: 180,
    priority: 0,
    value: (r) => r.status,
    render: (r) => <StatusText status={r.status} />,
  },
  textColumn('roles', 'Roles', 130, (r) => r.roles),
  ageColumn(),
  textColumn('version', 'Version', 100, (r) => r.version, true, 2),
  textColumn('internal-ip', 'Internal-IP', 120, (r) => r.internalIP, true, 2),
  textColumn('external-ip', 'External-IP', 120, (r) => r.externalIP, true, 4),
  textColumn('os-image', 'OS-Image', 200, (r) => r.osImage, false, 3),
  textColumn('kernel', 'Kernel-Version', 150, (r) => r.kernelVersion, true, 4),
  textColumn('runtime', 'Container-Runtime', 170, (r) => r.containerRuntime, true, 4),
])
