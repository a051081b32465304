import { deleteObject } from '../api/deletion'
import { resourceByKind } from '../api/resources'
import type { Sync } from './index'

// Garbage collector: background cascading deletion of objects whose owner (by uid) is gone.
export function collectGarbage(sync: Sync, ns: string, ownerUid: string): void {
  const { api } = sync
  for (const kind of ['ReplicaSet', 'Pod']) {
    const r = resourceByKind(kind)
    for (const e of api.store.list(r, ns)) {
      const refs = e.obj.metadata.ownerReferences
      if (!refs?.some((ref) => ref.uid === ownerUid) || e.obj.metadata.deletionTimestamp) continue
      deleteObject(api, r, ns, e.obj.metadata.name, {})
    }
  }
}
