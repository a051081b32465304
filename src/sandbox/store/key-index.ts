// Sorted `namespace/name` keys per (resource, namespace scope), rebuilt only when membership changes, so a
// paged LIST finds its continue point by binary search instead of sorting every object on every page.
export interface IndexedKey {
  key: string
  namespace: string
  name: string
}

export class KeyIndex {
  // qualified resource -> bumped on every add or remove (not on updates: keys do not change then)
  private readonly generation = new Map<string, number>()
  private readonly cache = new Map<string, { generation: number; keys: IndexedKey[] }>()

  changed(resource: string): void {
    this.generation.set(resource, (this.generation.get(resource) ?? 0) + 1)
  }

  /** Keys of one scope (`namespace` undefined = all), in ascending order; `build` lists them when stale. */
  sorted(resource: string, namespace: string | undefined, build: () => IndexedKey[]): readonly IndexedKey[] {
    const id = `${resource}|${namespace ?? '*'}`
    const generation = this.generation.get(resource) ?? 0
    const hit = this.cache.get(id)
    if (hit && hit.generation === generation) return hit.keys
    const keys = build().sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    this.cache.set(id, { generation, keys })
    return keys
  }
}

/** Index of the first key strictly greater than `after`. */
export function firstAfter(keys: readonly IndexedKey[], after: string): number {
  let lo = 0
  let hi = keys.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((keys[mid]?.key ?? '') <= after) lo = mid + 1
    else hi = mid
  }
  return lo
}
