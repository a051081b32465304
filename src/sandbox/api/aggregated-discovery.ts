import type { ResourceDef } from './resources'
import { RESOURCES } from './resources'

// Aggregated discovery (apidiscovery.k8s.io/v2): /api and /apis in one response each, when the client asks.
export const AGGREGATED_TYPE = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList'

export function wantsAggregated(accept: string | undefined): boolean {
  return !!accept && accept.includes('as=APIGroupDiscoveryList') && accept.includes('v=v2')
}

function resourceEntry(r: ResourceDef): Record<string, unknown> {
  return {
    resource: r.plural,
    responseKind: { group: '', version: '', kind: r.kind },
    scope: r.namespaced ? 'Namespaced' : 'Cluster',
    singularResource: r.singular,
    verbs: r.verbs,
    ...(r.shortNames.length > 0 ? { shortNames: r.shortNames } : {}),
    ...(r.categories.length > 0 ? { categories: r.categories } : {}),
    ...(r.subresources.length > 0
      ? {
          subresources: r.subresources.map((s) => ({
            subresource: s.name,
            responseKind: { group: s.group ?? '', version: s.version ?? '', kind: s.kind },
            verbs: s.verbs,
          })),
        }
      : {}),
  }
}

export function aggregatedDiscovery(core: boolean, all: readonly ResourceDef[] = RESOURCES): unknown {
  const groups = new Map<string, ResourceDef[]>()
  for (const r of all) {
    if ((r.group === '') !== core) continue
    groups.set(r.group, [...(groups.get(r.group) ?? []), r])
  }
  // a CRD's group may serve several versions; the preferred (first listed) comes first
  const versionsOf = (resources: ResourceDef[]): string[] => [...new Set(resources.map((r) => r.version))]
  return {
    kind: 'APIGroupDiscoveryList',
    apiVersion: 'apidiscovery.k8s.io/v2',
    metadata: {},
    items: [...groups.entries()].map(([group, resources]) => ({
      metadata: { name: group, creationTimestamp: null },
      versions: versionsOf(resources).map((version) => ({
        version,
        freshness: 'Current',
        resources: resources.filter((r) => r.version === version).map(resourceEntry),
      })),
    })),
  }
}
