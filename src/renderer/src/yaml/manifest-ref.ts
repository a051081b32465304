import type { ManifestRef } from '@shared/contract'
import { kubernetesKind, type ResourceKind } from '@shared/rows'

const appsKinds = new Set<ResourceKind>(['deployments', 'replicasets'])

/** The detail panel's ref (plural kind id) as a manifest names the object: apiVersion and Kind. */
export function manifestRefOf(t: {
  context?: string
  kind: ResourceKind
  namespace?: string
  name: string
}): ManifestRef {
  return {
    ...(t.context ? { context: t.context } : {}),
    apiVersion: appsKinds.has(t.kind) ? 'apps/v1' : 'v1',
    kind: kubernetesKind[t.kind],
    ...(t.namespace ? { namespace: t.namespace } : {}),
    name: t.name,
  }
}
