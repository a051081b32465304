import type { ResourceDef } from '../api/resources'
import { groupVersion, qualifiedName } from '../api/resources'
import type { Entry } from '../store/store'
import type { KObj } from '../types'

// A CRD's served versions share one table in the store; with conversion strategy None an object read
// through another version only changes its apiVersion.
export function asServedVersion(r: ResourceDef, obj: KObj): KObj {
  if (!r.custom) return obj
  const gv = groupVersion(r)
  return obj.apiVersion === gv ? obj : { ...obj, apiVersion: gv }
}

export function servedBytes(r: ResourceDef, entry: Entry): Buffer {
  if (!r.custom || entry.obj.apiVersion === groupVersion(r)) return entry.bytes
  return Buffer.from(JSON.stringify(asServedVersion(r, entry.obj)))
}

// Same stored table: identical for built-ins; for custom kinds any version and any revision of the CRD.
export function sameTable(a: ResourceDef, b: ResourceDef): boolean {
  return a === b || (!!a.custom && !!b.custom && qualifiedName(a) === qualifiedName(b))
}
