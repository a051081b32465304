import { clusterScopedKinds, kubernetesKind, type ResourceKind } from '@shared/rows'

interface KindInfo {
  /** `/api/v1` or `/apis/apps/v1` */
  prefix: string
  /** The object's Kind, as events' involvedObject.kind names it. */
  kind: string
}

const apps = new Set<ResourceKind>(['deployments', 'replicasets'])

// Skiff's kind ids are the API's plural resource names, so the path needs only the group prefix.
export const kindInfo = Object.fromEntries(
  Object.entries(kubernetesKind).map(([k, kind]) => [
    k,
    { prefix: apps.has(k as ResourceKind) ? '/apis/apps/v1' : '/api/v1', kind },
  ]),
) as Record<ResourceKind, KindInfo>

const byKind = new Map<string, ResourceKind>(
  Object.entries(kubernetesKind).map(([k, kind]) => [kind, k as ResourceKind]),
)

/** `Deployment` → `deployments`, for following owner references; undefined for kinds Skiff does not show. */
export function resourceKindOf(kind: string | undefined): ResourceKind | undefined {
  return kind ? byKind.get(kind) : undefined
}

export const isNamespaced = (kind: ResourceKind): boolean => !clusterScopedKinds.has(kind)

/** The list/watch path; no namespace (or a cluster-scoped kind) means all namespaces. */
export function collectionPath(kind: ResourceKind, namespace?: string): string {
  const { prefix } = kindInfo[kind]
  return namespace && isNamespaced(kind) ? `${prefix}/namespaces/${namespace}/${kind}` : `${prefix}/${kind}`
}

export function objectPath(kind: ResourceKind, namespace: string | undefined, name: string): string {
  return `${collectionPath(kind, namespace)}/${encodeURIComponent(name)}`
}
