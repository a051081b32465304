import type { ListWatchSource, WatchHandle } from '../kube/list-watch-source'
import type { WireObject } from '../kube/rows/wire'

// A small informer for one kind: list, then watch from the list's resourceVersion, relisting after a second
// when the watch ends (410 Gone, a dropped connection). Deltas carry the previous object so the timeline can
// tell what changed. Forbidden lists (nodes on a locked-down cluster) end it quietly with nothing seen.

export type Change = 'ADDED' | 'MODIFIED' | 'DELETED'

export interface Informer {
  readonly objects: Map<string, WireObject>
  readonly synced: boolean
  stop(): void
}

const keyOf = (o: WireObject): string => o.metadata?.name ?? ''

export function inform(
  source: ListWatchSource,
  onDelta: (change: Change, obj: WireObject, prev: WireObject | undefined) => void,
  onSync: () => void,
  onFail: (err: unknown) => void,
): Informer {
  const objects = new Map<string, WireObject>()
  const abort = new AbortController()
  let handle: WatchHandle | undefined
  let synced = false
  let retry: ReturnType<typeof setTimeout> | undefined

  const relistSoon = (): void => {
    if (abort.signal.aborted) return
    retry = setTimeout(() => void run(), 1000)
  }

  async function run(): Promise<void> {
    try {
      const items: WireObject[] = []
      let cont: string | undefined
      let rv = ''
      do {
        const page = await source.listPage({ limit: 500, ...(cont ? { continue: cont } : {}) }, abort.signal)
        items.push(...page.items)
        cont = page.continue
        rv = page.resourceVersion
      } while (cont)
      if (abort.signal.aborted) return
      objects.clear()
      for (const o of items) objects.set(keyOf(o), o)
      synced = true
      onSync()
      handle = await source.watch(
        rv,
        (type, obj) => {
          if (type !== 'ADDED' && type !== 'MODIFIED' && type !== 'DELETED') return
          const key = keyOf(obj)
          const prev = objects.get(key)
          if (type === 'DELETED') objects.delete(key)
          else objects.set(key, obj)
          onDelta(type, obj, prev)
        },
        () => relistSoon(),
      )
      if (abort.signal.aborted) handle.stop()
    } catch (err) {
      if (abort.signal.aborted) return
      if (!synced) onFail(err)
      relistSoon()
    }
  }
  void run()

  return {
    objects,
    get synced() {
      return synced
    },
    stop() {
      abort.abort()
      if (retry) clearTimeout(retry)
      handle?.stop()
      source.close?.()
    },
  }
}
