import type { ResourceDetail } from '@shared/contract/resources'
import { formatLabelSelector } from '@shared/format-selector'
import type { ResourceKind } from '@shared/rows'
import { collectionPath } from './kinds'
import type { KubeGet } from './kube-request'
import type { WireObject, WireWorkload } from './rows/wire'

const children: Partial<Record<ResourceKind, ResourceKind>> = {
  deployments: 'replicasets',
  replicasets: 'pods',
}

/** The objects a Deployment or ReplicaSet controls (its ReplicaSets, its pods), found by selector and owner uid. */
export async function ownedLinks(
  get: KubeGet,
  obj: WireObject,
  kind: ResourceKind,
): Promise<ResourceDetail['links']> {
  const child = children[kind]
  const { namespace, uid } = obj.metadata ?? {}
  if (!child || !namespace || !uid) return []
  const labelSelector = formatLabelSelector((obj as WireWorkload).spec?.selector)
  const list = (await get(collectionPath(child, namespace), {
    labelSelector: labelSelector || undefined,
  })) as {
    items?: WireObject[]
  }
  return (list.items ?? [])
    .filter((o) => o.metadata?.ownerReferences?.some((r) => r.controller && r.uid === uid))
    .map((o) => ({ relation: 'Controls', ref: { kind: child, namespace, name: o.metadata?.name ?? '' } }))
}
