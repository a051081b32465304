/** Resource views for the sidebar; each takes `{ context?: string }` (absent = current context). */
export { OverviewView, type OverviewProps } from './views/OverviewView'
export { WorkloadsView } from './views/WorkloadsView'
export type { ViewProps } from './views/view-props'
export { NodesView, NetworkView, ConfigView, EventsView } from './views/SimpleViews'
export { ResourceList, type ResourceListProps } from './ResourceList'
export { useResourceWatch, watchKey, type ResourceWatch, type WatchOptions } from './useResourceWatch'
export { useNamespaceSelection } from './namespace-selection'
