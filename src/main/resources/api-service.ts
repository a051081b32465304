import type { KubeConfig } from '@kubernetes/client-node'
import type { z } from 'zod'
import {
  ApiError,
  type ApiCatalog,
  type ApiDetail,
  type ApiKind,
  type ApiKindRef,
  type FoundObject,
  type TableEvent,
  type TableRow,
  type apiResourceMethods,
  type apiResourceStreams,
} from '@shared/contract'
import type { EventRow } from '@shared/rows'
import { clusterRunner } from '../kube/with-cluster'
import { createKubeGet, serverOf } from '../kube/kube-request'
import { objectYaml } from '../kube/object-reads'
import { deleteAtPath } from '../kube/object-writes'
import { rowStream } from '../kube/row-stream'
import { eventRow } from '../kube/rows/event-row'
import type { WireEvent, WireObject } from '../kube/rows/wire'
import { createWatchCache, type WatchCache, type WatchCacheOptions } from '../kube/watch-cache'
import { createWatchRegistry } from '../kube/watch-registry'
import { buildApiDetail } from './api-detail'
import { apiObjectPath, kindCollectionPath } from './api-paths'
import type { CatalogService } from './catalog'
import { tableListWatchSource, type TableSource } from './table-source'
import { tableRow } from './table-row'

type Methods = typeof apiResourceMethods
export type ApiObjectInput = z.output<Methods['apiResources.detail']['input']>
export type ApiDeleteInput = z.output<Methods['apiResources.delete']['input']>
export type ApiSearchInput = z.output<Methods['apiResources.search']['input']>
export type ApiWatchInput = z.output<(typeof apiResourceStreams)['apiResources.watch']['input']>

export interface ApiServiceDeps {
  getKubeConfig: (context?: string) => Promise<KubeConfig>
  catalog: CatalogService
  watchOptions?: Pick<WatchCacheOptions, 'pageSize' | 'batchMs' | 'backoffMs'>
}

export interface ApiService {
  watch(input: ApiWatchInput, signal: AbortSignal): AsyncGenerator<TableEvent>
  detail(ref: ApiObjectInput): Promise<ApiDetail>
  yaml(ref: ApiObjectInput): Promise<{ yaml: string }>
  events(ref: ApiObjectInput): Promise<EventRow[]>
  delete(input: ApiDeleteInput): Promise<{ deleted: true }>
  search(input: ApiSearchInput): Promise<FoundObject[]>
  activeWatches(): Map<string, number>
  close(): void
}

const ALL = '*'
const METADATA_ACCEPT = 'application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io,application/json'
const MAX_FOUND = 40

/**
 * Built-in kinds the palette finds objects of by name: those with a dedicated view that the app does not watch
 * unasked (pods, deployments and the seed's other kinds come from their watched rows).
 */
export const searchedBuiltIns: ReadonlySet<string> = new Set([
  'statefulsets.apps',
  'daemonsets.apps',
  'jobs.batch',
  'cronjobs.batch',
  'horizontalpodautoscalers.autoscaling',
  'ingresses.networking.k8s.io',
  'persistentvolumeclaims',
  'persistentvolumes',
  'storageclasses.storage.k8s.io',
  'serviceaccounts',
  'roles.rbac.authorization.k8s.io',
  'clusterroles.rbac.authorization.k8s.io',
])

const idOf = (k: ApiKindRef): string => (k.group ? `${k.resource}.${k.group}` : k.resource)

function findKind(catalog: ApiCatalog, ref: ApiKindRef): ApiKind | undefined {
  return catalog.kinds.find((k) => k.group === ref.group && k.resource === ref.resource)
}

/** Any kind the cluster serves: Table rows through shared watch caches, and one object at a time. */
export function createApiService(deps: ApiServiceDeps): ApiService {
  const registry = createWatchRegistry<TableRow>()
  const sources = new WeakMap<WatchCache<TableRow>, TableSource>()

  const withCluster = clusterRunner(deps.getKubeConfig)

  async function* watch(input: ApiWatchInput, signal: AbortSignal): AsyncGenerator<TableEvent> {
    const kc = await deps.getKubeConfig(input.context)
    const contextKey = `${kc.getCurrentContext()}@${serverOf(kc)}`
    const scopes = input.namespaces?.length ? [...new Set(input.namespaces)].sort() : [ALL]
    const kindKey = `${input.group}/${input.version}/${input.resource}`
    const leases = scopes.map((scope) =>
      registry.acquire(`${contextKey}|${kindKey}|${scope}`, () => {
        const source = tableListWatchSource(kc, input, scope === ALL ? undefined : scope)
        const cache = createWatchCache<TableRow>({
          ...deps.watchOptions,
          source,
          project: tableRow,
          server: serverOf(kc),
        })
        sources.set(cache, source)
        return cache
      }),
    )
    let sent = ''
    try {
      for await (const event of rowStream(
        leases.map((l) => l.cache),
        signal,
      )) {
        // Columns go before the rows they describe; any cache's will do (they print the same kind).
        const columns = leases.map((l) => sources.get(l.cache)?.columns() ?? []).find((c) => c.length > 0)
        const text = columns ? JSON.stringify(columns) : ''
        if (columns && text !== sent) {
          sent = text
          yield { type: 'columns', columns }
        }
        if (event.type === 'snapshot' && !event.more) deps.catalog.markForbidden(kc, idOf(input), undefined)
        yield event
      }
    } catch (err) {
      if (err instanceof ApiError && err.code === 'Forbidden')
        deps.catalog.markForbidden(kc, idOf(input), err.message)
      throw err
    } finally {
      for (const lease of leases) lease.release()
    }
  }

  async function kindOf(context: string | undefined, ref: ApiKindRef): Promise<ApiKind | undefined> {
    return findKind(await deps.catalog.get(context).catch(() => ({ kinds: [] }) as never), ref)
  }

  return {
    watch,
    detail: (ref) =>
      withCluster(ref.context, async (_kc, get) => {
        const obj = (await get(apiObjectPath(ref))) as WireObject
        const catalog = await deps.catalog.get(ref.context).catch(() => undefined)
        return buildApiDetail(obj, ref, catalog)
      }),
    yaml: (ref) =>
      withCluster(ref.context, async (_kc, get) => {
        const obj = (await get(apiObjectPath(ref))) as WireObject
        // Secret values stay hidden here as in the seed's Secrets view; everything else is shown whole.
        return { yaml: objectYaml(obj, ref.group === '' && ref.resource === 'secrets' ? 'secrets' : 'pods') }
      }),
    events: (ref) =>
      withCluster(ref.context, async (_kc, get) => {
        const kind =
          (await kindOf(ref.context, ref))?.kind ?? ((await get(apiObjectPath(ref))) as WireObject).kind
        const selector = [`involvedObject.kind=${kind ?? ''}`, `involvedObject.name=${ref.name}`]
        if (ref.namespace) selector.push(`involvedObject.namespace=${ref.namespace}`)
        const path = ref.namespace ? `/api/v1/namespaces/${ref.namespace}/events` : '/api/v1/events'
        const list = (await get(path, { fieldSelector: selector.join(',') })) as { items?: WireEvent[] }
        return (list.items ?? [])
          .map(eventRow)
          .sort((a, b) => (a.lastSeen < b.lastSeen ? 1 : a.lastSeen > b.lastSeen ? -1 : 0))
      }),
    delete: (input) =>
      withCluster(input.context, async (kc) => {
        await deleteAtPath(kc, apiObjectPath(input), input.gracePeriodSeconds)
        return { deleted: true as const }
      }),
    search: (input) =>
      withCluster(input.context, async (kc) => {
        const catalog = await deps.catalog.get(input.context)
        // The kinds with a view of their own first (the seed's kinds are found from the rows the app watches).
        const kinds = catalog.kinds
          .filter((k) => (k.category === 'custom' || searchedBuiltIns.has(k.id)) && !k.forbidden)
          .sort((a, b) => Number(a.category === 'custom') - Number(b.category === 'custom'))
        const get = createKubeGet(kc, METADATA_ACCEPT)
        const needle = input.text.toLowerCase()
        const found: FoundObject[] = []
        try {
          // A few kinds at a time: a cluster with a hundred CRDs must not get a hundred requests at once.
          for (let i = 0; i < kinds.length && found.length < MAX_FOUND; i += 4) {
            const lists = await Promise.all(
              kinds.slice(i, i + 4).map(async (k) => {
                const list = (await get(kindCollectionPath(k), { limit: 1000 }).catch(() => ({}))) as {
                  items?: WireObject[]
                }
                return { k, items: list.items ?? [] }
              }),
            )
            for (const { k, items } of lists)
              for (const o of items) {
                const name = o.metadata?.name ?? ''
                if (!name.toLowerCase().includes(needle) || found.length >= MAX_FOUND) continue
                const ns = o.metadata?.namespace
                found.push({
                  kind: k.kind,
                  ref: {
                    group: k.group,
                    version: k.version,
                    resource: k.resource,
                    name,
                    ...(ns ? { namespace: ns } : {}),
                  },
                })
              }
          }
        } finally {
          get.close()
        }
        return found
      }),
    activeWatches: () => registry.active(),
    close: () => registry.closeAll(),
  }
}
