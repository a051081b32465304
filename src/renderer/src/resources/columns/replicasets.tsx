import type { ReplicaSetRow } from '@shared/rows'
import { ageColumn, columns, nameColumn, numberColumn, textColumn } from './base'

/** `kubectl get replicasets -o wide`: NAME DESIRED CURRENT READY AGE CONTAINERS IMAGES SELECTOR */
export const replicaSetColumns = columns<ReplicaSetRow>([
  nameColumn(),
  numberColumn('desired', 'Desired', (r) => r.desired),
  numberColumn('current', 'Current', (r) => r.current),
  numberColumn('ready', 'Ready', (r) => r.ready),
  ageColumn(),
  textColumn('containers', 'Containers', 140, (r) => r.containers),
  textColumn('images', 'Images', 240, (r) => r.images, true),
  textColumn('selector', 'Selector', 240, (r) => r.selector, true),
])
