import type { ServerResponse } from 'node:http'
import type { ResourceDef } from '../api/resources'
import { groupVersion } from '../api/resources'
import type { IncludeObject } from '../api/table'
import { tableJson } from '../api/table'
import { asServedVersion, sameTable } from '../crd/versions'
import type { StoreEvent, Store } from '../store/store'
import type { KObj } from '../types'
import type { ListQuery } from './list'
import { matches } from './list'

// WATCH: one compact JSON event per line over a chunked response, resumable from a resourceVersion.
export interface WatchRequest {
  resource: ResourceDef
  namespace: string
  query: ListQuery
  resourceVersion: string | null
  bookmarks: boolean
  timeoutSeconds: number | undefined
  table: { include: IncludeObject } | undefined
  now: () => number
}

export interface WatchOptions {
  bookmarkIntervalMs: number
}

type EventType = 'ADDED' | 'MODIFIED' | 'DELETED'

const PREFIX: Record<EventType, Buffer> = {
  ADDED: Buffer.from('{"type":"ADDED","object":'),
  MODIFIED: Buffer.from('{"type":"MODIFIED","object":'),
  DELETED: Buffer.from('{"type":"DELETED","object":'),
}
const SUFFIX = Buffer.from('}\n')

export function serveWatch(
  store: Store,
  res: ServerResponse,
  w: WatchRequest,
  opts: WatchOptions,
  onClose: (end: () => void) => () => void,
): void {
  res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private' })
  res.flushHeaders()
  let columnsSent = false
  let lastRv =
    w.resourceVersion && w.resourceVersion !== '0' ? Number(w.resourceVersion) : store.resourceVersion

  const write = (type: EventType, stored: KObj, storedBytes?: Buffer): void => {
    const obj = asServedVersion(w.resource, stored)
    const bytes = obj === stored ? storedBytes : undefined
    let object: Buffer
    if (w.table) {
      object = Buffer.from(
        tableJson(w.resource, [obj], {
          now: w.now(),
          resourceVersion: obj.metadata.resourceVersion,
          include: w.table.include,
          withColumns: !columnsSent,
        }),
      )
      columnsSent = true
    } else object = bytes ?? Buffer.from(JSON.stringify(obj))
    res.write(Buffer.concat([PREFIX[type], object, SUFFIX]))
  }

  const inScope = (obj: KObj): boolean =>
    (!w.namespace || obj.metadata.namespace === w.namespace) && matches(w.query, obj)

  const deliver = (ev: StoreEvent): void => {
    if (!sameTable(ev.resource, w.resource)) return
    lastRv = ev.rv
    const now = inScope(ev.entry.obj)
    const before = ev.prev ? inScope(ev.prev.obj) : false
    if (ev.type === 'DELETED') {
      if (now) write('DELETED', ev.entry.obj, ev.entry.bytes)
    } else if (ev.type === 'ADDED') {
      if (now) write('ADDED', ev.entry.obj, ev.entry.bytes)
    } else if (now && before) write('MODIFIED', ev.entry.obj, ev.entry.bytes)
    else if (now) write('ADDED', ev.entry.obj, ev.entry.bytes)
    else if (before && ev.prev) {
      const last = { ...ev.prev.obj, metadata: { ...ev.prev.obj.metadata, resourceVersion: String(ev.rv) } }
      write('DELETED', last)
    }
  }

  if (!w.resourceVersion || w.resourceVersion === '0') {
    for (const e of store.list(w.resource, w.namespace || undefined))
      if (inScope(e.obj)) write('ADDED', e.obj, e.bytes)
  } else {
    const since = Number(w.resourceVersion)
    const history = Number.isFinite(since) ? store.eventsSince(since) : 'expired'
    if (history === 'expired') {
      const status = {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: `too old resource version: ${w.resourceVersion} (${store.oldestResumable})`,
        reason: 'Expired',
        code: 410,
      }
      res.end(`{"type":"ERROR","object":${JSON.stringify(status)}}\n`)
      return
    }
    for (const ev of history) deliver(ev)
  }

  const unsubscribe = store.subscribe(deliver)
  const timers: NodeJS.Timeout[] = []
  // Every store event has reached this watch by now (delivery is synchronous), so its bookmark may carry the
  // whole store's resourceVersion: kube-apiserver's cacher bookmarks the last RV it processed, which etcd's
  // progress notifications (every 5 s under kubeadm: kind, minikube) move on while the watched kind is quiet.
  // A quiet kind's watch then resumes from a recent RV after its timeout instead of one the history has lost.
  const bookmark = (): void => {
    const obj = {
      kind: w.resource.kind,
      apiVersion: groupVersion(w.resource),
      metadata: { resourceVersion: String(Math.max(lastRv, store.resourceVersion)), creationTimestamp: null },
    }
    res.write(`{"type":"BOOKMARK","object":${JSON.stringify(obj)}}\n`)
  }
  if (w.bookmarks) timers.push(setInterval(bookmark, opts.bookmarkIntervalMs))
  let ended = false
  const end = (): void => {
    if (ended) return
    ended = true
    unsubscribe()
    for (const t of timers) clearInterval(t)
    res.end()
  }
  if (w.timeoutSeconds !== undefined && w.timeoutSeconds > 0)
    timers.push(setTimeout(end, w.timeoutSeconds * 1000))
  const untrack = onClose(end)
  res.on('close', () => {
    untrack()
    end()
  })
}
