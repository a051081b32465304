import type { ReactNode } from 'react'
import { problemText, type DeploymentWithPods } from '@shared/workload-health'
import { ScaleCell } from './ScaleCell'
import { StatusText, ageColumn, columns, nameColumn, numberColumn, textColumn } from './base'

const healthWords: Record<DeploymentWithPods['health'], string> = {
  available: 'Available',
  progressing: 'Progressing',
  failed: 'Failed',
  'scaled-down': 'ScaledDown',
  paused: 'Paused',
}

/** The Deployment's own health word, unless its pods say it is stuck. */
export function healthText(r: DeploymentWithPods): string {
  return r.problem ? problemText(r.problem) : healthWords[r.health]
}

export function HealthText({ row }: { row: DeploymentWithPods }): ReactNode {
  if (!row.problem) return <StatusText status={healthWords[row.health]} />
  const text = problemText(row.problem)
  return (
    <span className="status-text tone-err" title={text}>
      {text}
    </span>
  )
}

/** `kubectl get deployments -o wide`: NAME READY UP-TO-DATE AVAILABLE AGE CONTAINERS IMAGES SELECTOR, plus health. */
export const deploymentColumns = columns<DeploymentWithPods>([
  nameColumn(),
  { id: 'ready', header: 'Ready', width: 84, value: (r) => r.ready, priority: 0 },
  {
    id: 'health',
    header: 'Health',
    width: 150,
    priority: 0,
    grow: 3,
    value: healthText,
    render: (r) => <HealthText row={r} />,
  },
  {
    id: 'scale',
    header: 'Scale',
    width: 140,
    // Gives way before health when narrow: the detail panel has the same stepper.
    priority: 1,
    value: (r) => r.replicas,
    render: (r) => <ScaleCell row={r} />,
    filter: false,
  },
  numberColumn('up-to-date', 'Up-to-date', (r) => r.upToDate, 100, 2),
  numberColumn('available', 'Available', (r) => r.available, 90, 2),
  ageColumn(),
  textColumn('containers', 'Containers', 140, (r) => r.containers, false, 3),
  textColumn('images', 'Images', 240, (r) => r.images, true, 3),
  textColumn('selector', 'Selector', 200, (r) => r.selector, true, 4),
])
