import { clusterScopedKinds, type ResourceKind } from '../../shared/rows'

interface KindInfo {
  /** `/api/v1` or `/apis/apps/v1` */
  prefix: string
  plural: string
  /** The object's Kind, as events' involvedObject.kind names it. */
  kind: string
}

export const kindInfo: Record<ResourceKind, KindInfo> = {
  pods: { prefix: '/api/v1', plural: 'pods', kind: 'Pod' },
  services: { prefix: '/api/v1', plural: 'services', kind: 'Service' },
  configmaps: { prefix: '/api/v1', plural: 'configmaps', kind: 'ConfigMap' },
  secrets: { prefix: '/api/v1', plural: 'secrets', kind: 'Secret' },
  events: { prefix: '/api/v1', plural: 'events', kind: 'Event' },
  namespaces: { prefix: '/api/v1', plural: 'namespaces', kind: 'Namespace' },
  nodes: { prefix: '/api/v1', plural: 'nodes', kind: 'Node' },
  deployments: { prefix: '/apis/apps/v1', plural: 'deployments', kind: 'Deployment' },
  replicasets: { prefix: '/apis/apps/v1', plural: 'replicasets', kind: 'ReplicaSet' },
}

const byKind = new Map<string, ResourceKind>(
  Object.entries(kindInfo).map(([k, info]) => [info.kind, k as ResourceKind]),
)

/** `Deployment` → `deployments`, for following owner references; undefined for kinds Skiff does not show. */
export function resourceKindOf(kind: string | undefined): ResourceKind | undefined {
  return kind ? byKind.get(kind) : undefined
}

export const isNamespaced = (kind: ResourceKind): boolean => !clusterScopedKinds.has(kind)

/** The list/watch path; no namespace (or a cluster-scoped kind) means all namespaces. */
export function collectionPath(kind: ResourceKind, namespace?: string): string {
  const { prefix, plural } = kindInfo[kind]
  return namespace && isNamespaced(kind)
    ? `${prefix}/namespaces/${namespace}/${plural}`
    : `${prefix}/${plural}`
}

export function objectPath(kind: ResourceKind, namespace: string | undefined, name: string): string {
  return `${collectionPath(kind, namespace)}/${encodeURIComponent(name)}`
}
