import type { ResourceDef } from '../api/resources'
import type { Store } from '../store/store'
import type { KObj } from '../types'

// metadata.finalizers on custom objects, as operators use them: DELETE only marks an object that still
// has finalizers (deletionTimestamp), and the write that removes the last one removes the object.
export function hasFinalizers(obj: KObj): boolean {
  return (obj.metadata.finalizers?.length ?? 0) > 0
}

// DELETE of a custom object with finalizers: mark it (once) and keep it.
export function markForDeletion(store: Store, r: ResourceDef, current: KObj, now: string): KObj {
  if (current.metadata.deletionTimestamp) return current
  const next = structuredClone(current)
  next.metadata.deletionTimestamp = now
  next.metadata.deletionGracePeriodSeconds = 0
  return store.put(r, next).obj
}

// An update of a marked custom object: once no finalizer is left it is gone (the DELETED event carries it).
export function finishedDeletion(r: ResourceDef, next: KObj): boolean {
  return honoursFinalizers(r) && !!next.metadata.deletionTimestamp && !hasFinalizers(next)
}

// Built-in kinds whose finalizers the sandbox honours: claims and volumes (storage-object-in-use protection).
const FINALIZING_BUILTINS = new Set(['PersistentVolumeClaim', 'PersistentVolume'])

export function honoursFinalizers(r: ResourceDef): boolean {
  return !!r.custom || FINALIZING_BUILTINS.has(r.kind)
}
