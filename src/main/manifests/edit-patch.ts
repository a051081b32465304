type Json = unknown
type Obj = Record<string, Json>

const isObj = (v: Json): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)

export function deepEqual(a: Json, b: Json): boolean {
  if (a === b) return true
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]))
  if (isObj(a) && isObj(b)) {
    const ka = Object.keys(a)
    return ka.length === Object.keys(b).length && ka.every((k) => k in b && deepEqual(a[k], b[k]))
  }
  return false
}

/** Fields Save never sends: the server's bookkeeping, and status (written by controllers, not by people). */
export function editableParts(obj: Json): Obj {
  if (!isObj(obj)) return {}
  const { status: _status, ...rest } = obj
  const metadata = { ...(isObj(rest.metadata) ? rest.metadata : {}) }
  for (const k of [
    'managedFields',
    'resourceVersion',
    'generation',
    'uid',
    'creationTimestamp',
    'selfLink',
  ]) {
    delete metadata[k]
  }
  return { ...rest, metadata }
}

/**
 * The JSON merge patch (RFC 7386) that turns `base` into `edited`: only what the person changed, `null` for what
 * they removed. Lists are replaced whole, as merge patch does. `{}` when nothing changed.
 */
export function mergePatch(base: Json, edited: Json): Obj {
  const out: Obj = {}
  const b = isObj(base) ? base : {}
  const e = isObj(edited) ? edited : {}
  for (const [k, v] of Object.entries(e)) {
    if (!(k in b)) out[k] = v
    else if (isObj(v) && isObj(b[k])) {
      const inner = mergePatch(b[k], v)
      if (Object.keys(inner).length > 0) out[k] = inner
    } else if (!deepEqual(v, b[k])) out[k] = v
  }
  for (const k of Object.keys(b)) if (!(k in e)) out[k] = null
  return out
}

/** Every place a merge patch sets or removes something: `[['spec','replicas'], ...]`. */
export function patchLeaves(patch: Obj, at: string[] = []): string[][] {
  return Object.entries(patch).flatMap(([k, v]) => (isObj(v) ? patchLeaves(v, [...at, k]) : [[...at, k]]))
}

export function valueAt(obj: Json, path: (string | number)[]): Json {
  let cur = obj
  for (const step of path) {
    if (Array.isArray(cur) && typeof step === 'number') cur = cur[step]
    else if (isObj(cur) && typeof step === 'string') cur = cur[step]
    else return undefined
  }
  return cur
}

/** `['spec','template','spec','containers']` → `spec.template.spec.containers`; list indexes as `[0]`. */
export function pathText(path: (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('')
}

export interface ThreeWay {
  path: string[]
  base: Json
  theirs: Json
  yours: Json
}

/**
 * The true conflicts of a save: fields the patch writes that someone else changed since the person opened the
 * object (current differs from base), unless they made the very same change. A controller's status update or a
 * change to another field is not one.
 */
export function editConflicts(patch: Obj, base: Json, current: Json): ThreeWay[] {
  return patchLeaves(patch).flatMap((path) => {
    const was = valueAt(base, path)
    const theirs = valueAt(current, path)
    const yours = valueAt(patch, path) ?? undefined
    const mine = yours === null ? undefined : yours
    if (deepEqual(was, theirs) || deepEqual(theirs, mine)) return []
    return [{ path, base: was, theirs, yours: mine }]
  })
}

/** Where `want` has a value that `got` does not keep (objects by key, lists item by item), as field paths. */
export function missingIn(want: Json, got: Json, at: (string | number)[] = []): string[] {
  if (isObj(want)) {
    if (!isObj(got)) return [pathText(at)]
    return Object.entries(want).flatMap(([k, v]) => (v === null ? [] : missingIn(v, got[k], [...at, k])))
  }
  if (Array.isArray(want)) {
    if (!Array.isArray(got) || got.length < want.length) return [pathText(at)]
    return want.flatMap((v, i) => missingIn(v, got[i], [...at, i]))
  }
  // A value the server normalised (a quantity, say) is kept, only differently spelled: not dropped.
  return got === undefined ? [pathText(at)] : []
}
