import type { DeploymentRow } from '@shared/rows'
import { ScaleCell } from './ScaleCell'
import { StatusText, ageColumn, columns, nameColumn, numberColumn, textColumn } from './base'

const healthText: Record<DeploymentRow['health'], string> = {
  available: 'Available',
  progressing: 'Progressing',
  failed: 'Failed',
  'scaled-down': 'ScaledDown',
  paused: 'Paused',
}

/** `kubectl get deployments -o wide`: NAME READY UP-TO-DATE AVAILABLE AGE CONTAINERS IMAGES SELECTOR, plus health. */
export const deploymentColumns = columns<DeploymentRow>([
  nameColumn(),
  { id: 'ready', header: 'Ready', width: 70, value: (r) => r.ready },
  {
    id: 'health',
    header: 'Health',
    width: 132,
    value: (r) => healthText[r.health],
    render: (r) => <StatusText status={healthText[r.health]} />,
  },
  {
    id: 'scale',
    header: 'Scale',
    width: 140,
    value: (r) => r.replicas,
    render: (r) => <ScaleCell row={r} />,
    filter: false,
  },
  numberColumn('up-to-date', 'Up-to-date', (r) => r.upToDate, 100),
  numberColumn('available', 'Available', (r) => r.available),
  ageColumn(),
  textColumn('containers', 'Containers', 140, (r) => r.containers),
  textColumn('images', 'Images', 240, (r) => r.images, true),
  textColumn('selector', 'Selector', 200, (r) => r.selector, true),
])
