import type { KubeConfig } from '@kubernetes/client-node'
import type { ApiCatalog, ApiKind } from '@shared/contract'
import { createKubeGet, type KubeGet } from '../kube/kube-request'
import {
  kindsFromAggregated,
  kindsFromResourceList,
  sortKinds,
  type AggregatedList,
  type ResourceList,
} from './discovery-parse'

/** What kube-apiserver 1.30+ answers with one document each for /api and /apis; older ones ignore it. */
export const AGGREGATED_ACCEPT =
  'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,' +
  'application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json'

interface GroupList {
  groups?: { name?: string; preferredVersion?: { groupVersion?: string } }[]
}

/** /api + /apis the old way: one request per group-version; a group that fails is named, not fatal. */
async function legacyKinds(
  get: KubeGet,
  signal?: AbortSignal,
): Promise<{ kinds: ApiKind[]; failed: string[] }> {
  const core = (await get('/api', {}, signal)) as { versions?: string[] }
  const groups = (await get('/apis', {}, signal)) as GroupList
  const paths = (core.versions ?? ['v1']).slice(0, 1).map((v) => ({ name: '', path: `/api/${v}` }))
  for (const g of groups.groups ?? []) {
    const gv = g.preferredVersion?.groupVersion
    if (g.name && gv) paths.push({ name: g.name, path: `/apis/${gv}` })
  }
  const failed: string[] = []
  const lists = await Promise.all(
    paths.map(({ name, path }) =>
      (get(path, {}, signal) as Promise<ResourceList>).catch(() => {
        failed.push(name || 'core')
        return {}
      }),
    ),
  )
  return { kinds: lists.flatMap(kindsFromResourceList), failed }
}

/** Every kind the cluster serves, preferring aggregated discovery when the server offers it. */
export async function discoverKinds(kc: KubeConfig, signal?: AbortSignal): Promise<ApiCatalog> {
  const aggregated = createKubeGet(kc, AGGREGATED_ACCEPT)
  try {
    const [core, groups] = (await Promise.all([
      aggregated('/api', {}, signal),
      aggregated('/apis', {}, signal),
    ])) as [AggregatedList, AggregatedList]
    if (core.kind === 'APIGroupDiscoveryList' && groups.kind === 'APIGroupDiscoveryList') {
      return {
        kinds: sortKinds([...kindsFromAggregated(core), ...kindsFromAggregated(groups)]),
        source: 'aggregated',
        failedGroups: [],
      }
    }
    const legacy = await legacyKinds(aggregated, signal)
    return { kinds: sortKinds(legacy.kinds), source: 'legacy', failedGroups: legacy.failed.sort() }
  } finally {
    aggregated.close()
  }
}
