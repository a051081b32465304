/** JSON as the API server sends it. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
export type JsonObject = { [key: string]: Json }

/**
 * client-node models are the wire JSON with Dates and `undefined`s (pod templates use no renamed fields),
 * so a JSON round trip gives back what the server sent.
 */
export function toPlain(value: unknown): Json {
  if (value === undefined) return null
  return JSON.parse(JSON.stringify(value)) as Json
}

export function isObject(v: Json | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function isEmpty(v: Json | undefined): boolean {
  return (
    v === undefined ||
    v === null ||
    (Array.isArray(v) && v.length === 0) ||
    (isObject(v) && Object.keys(v).length === 0)
  )
}

/** apimachinery's Semantic.DeepEqual over JSON: absent, null, empty list and empty map are all equal. */
export function semanticEqual(a: Json | undefined, b: Json | undefined): boolean {
  if (isEmpty(a) && isEmpty(b)) return true
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((x, i) => semanticEqual(x, b[i]))
  }
  if (isObject(a) && isObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)])
    for (const k of keys) if (!semanticEqual(a[k], b[k])) return false
    return true
  }
  return a === b
}
