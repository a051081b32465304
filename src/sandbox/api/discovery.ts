import type { ResourceDef } from './resources'
import { RESOURCES } from './resources'

// /version and legacy discovery (APIVersions, APIGroupList, APIResourceList).
export const VERSION_INFO = {
  major: '1',
  minor: '32',
  gitVersion: 'v1.32.0-sandbox',
  gitCommit: '0000000000000000000000000000000000000000',
  gitTreeState: 'clean',
  buildDate: '2025-01-01T00:00:00Z',
  goVersion: 'go1.23.4',
  compiler: 'gc',
  platform: 'linux/amd64',
}

export function apiVersions(serverAddress: string): unknown {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
  }
}

// A group serving several versions (a CRD's) lists them all, its first (preferred) version first.
export function apiGroupList(resources: readonly ResourceDef[] = RESOURCES): unknown {
  const groups = new Map<string, string[]>()
  for (const r of resources) {
    if (r.group === '') continue
    const versions = groups.get(r.group) ?? []
    if (!versions.includes(r.version)) versions.push(r.version)
    groups.set(r.group, versions)
  }
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: [...groups.entries()].map(([name, versions]) => {
      const gvs = versions.map((version) => ({ groupVersion: `${name}/${version}`, version }))
      return { name, versions: gvs, preferredVersion: gvs[0] }
    }),
  }
}

function entries(r: ResourceDef): unknown[] {
  const main = {
    name: r.plural,
    singularName: r.singular,
    namespaced: r.namespaced,
    kind: r.kind,
    verbs: r.verbs,
    ...(r.shortNames.length > 0 ? { shortNames: r.shortNames } : {}),
    ...(r.categories.length > 0 ? { categories: r.categories } : {}),
  }
  const subs = r.subresources.map((s) => ({
    name: `${r.plural}/${s.name}`,
    singularName: '',
    namespaced: r.namespaced,
    ...(s.group ? { group: s.group, version: s.version } : {}),
    kind: s.kind,
    verbs: s.verbs,
  }))
  return [main, ...subs]
}

export function apiResourceList(
  group: string,
  version: string,
  all: readonly ResourceDef[] = RESOURCES,
): unknown | undefined {
  const resources = all.filter((r) => r.group === group && r.version === version)
  if (resources.length === 0) return undefined
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: group ? `${group}/${version}` : version,
    resources: resources.flatMap(entries),
  }
}
