import type { ReplicaSetRow } from '@shared/rows'
import { ageColumn, columns, nameColumn, numberColumn, textColumn } from './base'

/** `kubectl get replicasets -o wide`: NAME DESIRED CURRENT READY AGE CONTAINERS IMAGES SELECTOR */
export const replicaSetColumns = columns<ReplicaSetRow>([
  nameColumn(),
  numberColumn('desired', 'Desired', (r) => r.desired, 90, 0),
  numberColumn('current', 'Current', (r) => r.current, 90, 2),
  numberColumn('ready', 'Ready', (r) => r.ready, 90, 0),
  ageColumn(),
  textColumn('containers', 'Containers', 140, (r) => r.containers, false, 3),
  textColumn('images', 'Images', 240, (r) => r.images, true, 3),
  textColumn('selector', 'Selector', 240, (r) => r.selector, true, 4),
])
