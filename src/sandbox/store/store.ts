import type { ResourceDef } from '../api/resources'
import { qualifiedName } from '../api/resources'
import type { KObj } from '../types'
import { KeyIndex, type IndexedKey } from './key-index'
import { objectTooLarge } from '../api/status'

// In-memory object store with one global, growing resourceVersion (like an etcd revision).
// Stored objects are immutable: writers hand in a fresh object, readers never mutate what they get.
export class Entry {
  private cached: Buffer | undefined
  // `pieces`: the JSON already encoded as parts that other entries may share (bulk-seeded pods share their
  // spec and most of their status), so 100k seeded pods do not hold 100k copies of the same bytes.
  constructor(
    readonly obj: KObj,
    private readonly pieces?: readonly Buffer[],
  ) {}
  // UTF-8 JSON encoded once per version and reused by every LIST and watcher (a LIST is then one memcpy).
  get bytes(): Buffer {
    if (this.pieces) return Buffer.concat(this.pieces)
    if (this.cached === undefined) this.cached = Buffer.from(JSON.stringify(this.obj))
    return this.cached
  }
  /** The same JSON as buffers written one after another (a LIST copies shared pieces, it does not keep them). */
  get parts(): readonly Buffer[] {
    return this.pieces ?? [this.bytes]
  }
  get size(): number {
    return this.pieces ? this.pieces.reduce((n, p) => n + p.length, 0) : this.bytes.length
  }
}

/** etcd's default request limit, which bounds every stored object. */
export const MAX_OBJECT_BYTES = 1.5 * 1024 * 1024

export type StoreEventType = 'ADDED' | 'MODIFIED' | 'DELETED'

export interface StoreEvent {
  type: StoreEventType
  rv: number
  resource: ResourceDef
  entry: Entry
  prev?: Entry
}

export type StoreListener = (event: StoreEvent) => void

export class Store {
  constructor(private readonly historyLimit = 50_000) {}

  private rv = 0
  // qualified resource (pods, deployments.apps) -> namespace ('' for cluster-scoped) -> name -> entry
  private readonly tables = new Map<string, Map<string, Map<string, Entry>>>()
  private history: StoreEvent[] = []
  private oldestRetained = 1
  private readonly listeners = new Set<StoreListener>()
  private readonly keys = new KeyIndex()

  get resourceVersion(): number {
    return this.rv
  }

  // Oldest resourceVersion a watch may resume from without 410 Gone.
  get oldestResumable(): number {
    return this.oldestRetained - 1
  }

  setResourceVersion(rv: number): void {
    this.rv = rv
    this.oldestRetained = rv + 1
    this.history = []
  }

  get(r: ResourceDef, namespace: string, name: string): Entry | undefined {
    return this.tables
      .get(qualifiedName(r))
      ?.get(r.namespaced ? namespace : '')
      ?.get(name)
  }

  list(r: ResourceDef, namespace?: string): Entry[] {
    const table = this.tables.get(qualifiedName(r))
    if (!table) return []
    if (namespace !== undefined && r.namespaced) return [...(table.get(namespace)?.values() ?? [])]
    const out: Entry[] = []
    for (const byName of table.values()) for (const e of byName.values()) out.push(e)
    return out
  }

  // `namespace/name` keys in ascending order, cached until an object is added or removed.
  sortedKeys(r: ResourceDef, namespace?: string): readonly IndexedKey[] {
    const scope = namespace !== undefined && r.namespaced ? namespace : undefined
    return this.keys.sorted(qualifiedName(r), scope, () =>
      this.list(r, scope).map((e) => {
        const ns = r.namespaced ? (e.obj.metadata.namespace ?? '') : ''
        return {
          key: `${e.obj.metadata.namespace ?? ''}/${e.obj.metadata.name}`,
          namespace: ns,
          name: e.obj.metadata.name,
        }
      }),
    )
  }

  count(r: ResourceDef): number {
    let n = 0
    for (const byName of this.tables.get(qualifiedName(r))?.values() ?? []) n += byName.size
    return n
  }

  // Loads a persisted object as-is: no new resourceVersion, no watch event.
  restore(r: ResourceDef, obj: KObj): void {
    const ns = r.namespaced ? (obj.metadata.namespace ?? '') : ''
    let table = this.tables.get(qualifiedName(r))
    if (!table) this.tables.set(qualifiedName(r), (table = new Map()))
    let byName = table.get(ns)
    if (!byName) table.set(ns, (byName = new Map()))
    byName.set(obj.metadata.name, new Entry(obj))
    this.keys.changed(qualifiedName(r))
  }

  // Stamps the next resourceVersion on obj (mutating the caller's fresh object) and stores it. `encode`, for
  // bulk seeding, gives the stamped object's JSON as pieces (their concatenation must equal JSON.stringify).
  put(r: ResourceDef, obj: KObj, encode?: (stamped: KObj) => Buffer[]): Entry {
    const ns = r.namespaced ? (obj.metadata.namespace ?? '') : ''
    let table = this.tables.get(qualifiedName(r))
    if (!table) this.tables.set(qualifiedName(r), (table = new Map()))
    let byName = table.get(ns)
    if (!byName) table.set(ns, (byName = new Map()))
    obj.metadata.resourceVersion = String(this.rv + 1)
    const entry = new Entry(obj, encode?.(obj))
    // etcd refuses a value over 1.5 MiB (its --max-request-bytes) and kube-apiserver answers 413.
    if (entry.size > MAX_OBJECT_BYTES) throw objectTooLarge()
    const prev = byName.get(obj.metadata.name)
    if (!prev) this.keys.changed(qualifiedName(r))
    this.rv++
    byName.set(obj.metadata.name, entry)
    this.emit({
      type: prev ? 'MODIFIED' : 'ADDED',
      rv: this.rv,
      resource: r,
      entry,
      ...(prev ? { prev } : {}),
    })
    return entry
  }

  remove(r: ResourceDef, namespace: string, name: string): Entry | undefined {
    const byName = this.tables.get(qualifiedName(r))?.get(r.namespaced ? namespace : '')
    const prev = byName?.get(name)
    if (!byName || !prev) return undefined
    byName.delete(name)
    this.keys.changed(qualifiedName(r))
    this.rv++
    // A DELETED event carries the last state with the deletion's resourceVersion, as the real server does.
    const obj: KObj = { ...prev.obj, metadata: { ...prev.obj.metadata, resourceVersion: String(this.rv) } }
    const entry = new Entry(obj)
    this.emit({ type: 'DELETED', rv: this.rv, resource: r, entry, prev })
    return entry
  }

  // Events with rv > since, or 'expired' when history no longer reaches back that far.
  eventsSince(since: number): StoreEvent[] | 'expired' {
    if (since < this.oldestRetained - 1) return 'expired'
    let lo = 0
    let hi = this.history.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if ((this.history[mid]?.rv ?? 0) <= since) lo = mid + 1
      else hi = mid
    }
    return this.history.slice(lo)
  }

  subscribe(listener: StoreListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  snapshot(): Array<{ resource: string; objects: KObj[] }> {
    return [...this.tables.entries()].map(([resource, table]) => ({
      resource,
      objects: [...table.values()].flatMap((byName) => [...byName.values()].map((e) => e.obj)),
    }))
  }

  private emit(event: StoreEvent): void {
    this.history.push(event)
    if (this.history.length > this.historyLimit * 1.5) {
      this.history = this.history.slice(-this.historyLimit)
      this.oldestRetained = this.history[0]?.rv ?? this.rv + 1
    }
    for (const l of this.listeners) l(event)
  }
}
