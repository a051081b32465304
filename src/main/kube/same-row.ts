function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i])
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a)
    if (ka.length !== Object.keys(b).length) return false
    const ra = a as Record<string, unknown>
    const rb = b as Record<string, unknown>
    return ka.every((k) => ra[k] === rb[k])
  }
  return false
}

/**
 * True when two rows would look the same. Rows are flat with at most one level of arrays/records
 * (labels, owner, containers), so this is a cheap shallow walk, not a deep compare.
 */
export function sameRow(a: object, b: object): boolean {
  const ra = a as unknown as Record<string, unknown>
  const rb = b as unknown as Record<string, unknown>
  const keys = Object.keys(ra)
  if (keys.length !== Object.keys(rb).length) return false
  for (const k of keys) if (!sameValue(ra[k], rb[k])) return false
  return true
}
