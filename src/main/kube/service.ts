import type { KubeConfig } from '@kubernetes/client-node'
import type { z } from 'zod'
import { ApiError } from '@shared/contract'
import type {
  ResourceDetail,
  ResourceEvent,
  resourceMethods,
  resourceStreams,
} from '@shared/contract/resources'
import type { EventRow } from '@shared/rows'
import { buildDetail, endpointLinks } from './detail'
import { clusterRunner } from './with-cluster'
import { isNamespaced } from './kinds'
import { serverOf } from './kube-request'
import { kubeListWatchSource } from './list-watch-source'
import { objectEvents, objectYaml, readObject } from './object-reads'
import { ownedLinks } from './owned-links'
import { createNamespace, deleteObject } from './object-writes'
import { rowStream } from './row-stream'
import { projectors } from './rows'
import { decodeSecretValue } from './secret-value'
import { createWatchCache, type WatchCacheOptions } from './watch-cache'
import { createPrewarms, type ListPace } from './prewarm'
import { createForeground, type Foreground } from '../util/foreground'
import { createWatchRegistry, type WatchLease } from './watch-registry'

type Methods = typeof resourceMethods
type InputOf<M extends keyof Methods> = z.output<Methods[M]['input']>
export type WatchInput = z.output<(typeof resourceStreams)['resources.watch']['input']>
export type RefInput = InputOf<'resources.detail'>
export type DeleteInput = InputOf<'resources.delete'>
export type RevealInput = InputOf<'secrets.reveal'>
export type CreateNamespaceInput = InputOf<'namespaces.create'>

export interface KubeServiceDeps {
  getKubeConfig: (context?: string) => Promise<KubeConfig>
  /** Tests shrink page size, batch window and backoff. */
  watchOptions?: Pick<WatchCacheOptions, 'pageSize' | 'batchMs' | 'backoffMs'>
  /** The page's own calls in flight (the dispatcher marks them): a prewarmed list steps aside for them. */
  foreground?: Foreground
  /**
   * How a prewarmed list goes on after its first page until its view comes: `background` (default) reads on
   * while no call is in flight; `hold` waits for the view; `full` reads on at once. The last two are kept to
   * measure against (`SKIFF_PREWARM`, docs/performance.md).
   */
  prewarmPace?: PrewarmPace
}

export type PrewarmPace = 'background' | 'hold' | 'full'

export interface KubeService {
  watch(input: WatchInput, signal: AbortSignal): AsyncGenerator<ResourceEvent>
  detail(ref: RefInput): Promise<ResourceDetail>
  yaml(ref: RefInput): Promise<{ yaml: string }>
  events(ref: RefInput): Promise<EventRow[]>
  delete(input: DeleteInput): Promise<{ deleted: true }>
  revealSecret(input: RevealInput): Promise<{ value: string; binary: boolean; size: number }>
  createNamespace(input: CreateNamespaceInput): Promise<{ name: string }>
  /**
   * Starts the current context's pods watch (the context's own namespace, else all, as the views open) for a
   * page that is about to load, so its list runs while the page's script does: the first page at once, the
   * rest while the page's own calls are not in flight. Held `holdMs` unless a view subscribes meanwhile (it
   * then takes it over, and the list reads on at full speed); a failure is left for the view to report.
   */
  prewarm(holdMs?: number): Promise<void>
  /** Running watch caches, keyed `context|kind|namespace` (`*` = all), with their subscriber counts. */
  activeWatches(): Map<string, number>
  close(): void
}

const ALL = '*'

/** The registry's key for one watch cache: context and server, kind, namespace scope (`*` = all). */
const watchKey = (kc: KubeConfig, kind: string, scope: string): string =>
  `${kc.getCurrentContext()}@${serverOf(kc)}|${kind}|${scope}`
const PREWARM_HOLD_MS = 20_000
/** The longest a prewarmed list waits for the page's calls before one more page: it never stalls. */
const PREWARM_MAX_WAIT_MS = 1000
/**
 * How long no call must have been in flight before the next page: a page's calls come in bursts, a turn of
 * the page apart, and a call that meets a page in flight waits for it (100 ms let a steady call every ~100 ms
 * meet most pages on a loaded box; docs/performance.md, "Prewarm at background priority").
 */
const PREWARM_QUIET_MS = 300

function prewarmWait(pace: PrewarmPace, foreground: Foreground): ListPace {
  if (pace === 'full') return () => Promise.resolve()
  if (pace === 'hold') return () => new Promise<void>(() => {}) // the hand-over or the hold's end go on
  return (signal) => foreground.whenIdle(signal, PREWARM_MAX_WAIT_MS, PREWARM_QUIET_MS)
}

/** Resources of any context: shared watch caches for lists, plain reads and writes for one object. */
export function createKubeService(deps: KubeServiceDeps): KubeService {
  const registry = createWatchRegistry()
  const prewarms = createPrewarms(
    prewarmWait(deps.prewarmPace ?? 'background', deps.foreground ?? createForeground()),
  )

  const withCluster = clusterRunner(deps.getKubeConfig)

  /** The watch caches (one per namespace scope) an input needs, each with its registry key. */
  function acquire(
    kc: KubeConfig,
    input: WatchInput,
    firstListPace?: ListPace,
  ): { key: string; lease: WatchLease }[] {
    // One watch per namespace rather than one cluster-wide watch filtered here: views usually show one or a
    // few namespaces of a big cluster, and namespace-scoped RBAC often forbids listing across all of them.
    const scopes =
      !isNamespaced(input.kind) || !input.namespaces?.length ? [ALL] : [...new Set(input.namespaces)].sort()
    return scopes.map((scope) => {
      const key = watchKey(kc, input.kind, scope)
      const lease = registry.acquire(key, () =>
        createWatchCache({
          ...deps.watchOptions,
          // Pages are decoded and projected on the list decoder's worker (list-decoder.ts).
          source: kubeListWatchSource(kc, input.kind, scope === ALL ? undefined : scope, {
            rowsOf: input.kind,
          }),
          project: projectors[input.kind],
          server: serverOf(kc),
          ...(firstListPace ? { firstListPace } : {}),
        }),
      )
      return { key, lease }
    })
  }

  async function* watch(input: WatchInput, signal: AbortSignal): AsyncGenerator<ResourceEvent> {
    const held = acquire(await deps.getKubeConfig(input.context), input)
    for (const { key } of held) prewarms.handOver(key)
    try {
      yield* rowStream(
        held.map((h) => h.lease.cache),
        signal,
      )
    } finally {
      for (const { lease } of held) lease.release()
    }
  }

  async function prewarm(holdMs = PREWARM_HOLD_MS): Promise<void> {
    let kc: KubeConfig
    try {
      kc = await deps.getKubeConfig()
    } catch {
      return // no context, or one that needs approval: the page says so itself
    }
    // What the pods view opens on: the context's own namespace, else all (renderer: namespace-selection.ts).
    const namespace = kc.getContextObject(kc.getCurrentContext())?.namespace
    const input: WatchInput = { kind: 'pods', ...(namespace ? { namespaces: [namespace] } : {}) }
    // Its first page at once, the rest at background priority until the view comes for it (Prewarms.hold).
    prewarms.hold(
      watchKey(kc, 'pods', namespace ?? ALL),
      (pace) => acquire(kc, input, pace)[0]!.lease,
      holdMs,
    )
  }

  return {
    watch,
    prewarm,
    detail: (ref) =>
      withCluster(ref.context, async (_kc, get) => {
        const obj = await readObject(get, ref)
        const detail = buildDetail(obj, ref.kind)
        detail.links.push(...(await ownedLinks(get, obj, ref.kind)))
        if (ref.kind === 'services' && ref.namespace) {
          const endpoints = await get(`/api/v1/namespaces/${ref.namespace}/endpoints/${ref.name}`).catch(
            () => ({}),
          )
          detail.links.push(...endpointLinks(endpoints, ref.namespace))
        }
        return detail
      }),
    yaml: (ref) =>
      withCluster(ref.context, async (_kc, get) => ({
        yaml: objectYaml(await readObject(get, ref), ref.kind),
      })),
    events: (ref) => withCluster(ref.context, (_kc, get) => objectEvents(get, ref)),
    delete: (input) =>
      withCluster(input.context, async (kc) => {
        await deleteObject(kc, input, input.gracePeriodSeconds)
        return { deleted: true as const }
      }),
    revealSecret: (input) =>
      withCluster(input.context, async (_kc, get) => {
        const secret = (await readObject(get, {
          kind: 'secrets',
          namespace: input.namespace,
          name: input.name,
        })) as {
          data?: Record<string, string>
        }
        // Own keys only: the key is free text, and "constructor" must not reach Object.prototype.
        const value =
          secret.data && Object.hasOwn(secret.data, input.key) ? secret.data[input.key] : undefined
        if (value === undefined) {
          throw new ApiError('NotFound', `Secret "${input.name}" has no key "${input.key}".`)
        }
        return decodeSecretValue(value)
      }),
    createNamespace: (input) =>
      withCluster(input.context, async (kc) => ({ name: await createNamespace(kc, input.name) })),
    activeWatches: () => registry.active(),
    close: () => {
      prewarms.close()
      registry.closeAll()
    },
  }
}
