import { kindGroups, type ApiKind } from '@shared/contract'
import { isDuplicate, kindGroupOf, kindRank } from './kind-groups'

// Discovery documents as the API server sends them, loosely typed: fields may be missing on odd servers.

interface AggregatedResource {
  resource?: string
  responseKind?: { kind?: string }
  scope?: string
  singularResource?: string
  verbs?: string[]
  shortNames?: string[]
}

/** apidiscovery.k8s.io/v2 (or v2beta1) APIGroupDiscoveryList: one per /api and /apis. */
export interface AggregatedList {
  kind?: string
  items?: {
    metadata?: { name?: string }
    versions?: { version?: string; resources?: AggregatedResource[] }[]
  }[]
}

/** A legacy APIResourceList (/api/v1, /apis/apps/v1). */
export interface ResourceList {
  groupVersion?: string
  resources?: {
    name?: string
    singularName?: string
    namespaced?: boolean
    kind?: string
    verbs?: string[]
    shortNames?: string[]
  }[]
}

interface KindFields {
  group: string
  version: string
  resource: string
  kind: string
  singular: string
  namespaced: boolean
  shortNames: string[]
  verbs: string[]
}

/** A kind the sidebar can list: it must be listable and watchable, and not a subresource or a duplicate. */
function toKind(f: KindFields): ApiKind | undefined {
  if (!f.resource || f.resource.includes('/') || !f.kind) return undefined
  if (!f.verbs.includes('list') || !f.verbs.includes('watch')) return undefined
  if (isDuplicate(f.group, f.resource)) return undefined
  return {
    id: f.group ? `${f.resource}.${f.group}` : f.resource,
    ...f,
    singular: f.singular || f.kind.toLowerCase(),
    category: kindGroupOf(f.group, f.resource),
  }
}

/** Kinds from aggregated discovery: each group's preferred (first) version only, as `kubectl api-resources`. */
export function kindsFromAggregated(list: AggregatedList): ApiKind[] {
  const out: ApiKind[] = []
  for (const item of list.items ?? []) {
    const group = item.metadata?.name ?? ''
    const preferred = item.versions?.[0]
    if (!preferred?.version) continue
    for (const r of preferred.resources ?? []) {
      const kind = toKind({
        group,
        version: preferred.version,
        resource: r.resource ?? '',
        kind: r.responseKind?.kind ?? '',
        singular: r.singularResource ?? '',
        namespaced: r.scope === 'Namespaced',
        shortNames: r.shortNames ?? [],
        verbs: r.verbs ?? [],
      })
      if (kind) out.push(kind)
    }
  }
  return out
}

/** Kinds from one legacy group-version document. */
export function kindsFromResourceList(list: ResourceList): ApiKind[] {
  const gv = list.groupVersion ?? ''
  const slash = gv.indexOf('/')
  const group = slash < 0 ? '' : gv.slice(0, slash)
  const version = slash < 0 ? gv : gv.slice(slash + 1)
  const out: ApiKind[] = []
  for (const r of list.resources ?? []) {
    const kind = toKind({
      group,
      version,
      resource: r.name ?? '',
      kind: r.kind ?? '',
      singular: r.singularName ?? '',
      namespaced: r.namespaced === true,
      shortNames: r.shortNames ?? [],
      verbs: r.verbs ?? [],
    })
    if (kind) out.push(kind)
  }
  return out
}

/** Sidebar order: by sidebar group (custom ones by API group), common kinds first, then by kind; one per id. */
export function sortKinds(kinds: readonly ApiKind[]): ApiKind[] {
  const seen = new Set<string>()
  const unique = kinds.filter((k) => !seen.has(k.id) && seen.add(k.id))
  return unique.sort(
    (a, b) =>
      kindGroups.indexOf(a.category) - kindGroups.indexOf(b.category) ||
      (a.category === 'custom' ? a.group.localeCompare(b.group) : 0) ||
      kindRank(a.resource) - kindRank(b.resource) ||
      a.kind.localeCompare(b.kind) ||
      a.group.localeCompare(b.group),
  )
}
