import type { ResourceDef } from '../api/resources'
import type { KObj } from '../types'
import { isRecord } from '../types'

// apiextensions' naming controller: a CRD whose names another CRD of its group already serves is not
// accepted (NamesAccepted=False, e.g. KindConflict) and not served until the clash is gone.
export interface NameConflict {
  reason: string
  message: string
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : ''
}

export function nameConflict(crd: KObj, served: readonly ResourceDef[]): NameConflict | undefined {
  const spec = isRecord(crd.spec) ? crd.spec : {}
  const names = isRecord(spec.names) ? spec.names : {}
  const others = served.filter(
    (d) => d.custom && d.custom.crdName !== crd.metadata.name && d.group === spec.group,
  )
  const inUse = (reason: string, value: string): NameConflict => ({
    reason,
    message: `"${value}" is already in use`,
  })
  const plural = str(names.plural)
  if (plural && others.some((d) => d.plural === plural)) return inUse('PluralConflict', plural)
  const singular = str(names.singular)
  if (singular && others.some((d) => d.singular === singular)) return inUse('SingularConflict', singular)
  const shortNames = Array.isArray(names.shortNames) ? names.shortNames.map(str) : []
  const short = shortNames.find((s) => others.some((d) => d.shortNames.includes(s) || d.plural === s))
  if (short) return inUse('ShortNamesConflict', short)
  const kind = str(names.kind)
  if (kind && others.some((d) => d.kind === kind)) return inUse('KindConflict', kind)
  const listKind = str(names.listKind)
  if (listKind && others.some((d) => d.custom?.listKind === listKind))
    return inUse('ListKindConflict', listKind)
  return undefined
}

// Served only once its names are accepted.
export function namesAccepted(crd: KObj): boolean {
  const status = isRecord(crd.status) ? crd.status : {}
  const conditions = Array.isArray(status.conditions) ? status.conditions : []
  return conditions.some((c: unknown) => isRecord(c) && c.type === 'NamesAccepted' && c.status === 'True')
}
