import type { KubeConfig } from '@kubernetes/client-node'
import type { ApiCatalog } from '@shared/contract'
import { toApiError } from '../errors/policy'
import { createEventQueue } from '../kube/event-queue'
import { serverOf } from '../kube/kube-request'
import { kubeListWatchSourceAt } from '../kube/list-watch-source'
import { createWatchCache } from '../kube/watch-cache'
import { discoverKinds } from './discovery'

export interface CatalogDeps {
  getKubeConfig: (context?: string) => Promise<KubeConfig>
  /** Discovery of a context is reused this long by one-off reads (owner links, search). */
  cacheMs?: number
  /** Without permission to watch CRDs, discovery is repeated this often instead. */
  pollMs?: number
  /** How long to gather CRD events before discovering again (a chart installs many at once). */
  settleMs?: number
}

export interface CatalogService {
  /** The catalog now, then again whenever it changes. */
  stream(context: string | undefined, signal: AbortSignal): AsyncGenerator<ApiCatalog>
  /** The catalog of a context, from a recent discovery when there is one. */
  get(context: string | undefined): Promise<ApiCatalog>
  /** Records that listing a kind was refused (or, with no reason, that it works again). */
  markForbidden(kc: KubeConfig, id: string, reason: string | undefined): void
}

const keyOf = (kc: KubeConfig): string => `${kc.getCurrentContext()}@${serverOf(kc)}`

/** Discovery per context, refreshed when CRDs come and go, with the kinds found forbidden marked. */
export function createCatalogService(deps: CatalogDeps): CatalogService {
  const cacheMs = deps.cacheMs ?? 30_000
  const recent = new Map<string, { at: number; catalog: Promise<ApiCatalog> }>()
  const forbidden = new Map<string, Map<string, string>>()
  const listeners = new Map<string, Set<() => void>>()

  const marked = (key: string, catalog: ApiCatalog): ApiCatalog => {
    const marks = forbidden.get(key)
    if (!marks?.size) return catalog
    return {
      ...catalog,
      kinds: catalog.kinds.map((k) => (marks.has(k.id) ? { ...k, forbidden: marks.get(k.id) } : k)),
    }
  }

  const discover = (kc: KubeConfig, key: string): Promise<ApiCatalog> => {
    const catalog = discoverKinds(kc).catch((err: unknown) => {
      recent.delete(key)
      throw toApiError(err, { doing: 'discover what the cluster serves', server: serverOf(kc) })
    })
    recent.set(key, { at: Date.now(), catalog })
    return catalog
  }

  async function* stream(context: string | undefined, signal: AbortSignal): AsyncGenerator<ApiCatalog> {
    const kc = await deps.getKubeConfig(context)
    const key = keyOf(kc)
    const queue = createEventQueue<'discover' | 'marks'>(signal, (a, b) => (a === 'discover' ? a : b))
    let timer: ReturnType<typeof setTimeout> | undefined
    const soon = (): void => {
      timer ??= setTimeout(() => {
        timer = undefined
        queue.push('discover')
      }, deps.settleMs ?? 200)
    }
    const onMarks = (): void => queue.push('marks')
    const own = listeners.get(key) ?? new Set()
    listeners.set(key, own)
    own.add(onMarks)
    // CRDs are watched with the same list+watch cache as any view; each change means discovery may differ.
    const crds = createWatchCache({
      source: kubeListWatchSourceAt(kc, '/apis/apiextensions.k8s.io/v1/customresourcedefinitions'),
      project: (o) => ({ key: o.metadata?.name ?? '', rv: o.metadata?.resourceVersion ?? '' }),
      server: serverOf(kc),
    })
    crds.subscribe((e) => {
      if (e.type === 'delta') soon()
    })
    let poll: ReturnType<typeof setInterval> | undefined
    crds.ready.catch(() => {
      // Not allowed to watch CRDs (or the server has none): look again now and then instead.
      if (!signal.aborted) poll = setInterval(() => queue.push('discover'), deps.pollMs ?? 60_000)
    })
    try {
      let catalog = await discover(kc, key)
      yield marked(key, catalog)
      for await (const why of queue) {
        // A later discovery that fails keeps the last catalog: the sidebar stays usable while the server hiccups.
        if (why === 'discover') catalog = await discover(kc, key).catch(() => catalog)
        yield marked(key, catalog)
      }
    } finally {
      own.delete(onMarks)
      if (timer) clearTimeout(timer)
      if (poll) clearInterval(poll)
      crds.stop()
    }
  }

  return {
    stream,
    async get(context) {
      const kc = await deps.getKubeConfig(context)
      const key = keyOf(kc)
      const held = recent.get(key)
      const catalog = held && Date.now() - held.at < cacheMs ? held.catalog : discover(kc, key)
      return marked(key, await catalog)
    },
    markForbidden(kc, id, reason) {
      const key = keyOf(kc)
      const marks = forbidden.get(key) ?? new Map<string, string>()
      forbidden.set(key, marks)
      if (reason === undefined ? !marks.delete(id) : marks.get(id) === reason) return
      if (reason !== undefined) marks.set(id, reason)
      for (const l of listeners.get(key) ?? []) l()
    },
  }
}
