import type { ObjectApi } from '../api/objects'
import { resourceByKind } from '../api/resources'
import type { StoreEvent } from '../store/store'
import type { KObj } from '../types'
import { claimNames } from './volume-binding'

// Which keys a store event wakes for storage: the claim or volume itself, the volume a claim names and the
// claim a volume names, pods waiting to be scheduled on a claim, and the claims a pod let go of.
export const STORAGE_KINDS = ['PersistentVolumeClaim', 'PersistentVolume']

export function routeStorageEvent(api: ObjectApi, ev: StoreEvent, enqueue: (key: string) => void): void {
  const obj = ev.entry.obj
  const ns = obj.metadata.namespace ?? ''
  const kind = ev.resource.kind
  if (ev.resource.custom) return
  if (kind === 'PersistentVolumeClaim') {
    enqueue(`PersistentVolumeClaim|${ns}|${obj.metadata.name}`)
    const volume = (obj.spec as { volumeName?: string } | undefined)?.volumeName
    if (volume) enqueue(`PersistentVolume||${volume}`)
    for (const { obj: pod } of api.store.list(resourceByKind('Pod'), ns)) {
      const spec = pod.spec as { nodeName?: string }
      if (!spec.nodeName && claimNames(pod).includes(obj.metadata.name))
        enqueue(`Pod|${ns}|${pod.metadata.name}`)
    }
  } else if (kind === 'PersistentVolume') {
    enqueue(`PersistentVolume||${obj.metadata.name}`)
    const ref = (obj.spec as { claimRef?: { namespace?: string; name?: string } } | undefined)?.claimRef
    if (ref?.name) enqueue(`PersistentVolumeClaim|${ref.namespace ?? ''}|${ref.name}`)
  } else if (kind === 'Pod' && (ev.type === 'DELETED' || finished(obj))) {
    for (const claim of claimNames(obj)) enqueue(`PersistentVolumeClaim|${ns}|${claim}`)
  }
}

function finished(pod: KObj): boolean {
  const phase = (pod.status as { phase?: string } | undefined)?.phase
  return phase === 'Succeeded' || phase === 'Failed'
}
