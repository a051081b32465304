import type { ObjectApi } from '../api/objects'
import { resourceByKind } from '../api/resources'
import { isRecord } from '../types'
import { namesAccepted } from './naming'

// Deleting a CRD deletes every object of its kind first (the customresourcecleanup finalizer's work),
// each with a DELETED watch event, so watchers and the namespace controller see them go.
export function removeCustomObjects(api: ObjectApi, crdName: string): void {
  const r = api.resources.forCrd(crdName)[0]
  if (!r) return
  for (const entry of api.store.list(r)) {
    api.store.remove(r, entry.obj.metadata.namespace ?? '', entry.obj.metadata.name)
  }
}

// Once a CRD is gone, CRDs of its group that were refused for a name clash are looked at again
// (the naming controller's requeue), so the one that waited gets served.
export function recheckRefusedCrds(api: ObjectApi, group: string): void {
  const crd = resourceByKind('CustomResourceDefinition')
  for (const e of api.store.list(crd)) {
    const spec = isRecord(e.obj.spec) ? e.obj.spec : {}
    if (spec.group !== group || namesAccepted(e.obj)) continue
    api.update(crd, '', e.obj.metadata.name, e.obj, { internal: true })
  }
}
