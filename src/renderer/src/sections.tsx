import { lazy, type ReactNode } from 'react'
import { ConfigView, EventsView, NetworkView, NodesView, OverviewView, WorkloadsView } from './resources'

// Sections a cold start on the Overview or Pods does not need load on first use (docs/performance.md).
const ClustersView = lazy(() => import('./clusters/ClustersView').then((m) => ({ default: m.ClustersView })))
const ContextsView = lazy(() => import('./contexts/ContextsView').then((m) => ({ default: m.ContextsView })))
const ManifestWorkbench = lazy(() =>
  import('./yaml/ManifestWorkbench').then((m) => ({ default: m.ManifestWorkbench })),
)
const PortsPanel = lazy(() => import('./ports/PortsPanel').then((m) => ({ default: m.PortsPanel })))
// Its create form checks names with the contract's zod rule: lazy, so zod is not in the first paint either.
const NamespacesView = lazy(() =>
  import('./resources/views/NamespacesView').then((m) => ({ default: m.NamespacesView })),
)
const SystemView = lazy(() => import('./system/SystemView').then((m) => ({ default: m.SystemView })))

export interface Section {
  id: string
  label: string
  /** One line under the title: what the section is for. */
  summary: string
  /** Sections that show a cluster's resources need a context to show. */
  needsContext?: boolean
  render: (context: string | undefined) => ReactNode
}

/** The sidebar, in order. A section's view is the only place its screen is built. */
export const sections: Section[] = [
  {
    id: 'overview',
    label: 'Overview',
    summary: 'Per namespace: pods by phase, deployment health and recent warnings.',
    needsContext: true,
    render: (context) => (
      <OverviewView context={context} onOpenNamespace={() => (window.location.hash = '#workloads')} />
    ),
  },
  {
    id: 'clusters',
    label: 'Clusters',
    summary: 'Create, start, stop and delete local clusters: kind, minikube or the built-in sandbox.',
    render: () => <ClustersView />,
  },
  {
    id: 'contexts',
    label: 'Contexts',
    summary: 'The contexts in your kubeconfig: switch, rename, set a namespace, import, restore a backup.',
    render: () => <ContextsView />,
  },
  {
    id: 'workloads',
    label: 'Workloads',
    summary: 'Pods, Deployments and ReplicaSets, live.',
    needsContext: true,
    render: (context) => <WorkloadsView context={context} />,
  },
  {
    id: 'network',
    label: 'Network',
    summary: 'Services and the pods behind them.',
    needsContext: true,
    render: (context) => <NetworkView context={context} />,
  },
  {
    id: 'ports',
    label: 'Ports',
    summary: 'Port forwards to pods and Services, on 127.0.0.1: open, copy the address, stop.',
    render: () => <PortsPanel />,
  },
  {
    id: 'config',
    label: 'Config',
    summary: 'ConfigMaps and Secrets (values masked until you reveal them).',
    needsContext: true,
    render: (context) => <ConfigView context={context} />,
  },
  {
    id: 'namespaces',
    label: 'Namespaces',
    summary: 'Namespaces: create, delete, and filter every view by them.',
    needsContext: true,
    render: (context) => <NamespacesView context={context} />,
  },
  {
    id: 'nodes',
    label: 'Nodes',
    summary: 'The machines (real or simulated) your cluster runs on.',
    needsContext: true,
    render: (context) => <NodesView context={context} />,
  },
  {
    id: 'events',
    label: 'Events',
    summary: 'What the cluster has been telling you: warnings first.',
    needsContext: true,
    render: (context) => <EventsView context={context} />,
  },
  {
    id: 'yaml',
    label: 'Apply YAML',
    summary: 'Create or change objects from YAML: preview what would change, then apply.',
    needsContext: true,
    render: (context) => <ManifestWorkbench context={context} />,
  },
  {
    id: 'system',
    label: 'System',
    summary: 'What Skiff’s backend sees on this machine: runtime and the tools it can drive.',
    render: () => <SystemView />,
  },
]
