import { useCallback, useEffect, useState } from 'react'
import type { ApiKindRef, TableColumn, TableRow } from '@shared/contract'
import { api } from '../../api/client'
import { foldResourceEvent, type RowSet } from '../fold'

export interface TableWatch {
  set: RowSet<TableRow>
  columns: TableColumn[]
  /** Set when the watch ended: the error's code (Forbidden…) and its words. */
  ended?: { code?: string; message: string }
  retry: () => void
}

const start: RowSet<TableRow> = {
  rows: [],
  changed: new Map(),
  status: { state: 'connecting' },
  loaded: false,
}

/**
 * The last rows of a few recently left views: going back to a kind shows them at once, marked as not yet live,
 * until the new watch's snapshot replaces them whole (as the seed's views keep theirs in the query cache).
 */
const recent = new Map<string, { set: RowSet<TableRow>; columns: TableColumn[] }>()
const RECENT_KINDS = 6

function remember(key: string, set: RowSet<TableRow>, columns: TableColumn[]): void {
  if (!set.loaded) return
  recent.delete(key)
  recent.set(key, { set, columns })
  for (const old of recent.keys()) if (recent.size > RECENT_KINDS) recent.delete(old)
}

function resumed(key: string): { set: RowSet<TableRow>; columns: TableColumn[] } {
  const held = recent.get(key)
  if (!held) return { set: start, columns: [] }
  return {
    set: { ...held.set, changed: new Map(), status: { state: 'reconnecting' } },
    columns: held.columns,
  }
}

/** Live Table rows of one kind in the chosen namespaces (none = all), with the server's columns. */
export function useTableWatch(
  context: string | undefined,
  kind: ApiKindRef,
  namespaces: readonly string[],
): TableWatch {
  const key = JSON.stringify([context ?? '', kind.group, kind.version, kind.resource, [...namespaces].sort()])
  const [state, setState] = useState<Omit<TableWatch, 'retry'>>(() => resumed(key))
  const [attempt, setAttempt] = useState(0)
  useEffect(() => {
    const [ctx, group, version, resource, ns] = JSON.parse(key) as [string, string, string, string, string[]]
    let latest = resumed(key)
    setState(latest)
    const stop = api.subscribe(
      'apiResources.watch',
      {
        group,
        version,
        resource,
        ...(ctx ? { context: ctx } : {}),
        ...(ns.length ? { namespaces: ns } : {}),
      },
      (event) =>
        setState((s) => {
          const next =
            event.type === 'columns'
              ? { ...s, columns: event.columns }
              : { ...s, set: foldResourceEvent(s.set, event, Date.now()) }
          latest = next
          return next
        }),
      (error) =>
        setState((s) => ({
          ...s,
          set: { ...s.set, status: { state: 'error', message: error?.message ?? 'The watch ended.' } },
          ended: {
            ...(error?.code ? { code: error.code } : {}),
            message: error?.message ?? 'The watch ended.',
          },
        })),
    )
    return () => {
      stop()
      remember(key, latest.set, latest.columns)
    }
  }, [key, attempt])
  const retry = useCallback(() => setAttempt((a) => a + 1), [])
  return { ...state, retry }
}
