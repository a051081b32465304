/**
 * One instance for equal values that many rows repeat. `JSON.parse` makes a new string, labels map and array
 * for every object it reads, so 100,000 pods of a few ReplicaSets held 100,000 copies of the same creation
 * time, READY text, node name, labels, owner and container list: ~200 of a row's ~590 bytes
 * (docs/performance.md, "Backend memory at 100k pods"). Rows are never changed after projection (a change makes
 * a new row), so sharing is safe.
 *
 * The pool is bounded: past `limit` entries it starts again empty, so values that turn out unique (a creation
 * time per pod) cost a little work and at most `limit` entries, never a leak.
 */
export interface Interner {
  str<S extends string | undefined>(s: S): S
  /** A string→string map (labels); the same keys and values in the same order give the same object. */
  labels(m: Record<string, string>): Record<string, string>
  strings(a: string[]): string[]
  owner<O extends { kind: string; name: string } | undefined>(o: O): O
  size(): number
}

// Kubernetes names, label keys and values never hold NUL; arrays also carry their length.
const SEP = '\u0000'

export function createInterner(limit = 20_000): Interner {
  // One map per kind of value, keyed without building a new string where the value is one already (a lookup
  // must cost less than the copy it saves: ~100,000 of them per 100k-pod list).
  let strs = new Map<string, string>()
  let sigs = new Map<string, unknown>()
  let owners = new Map<string, { kind: string; name: string }[]>()
  let size = 0
  const room = (): void => {
    if (++size <= limit) return
    strs = new Map()
    sigs = new Map()
    owners = new Map()
    size = 1
  }
  const bySig = <T>(sig: string, value: T): T => {
    const hit = sigs.get(sig)
    if (hit !== undefined) return hit as T
    room()
    sigs.set(sig, value)
    return value
  }
  return {
    str(s) {
      if (s === undefined || s.length === 0) return s
      const hit = strs.get(s)
      if (hit !== undefined) return hit as typeof s
      room()
      strs.set(s, s)
      return s
    },
    labels(m) {
      let sig = 'l'
      for (const k in m) sig += `${k}${SEP}${m[k]}${SEP}`
      return sig === 'l' ? m : bySig(sig, m)
    },
    strings(a) {
      return a.length === 0 ? a : bySig(`a${a.length}${SEP}${a.join(SEP)}`, a)
    },
    owner(o) {
      if (o === undefined) return o
      const same = owners.get(o.name)
      const hit = same?.find((x) => x.kind === o.kind)
      if (hit) return hit as typeof o
      room()
      if (same) same.push(o)
      else owners.set(o.name, [o])
      return o
    },
    size: () => size,
  }
}

/** The process's pool, shared by every projection (a relist's rows share values with the rows they replace). */
export const interned: Interner = createInterner()
