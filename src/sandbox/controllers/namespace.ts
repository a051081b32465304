import { deleteObject } from '../api/deletion'
import { resourceByKind } from '../api/resources'
import type { Sync } from './index'

// Namespace lifecycle: a new namespace gets its kube-root-ca.crt; a terminating one is emptied, then removed.
export function syncNamespace(sync: Sync, name: string): void {
  const { api } = sync
  const nsDef = resourceByKind('Namespace')
  const entry = api.store.get(nsDef, '', name)
  if (!entry) return
  if (!entry.obj.metadata.deletionTimestamp) {
    const cmDef = resourceByKind('ConfigMap')
    if (!api.store.get(cmDef, name, 'kube-root-ca.crt')) {
      const source =
        api.store.get(cmDef, 'kube-system', 'kube-root-ca.crt') ??
        api.store.get(cmDef, 'default', 'kube-root-ca.crt')
      if (source)
        api.create(
          cmDef,
          name,
          { metadata: { name: 'kube-root-ca.crt' }, data: source.obj.data },
          { internal: true },
        )
    }
    const saDef = resourceByKind('ServiceAccount')
    if (!api.store.get(saDef, name, 'default'))
      api.create(saDef, name, { metadata: { name: 'default' } }, { internal: true })
    return
  }
  let left = 0
  for (const r of api.resources.all()) {
    if (!r.namespaced) continue
    for (const e of api.store.list(r, name)) {
      left++
      if (!e.obj.metadata.deletionTimestamp) deleteObject(api, r, name, e.obj.metadata.name, {})
    }
  }
  if (left === 0) api.store.remove(nsDef, '', name)
}
