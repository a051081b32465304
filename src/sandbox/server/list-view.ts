import type { ResourceDef } from '../api/resources'
import { qualifiedName } from '../api/resources'
import { sameTable } from '../crd/versions'
import type { IndexedKey } from '../store/key-index'
import type { Entry, Store } from '../store/store'

// What one LIST reads: a resource's objects in one scope as they were at one resourceVersion, in key order.
// kube-apiserver serves every page of a paged LIST from etcd at the first page's revision, so a continue
// token is a consistent snapshot: objects added later do not appear, deleted or changed ones keep the state
// they had. The current state is read through the store's sorted key index; an older one is the current
// state with the newer events undone from the store's history (none left: 410 Expired, like a compaction).
export interface ListView {
  keys: readonly IndexedKey[]
  entry(i: number): Entry | undefined
}

/** The state at `rv`, or 'expired' when the history no longer reaches back to it. */
export function viewAt(
  store: Store,
  r: ResourceDef,
  scope: string | undefined,
  rv: number,
): ListView | 'expired' {
  const events = store.eventsSince(rv)
  if (events === 'expired') return 'expired'
  const id = `${qualifiedName(r)}|${scope ?? '*'}|${rv}`
  const hit = cache(store).get(id)
  if (hit) return hit
  // key -> the object's state at rv (undefined: it did not exist then); the oldest event after rv decides.
  const before = new Map<string, { key: IndexedKey; entry: Entry | undefined }>()
  for (let j = events.length - 1; j >= 0; j--) {
    const ev = events[j]
    if (!ev || !sameTable(ev.resource, r)) continue
    const meta = ev.entry.obj.metadata
    const namespace = r.namespaced ? (meta.namespace ?? '') : ''
    if (scope !== undefined && namespace !== scope) continue
    const key = `${meta.namespace ?? ''}/${meta.name}`
    before.set(key, {
      key: { key, namespace, name: meta.name },
      entry: ev.type === 'ADDED' ? undefined : ev.prev,
    })
  }
  const keys = store.sortedKeys(r, scope)
  if (before.size === 0) return { keys, entry: (i) => current(store, r, keys[i]) }
  const view = merge(store, r, keys, before)
  const views = cache(store)
  views.set(id, view)
  if (views.size > MAX_CACHED) views.delete(views.keys().next().value as string)
  return view
}

function current(store: Store, r: ResourceDef, k: IndexedKey | undefined): Entry | undefined {
  return k && store.get(r, k.namespace, k.name)
}

// The current keys without those an event touched, merged in order with the touched ones that existed at rv.
function merge(
  store: Store,
  r: ResourceDef,
  keys: readonly IndexedKey[],
  before: Map<string, { key: IndexedKey; entry: Entry | undefined }>,
): ListView {
  const old = [...before.values()]
    .filter((b) => b.entry !== undefined)
    .sort((a, b) => (a.key.key < b.key.key ? -1 : a.key.key > b.key.key ? 1 : 0))
  const outKeys: IndexedKey[] = []
  const outEntries: Entry[] = []
  let o = 0
  for (const k of keys) {
    for (let b = old[o]; b && b.key.key < k.key; b = old[++o]) push(b.key, b.entry)
    if (!before.has(k.key)) push(k, store.get(r, k.namespace, k.name))
  }
  for (let b = old[o]; b; b = old[++o]) push(b.key, b.entry)
  return { keys: outKeys, entry: (i) => outEntries[i] }

  function push(k: IndexedKey, e: Entry | undefined): void {
    if (!e) return
    outKeys.push(k)
    outEntries.push(e)
  }
}

// A paged LIST asks for the same past state once per page: rebuilt views are kept for the next pages (a state
// at one resourceVersion never changes; the history check above still answers 410 once it is compacted).
const MAX_CACHED = 8
const caches = new WeakMap<Store, Map<string, ListView>>()

function cache(store: Store): Map<string, ListView> {
  let views = caches.get(store)
  if (!views) caches.set(store, (views = new Map()))
  return views
}
