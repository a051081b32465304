import type { ReactNode } from 'react'
import { SystemView } from './views/SystemView'
import { PlannedView } from './views/PlannedView'

export interface Section {
  id: string
  label: string
  /** One line under the title: what the section is for. */
  summary: string
  render: () => ReactNode
}

/** The sidebar, in order. A section's view is the only place its screen is built. */
export const sections: Section[] = [
  {
    id: 'clusters',
    label: 'Clusters',
    summary: 'Create, start, stop and delete local clusters: kind, minikube or the built-in sandbox.',
    render: () => <PlannedView what="cluster management" />,
  },
  {
    id: 'contexts',
    label: 'Contexts',
    summary: 'The contexts in your kubeconfig: switch, rename, set a namespace, import, restore a backup.',
    render: () => <PlannedView what="kubeconfig contexts" />,
  },
  {
    id: 'workloads',
    label: 'Workloads',
    summary: 'Pods, Deployments and ReplicaSets, live.',
    render: () => <PlannedView what="workload views" />,
  },
  {
    id: 'network',
    label: 'Network',
    summary: 'Services and their endpoints.',
    render: () => <PlannedView what="network views" />,
  },
  {
    id: 'config',
    label: 'Config',
    summary: 'ConfigMaps and Secrets (values masked until you reveal them).',
    render: () => <PlannedView what="config views" />,
  },
  {
    id: 'namespaces',
    label: 'Namespaces',
    summary: 'Namespaces: create, delete, and filter every view by them.',
    render: () => <PlannedView what="namespace views" />,
  },
  {
    id: 'system',
    label: 'System',
    summary: 'What Skiff’s backend sees on this machine: runtime and the tools it can drive.',
    render: () => <SystemView />,
  },
]
