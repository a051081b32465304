import { Watch, type KubeConfig } from '@kubernetes/client-node'
import { ApiError } from '@shared/contract'
import type { ResourceKind, Row } from '@shared/rows'
import { collectionPath } from './kinds'
import { createKubeGet, notJsonMessage, type KubeGet, type KubeGetSessionWithBytes } from './kube-request'
import { NotJson } from './list-decode'
import { sharedListDecoder, type ListDecoder } from './list-decoder'
import { continueInHead, prefetchingPages } from './page-prefetch'
import type { WireObject } from './rows'
import { trackLive } from '../util/live-counts'

export interface ListPage {
  items: WireObject[]
  /** The items already projected (a source made with `rowsOf`); `items` is then empty. */
  rows?: Row[]
  resourceVersion: string
  continue?: string
}

export interface WatchHandle {
  stop(): void
}

/** What a watch cache needs from a cluster; tests hand in a fake. */
export interface ListWatchSource {
  listPage(opts: { limit: number; continue?: string }, signal: AbortSignal): Promise<ListPage>
  /**
   * Opens a watch from `resourceVersion`. Resolves once the request is answered; `onEnd` runs exactly once when
   * the stream ends (error, or null for a clean close by the server). `stop()` ends it without calling `onEnd`.
   */
  watch(
    resourceVersion: string,
    onEvent: (type: string, obj: WireObject) => void,
    onEnd: (err: unknown) => void,
  ): Promise<WatchHandle>
  /** Lets go of kept-alive connections; the cache calls it when it stops. */
  close?(): void
}

interface WireList {
  metadata?: { resourceVersion?: string; continue?: string }
  items?: WireObject[]
}

export interface ListWatchSourceOptions {
  get?: KubeGet
  /**
   * List pages come as rows of this kind (`ListPage.rows`, projected with `projectors[kind]`), decoded on the
   * list decoder's worker thread: the whole objects never reach this thread. Watch events stay objects.
   */
  rowsOf?: ResourceKind
  decoder?: ListDecoder
}

/** list + watch of one kind in one namespace (or all) through client-node's Watch and a plain JSON GET. */
export function kubeListWatchSource(
  kc: KubeConfig,
  kind: ResourceKind,
  namespace?: string,
  opts: ListWatchSourceOptions = {},
): ListWatchSource {
  return kubeListWatchSourceAt(kc, collectionPath(kind, namespace), opts)
}

/** list + watch of any collection path (a CRD list, a custom kind) as plain JSON objects. */
export function kubeListWatchSourceAt(
  kc: KubeConfig,
  path: string,
  opts: ListWatchSourceOptions = {},
): ListWatchSource {
  const watcher = new Watch(kc)
  // One kept-alive connection for all pages of a list (and the relists after it).
  let session: KubeGetSessionWithBytes | undefined
  let getter: KubeGet
  if (opts.get) getter = opts.get
  else getter = session = createKubeGet(kc)
  const { rowsOf } = opts
  const bytes = session?.bytes
  // Page N+1 is asked for as soon as page N's head names its continue token (see page-prefetch.ts).
  const pages = prefetchingPages(async ({ limit, continue: cont }, signal, onContinue) => {
    const onHead = (head: string): void => {
      const next = continueInHead(head)
      if (next) onContinue(next)
    }
    if (rowsOf && bytes) {
      const body = await bytes(path, { limit, continue: cont }, signal, onHead)
      try {
        const decoded = await (opts.decoder ?? sharedListDecoder()).decode(body, rowsOf)
        return { items: [], ...decoded }
      } catch (err) {
        throw err instanceof NotJson ? new ApiError('Internal', notJsonMessage(path)) : err
      }
    }
    const list = (await getter(path, { limit, continue: cont }, signal, onHead)) as WireList
    const page: ListPage = {
      items: list.items ?? [],
      resourceVersion: list.metadata?.resourceVersion ?? '',
    }
    if (list.metadata?.continue) page.continue = list.metadata.continue
    return page
  })
  return {
    close: () => {
      pages.close()
      session?.close()
    },
    listPage: (opts, signal) => pages.listPage(opts, signal),
    async watch(resourceVersion, onEvent, onEnd) {
      let stopped = false
      const untrack = trackLive('watch requests')
      const controller = await watcher
        .watch(
          path,
          {
            resourceVersion,
            allowWatchBookmarks: true,
            // Like client-go's reflector: the server closes the stream now and then and we resume from the RV.
            timeoutSeconds: 300 + Math.floor(Math.random() * 300),
          },
          (type: string, obj: unknown) => {
            if (!stopped) onEvent(type, obj as WireObject)
          },
          (err: unknown) => {
            if (!stopped) onEnd(err)
            stopped = true
            untrack()
          },
        )
        .catch((err: unknown) => {
          untrack()
          throw err
        })
      return {
        stop() {
          stopped = true
          untrack()
          controller.abort()
        },
      }
    },
  }
}
