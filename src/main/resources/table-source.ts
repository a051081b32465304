import { Watch, type KubeConfig } from '@kubernetes/client-node'
import type { ApiKindRef, TableColumn } from '@shared/contract'
import { createKubeGet } from '../kube/kube-request'
import type { ListWatchSource } from '../kube/list-watch-source'
import type { WireObject } from '../kube/rows/wire'
import { kindCollectionPath } from './api-paths'
import { isTable, tableColumns, tableObjects, type WireTable } from './table-row'

/** The server prints the rows (`kubectl get`'s columns, a CRD's additionalPrinterColumns); JSON if it cannot. */
export const TABLE_ACCEPT = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json'

/** client-node's Watch sends no Accept header of its own; this config adds the Table one to every request. */
function withAccept(kc: KubeConfig, accept: string): KubeConfig {
  const wrapped = Object.create(kc) as KubeConfig
  wrapped.applyToFetchOptions = (opts) =>
    kc.applyToFetchOptions({ ...opts, headers: { ...opts.headers, Accept: accept } })
  return wrapped
}

export interface TableSource extends ListWatchSource {
  /** The columns of the last Table that carried them (the first list page; watches repeat them once). */
  columns(): TableColumn[]
  /** Called when the columns change (a CRD's printer columns were edited). */
  onColumns(listener: () => void): void
}

/** list + watch of any kind as Table rows, one namespace or all. */
export function tableListWatchSource(kc: KubeConfig, kind: ApiKindRef, namespace?: string): TableSource {
  const path = kindCollectionPath(kind, namespace)
  const get = createKubeGet(kc, TABLE_ACCEPT)
  const watcher = new Watch(withAccept(kc, TABLE_ACCEPT))
  let columns: TableColumn[] = []
  let listener: (() => void) | undefined
  const takeColumns = (table: WireTable): void => {
    const next = tableColumns(table)
    if (!next || JSON.stringify(next) === JSON.stringify(columns)) return
    columns = next
    listener?.()
  }
  return {
    columns: () => columns,
    onColumns: (l) => (listener = l),
    close: () => get.close(),
    async listPage({ limit, continue: cont }, signal) {
      const list = (await get(
        path,
        { limit, continue: cont, includeObject: 'Metadata' },
        signal,
      )) as WireTable
      if (!isTable(list)) throw new Error(`The API server did not answer ${path} with a Table.`)
      takeColumns(list)
      return {
        items: tableObjects(list),
        resourceVersion: list.metadata?.resourceVersion ?? '',
        ...(list.metadata?.continue ? { continue: list.metadata.continue } : {}),
      }
    },
    async watch(resourceVersion, onEvent, onEnd) {
      let stopped = false
      const controller = await watcher.watch(
        path,
        {
          resourceVersion,
          allowWatchBookmarks: true,
          includeObject: 'Metadata',
          timeoutSeconds: 300 + Math.floor(Math.random() * 300),
        },
        (type: string, obj: unknown) => {
          if (stopped) return
          if (!isTable(obj)) return onEvent(type, obj as WireObject) // ERROR (a Status), or a plain BOOKMARK
          takeColumns(obj)
          const rows = tableObjects(obj)
          // A bookmark may come as an empty Table: only its resourceVersion matters.
          if (rows.length === 0) return onEvent('BOOKMARK', { metadata: obj.metadata ?? {} })
          for (const row of rows) onEvent(type, row)
        },
        (err: unknown) => {
          if (!stopped) onEnd(err)
          stopped = true
        },
      )
      return {
        stop() {
          stopped = true
          controller.abort()
        },
      }
    },
  }
}
