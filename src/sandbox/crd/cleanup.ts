import type { ObjectApi } from '../api/objects'

// Deleting a CRD deletes every object of its kind first (the customresourcecleanup finalizer's work),
// each with a DELETED watch event, so watchers and the namespace controller see them go.
export function removeCustomObjects(api: ObjectApi, crdName: string): void {
  const r = api.resources.forCrd(crdName)[0]
  if (!r) return
  for (const entry of api.store.list(r)) {
    api.store.remove(r, entry.obj.metadata.namespace ?? '', entry.obj.metadata.name)
  }
}
