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

/** Live Table rows of one kind in the chosen namespaces (none = all), with the server's columns. */
export function useTableWatch(
  context: string | undefined,
  kind: ApiKindRef,
  namespaces: readonly string[],
): TableWatch {
  const [state, setState] = useState<Omit<TableWatch, 'retry'>>({ set: start, columns: [] })
  const [attempt, setAttempt] = useState(0)
  const key = JSON.stringify([context ?? '', kind.group, kind.version, kind.resource, [...namespaces].sort()])
  useEffect(() => {
    const [ctx, group, version, resource, ns] = JSON.parse(key) as [string, string, string, string, string[]]
    setState({ set: start, columns: [] })
    return api.subscribe(
      'apiResources.watch',
      {
        group,
        version,
        resource,
        ...(ctx ? { context: ctx } : {}),
        ...(ns.length ? { namespaces: ns } : {}),
      },
      (event) =>
        setState((s) =>
          event.type === 'columns'
            ? { ...s, columns: event.columns }
            : { ...s, set: foldResourceEvent(s.set, event, Date.now()) },
        ),
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
  }, [key, attempt])
  const retry = useCallback(() => setAttempt((a) => a + 1), [])
  return { ...state, retry }
}
