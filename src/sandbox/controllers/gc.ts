import { deleteObject } from '../api/deletion'
import { qualifiedName } from '../api/resources'
import type { Sync } from './index'

// Garbage collector: background cascading deletion of objects whose owner (by uid) is gone, in every
// namespaced kind the sandbox serves, custom ones included (one pass per stored table).
export function collectGarbage(sync: Sync, ns: string, ownerUid: string): void {
  const { api } = sync
  const seen = new Set<string>()
  for (const r of api.resources.all()) {
    if (!r.namespaced || seen.has(qualifiedName(r))) continue
    seen.add(qualifiedName(r))
    for (const e of api.store.list(r, ns)) {
      const refs = e.obj.metadata.ownerReferences
      if (!refs?.some((ref) => ref.uid === ownerUid) || e.obj.metadata.deletionTimestamp) continue
      deleteObject(api, r, ns, e.obj.metadata.name, {})
    }
  }
}
