import type { ObjectApi } from '../api/objects'
import { resourceByKind } from '../api/resources'
import type { StoreEvent } from '../store/store'
import type { KObj } from '../types'
import { isRecord } from '../types'
import { deepEqual } from '../api/deep-equal'

// Which StatefulSet/DaemonSet keys a store event wakes: the object itself, the owner of a pod, every
// DaemonSet when nodes change, and the garbage collector when one is deleted.
export const APPS_KINDS = ['StatefulSet', 'DaemonSet']

export function routeAppsEvent(api: ObjectApi, ev: StoreEvent, enqueue: (key: string) => void): void {
  const obj = ev.entry.obj
  const ns = obj.metadata.namespace ?? ''
  const kind = ev.resource.kind
  if (ev.resource.custom) return
  if (APPS_KINDS.includes(kind)) {
    enqueue(`${kind}|${ns}|${obj.metadata.name}`)
    if (ev.type === 'DELETED') enqueue(`GC|${ns}|${obj.metadata.uid}`)
    return
  }
  if (kind === 'Pod') {
    const owner = obj.metadata.ownerReferences?.find((r) => r.controller)
    if (owner && APPS_KINDS.includes(owner.kind)) enqueue(`${owner.kind}|${ns}|${owner.name}`)
    return
  }
  if (kind === 'Node' && (ev.type !== 'MODIFIED' || placementChanged(obj, ev.prev?.obj))) {
    for (const e of api.store.list(resourceByKind('DaemonSet')))
      enqueue(`DaemonSet|${e.obj.metadata.namespace ?? ''}|${e.obj.metadata.name}`)
  }
}

// What decides where daemon pods go: a node's labels and taints.
function placementChanged(node: KObj, prev: KObj | undefined): boolean {
  const taints = (o: KObj | undefined): unknown => (isRecord(o?.spec) ? o.spec.taints : undefined)
  return !deepEqual(node.metadata.labels, prev?.metadata.labels) || !deepEqual(taints(node), taints(prev))
}
