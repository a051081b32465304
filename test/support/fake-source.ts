import type { ListPage, ListWatchSource } from '../../src/main/kube/list-watch-source'
import type { WireObject } from '../../src/main/kube/rows'

interface OpenWatch {
  rv: string
  onEvent: (type: string, obj: WireObject) => void
  onEnd: (err: unknown) => void
}

/** An in-memory list/watch source for tests: a tiny store with an RV counter and scriptable failures. */
export interface FakeSource extends ListWatchSource {
  put(obj: WireObject, silently?: boolean): void
  remove(name: string, silently?: boolean): void
  /** Watches currently open. */
  open: OpenWatch[]
  /** RVs asked for by each watch call, in order. */
  watchCalls: string[]
  listCalls: number
  /** The next watch calls fail with these errors before connecting (one per call). */
  failNextWatch: unknown[]
  /** The next list calls fail with these errors. */
  failNextList: unknown[]
  /** Ends every open watch with `err` (null = clean close by the server). */
  drop(err: unknown): void
  /** Sends a 410 ERROR event on every open watch. */
  expire(): void
}

export function fakeSource(namespace = 'demo'): FakeSource {
  let rv = 100
  const objects = new Map<string, WireObject>()
  const src: FakeSource = {
    open: [],
    watchCalls: [],
    listCalls: 0,
    failNextWatch: [],
    failNextList: [],
    put(obj, silently) {
      const name = obj.metadata?.name ?? ''
      const type = objects.has(name) ? 'MODIFIED' : 'ADDED'
      const stamped = { ...obj, metadata: { ...obj.metadata, namespace, resourceVersion: String(++rv) } }
      objects.set(name, stamped)
      if (!silently) for (const w of src.open) w.onEvent(type, stamped)
    },
    remove(name, silently) {
      const obj = objects.get(name)
      if (!obj) return
      objects.delete(name)
      const gone = { ...obj, metadata: { ...obj.metadata, resourceVersion: String(++rv) } }
      if (!silently) for (const w of src.open) w.onEvent('DELETED', gone)
    },
    async listPage({ limit, continue: cont }): Promise<ListPage> {
      src.listCalls++
      const failure = src.failNextList.shift()
      if (failure) throw failure
      const all = [...objects.values()]
      const start = cont ? Number(cont) : 0
      const page: ListPage = { items: all.slice(start, start + limit), resourceVersion: String(rv) }
      if (start + limit < all.length) page.continue = String(start + limit)
      return page
    },
    async watch(resourceVersion, onEvent, onEnd) {
      src.watchCalls.push(resourceVersion)
      const failure = src.failNextWatch.shift()
      if (failure) {
        onEnd(failure)
        return { stop() {} }
      }
      const w: OpenWatch = { rv: resourceVersion, onEvent, onEnd }
      src.open.push(w)
      return {
        stop() {
          src.open = src.open.filter((x) => x !== w)
        },
      }
    },
    drop(err) {
      const open = src.open
      src.open = []
      for (const w of open) w.onEnd(err)
    },
    expire() {
      for (const w of [...src.open]) {
        w.onEvent('ERROR', {
          kind: 'Status',
          code: 410,
          reason: 'Expired',
          message: 'too old resource version',
        } as unknown as WireObject)
      }
    },
  }
  return src
}
