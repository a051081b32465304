import type { KindGroup } from '@shared/contract'

// Where each built-in kind sits in the sidebar, as Headlamp and Lens arrange them. A whole API group maps to one
// place unless a resource of it is listed by name; core ('') kinds are listed one by one. A group not known here
// is a custom one (a CRD's, or an aggregated API's) and is shown under "Custom resources" by its group.

const coreKinds: Record<string, KindGroup> = {
  pods: 'workloads',
  replicationcontrollers: 'workloads',
  podtemplates: 'workloads',
  services: 'network',
  endpoints: 'network',
  configmaps: 'config',
  secrets: 'config',
  resourcequotas: 'config',
  limitranges: 'config',
  persistentvolumeclaims: 'storage',
  persistentvolumes: 'storage',
  serviceaccounts: 'access',
  namespaces: 'cluster',
  nodes: 'cluster',
  events: 'cluster',
  componentstatuses: 'cluster',
}

const builtInGroups: Record<string, KindGroup> = {
  apps: 'workloads',
  batch: 'workloads',
  'discovery.k8s.io': 'network',
  'networking.k8s.io': 'network',
  'gateway.networking.k8s.io': 'network',
  autoscaling: 'config',
  policy: 'config',
  'scheduling.k8s.io': 'config',
  'node.k8s.io': 'config',
  'coordination.k8s.io': 'config',
  'admissionregistration.k8s.io': 'config',
  'storage.k8s.io': 'storage',
  'snapshot.storage.k8s.io': 'storage',
  'rbac.authorization.k8s.io': 'access',
  'certificates.k8s.io': 'access',
  'authentication.k8s.io': 'access',
  'authorization.k8s.io': 'access',
  'apiextensions.k8s.io': 'cluster',
  'apiregistration.k8s.io': 'cluster',
  'flowcontrol.apiserver.k8s.io': 'cluster',
  'internal.apiserver.k8s.io': 'cluster',
  'resource.k8s.io': 'cluster',
  'storagemigration.k8s.io': 'cluster',
  'metrics.k8s.io': 'cluster',
  'events.k8s.io': 'cluster',
}

export function kindGroupOf(group: string, resource: string): KindGroup {
  if (group === '') return coreKinds[resource] ?? 'cluster'
  return builtInGroups[group] ?? 'custom'
}

/** The order a person expects within a group (the common kinds first); the rest follow by kind name. */
const preferredOrder = [
  'pods',
  'deployments',
  'statefulsets',
  'daemonsets',
  'replicasets',
  'jobs',
  'cronjobs',
  'services',
  'ingresses',
  'ingressclasses',
  'networkpolicies',
  'endpoints',
  'endpointslices',
  'configmaps',
  'secrets',
  'horizontalpodautoscalers',
  'poddisruptionbudgets',
  'resourcequotas',
  'limitranges',
  'persistentvolumeclaims',
  'persistentvolumes',
  'storageclasses',
  'serviceaccounts',
  'roles',
  'rolebindings',
  'clusterroles',
  'clusterrolebindings',
  'namespaces',
  'nodes',
  'events',
  'customresourcedefinitions',
]

export function kindRank(resource: string): number {
  const at = preferredOrder.indexOf(resource)
  return at < 0 ? preferredOrder.length : at
}

/**
 * Kinds served twice under other names, left out of the sidebar: events.k8s.io Events are the core Events
 * again, and `extensions` is what old clusters still serve beside `apps` and `networking.k8s.io`.
 */
export function isDuplicate(group: string, resource: string): boolean {
  return (group === 'events.k8s.io' && resource === 'events') || group === 'extensions'
}
