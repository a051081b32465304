import type { ResourceDef } from '../api/resources'
import { groupVersion, qualifiedName } from '../api/resources'
import type { Entry } from '../store/store'
import type { KObj } from '../types'
import { hpaToV1, isHpaV1 } from '../api/kinds/hpa-versions'

// A CRD's served versions share one table in the store; with conversion strategy None an object read
// through another version only changes its apiVersion.
export function asServedVersion(r: ResourceDef, obj: KObj): KObj {
  if (isHpaV1(r)) return hpaToV1(obj)
  if (!r.custom) return obj
  const gv = groupVersion(r)
  return obj.apiVersion === gv ? obj : { ...obj, apiVersion: gv }
}

/** The entry's JSON as served through `r`, as buffers to write one after another. */
export function servedParts(r: ResourceDef, entry: Entry): readonly Buffer[] {
  if ((!r.custom && !isHpaV1(r)) || entry.obj.apiVersion === groupVersion(r)) return entry.parts
  return [Buffer.from(JSON.stringify(asServedVersion(r, entry.obj)))]
}

// Same stored table: identical for built-ins; for custom kinds any version and any revision of the CRD.
export function sameTable(a: ResourceDef, b: ResourceDef): boolean {
  if (a.kind === 'HorizontalPodAutoscaler' && b.kind === 'HorizontalPodAutoscaler') return a.group === b.group
  return a === b || (!!a.custom && !!b.custom && qualifiedName(a) === qualifiedName(b))
}
