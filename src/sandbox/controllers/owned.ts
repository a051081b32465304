import type { ObjectApi } from '../api/objects'
import { resourceByKind } from '../api/resources'
import type { KObj, OwnerReference } from '../types'

// Helpers for controller ownership (metav1.IsControlledBy) and pod readiness.
export function controllerRef(owner: KObj): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name,
    uid: owner.metadata.uid,
    controller: true,
    blockOwnerDeletion: true,
  }
}

export function isControlledBy(obj: KObj, owner: KObj): boolean {
  return !!obj.metadata.ownerReferences?.some((r) => r.controller && r.uid === owner.metadata.uid)
}

export function ownedBy(api: ObjectApi, kind: string, owner: KObj): KObj[] {
  return api.store
    .list(resourceByKind(kind), owner.metadata.namespace)
    .map((e) => e.obj)
    .filter((o) => isControlledBy(o, owner))
}

export function isPodReady(pod: KObj): boolean {
  const status = pod.status as { conditions?: Array<{ type: string; status: string }> } | undefined
  return !!status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True')
}
