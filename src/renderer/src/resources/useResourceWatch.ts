import { useCallback, useEffect, useMemo } from 'react'
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query'
import type { ResourceKind, Row, RowOf } from '../../../shared/rows'
import { clusterScopedKinds } from '../../../shared/rows'
import { api } from '../api/client'
import { emptyRowSet, foldResourceEvent, type RowSet, type WatchState } from './fold'

export interface WatchOptions {
  context?: string
  /** Empty = all namespaces; ignored for cluster-scoped kinds. */
  namespaces: readonly string[]
}

export interface ResourceWatch<R extends Row> {
  rows: readonly R[]
  changed: ReadonlyMap<string, number>
  state: WatchState
  message?: string
  loaded: boolean
  /** Drops the subscription and starts a new one (after an error). */
  retry: () => void
}

export function watchKey(kind: ResourceKind, options: WatchOptions): readonly unknown[] {
  const namespaces = clusterScopedKinds.has(kind) ? [] : [...options.namespaces].sort()
  return ['resources.watch', options.context ?? '', kind, namespaces.join(',')]
}

interface Lease {
  count: number
  stop: () => void
}

/** One subscription per cache key however many components watch it; the last one to leave ends it. */
const leases = new Map<string, Lease>()

function start(client: QueryClient, kind: ResourceKind, options: WatchOptions): () => void {
  const queryKey = watchKey(kind, options)
  const update = (fn: (s: RowSet) => RowSet): void => {
    client.setQueryData<RowSet>(queryKey, (s) => fn(s ?? emptyRowSet))
  }
  // Rows kept from an earlier visit stay visible, but flagged as not yet live.
  update((s) => ({ ...s, status: { state: s.loaded ? 'reconnecting' : 'connecting' } }))
  const namespaces = clusterScopedKinds.has(kind) ? [] : [...options.namespaces]
  const input = {
    kind,
    ...(options.context ? { context: options.context } : {}),
    ...(namespaces.length ? { namespaces } : {}),
  }
  return api.subscribe(
    'resources.watch',
    input,
    (event) => update((s) => foldResourceEvent(s, event, Date.now())),
    (error) =>
      update((s) => ({
        ...s,
        status: {
          state: 'error',
          message: error?.message ?? 'The watch ended; select Retry to start it again.',
        },
      })),
  )
}

function acquire(client: QueryClient, kind: ResourceKind, options: WatchOptions): () => void {
  const id = JSON.stringify(watchKey(kind, options))
  const held = leases.get(id)
  if (held) held.count++
  else leases.set(id, { count: 1, stop: start(client, kind, options) })
  return () => {
    const lease = leases.get(id)
    if (!lease || --lease.count > 0) return
    leases.delete(id)
    lease.stop()
  }
}

/** Replaces a watch's subscription with a fresh one, for every component sharing it. */
function restart(client: QueryClient, kind: ResourceKind, options: WatchOptions): void {
  const lease = leases.get(JSON.stringify(watchKey(kind, options)))
  if (!lease) return
  lease.stop()
  lease.stop = start(client, kind, options)
}

/** Live rows of one kind, kept in the TanStack Query cache keyed by (context, kind, namespaces). */
export function useResourceWatch<K extends ResourceKind>(
  kind: K,
  options: WatchOptions,
): ResourceWatch<RowOf<K>> {
  const client = useQueryClient()
  const queryKey = watchKey(kind, options)
  const id = JSON.stringify(queryKey)
  const { data } = useQuery<RowSet>({
    queryKey,
    // Never fetched: the subscription below writes the cache.
    queryFn: () => client.getQueryData<RowSet>(queryKey) ?? emptyRowSet,
    enabled: false,
    gcTime: 60_000,
    // Deep-comparing 50,000 rows on every delta would cost more than the fold; rows keep identity anyway.
    structuralSharing: false,
  })
  const stable = useMemo((): WatchOptions => {
    const [, context, , namespaces] = JSON.parse(id) as [string, string, string, string]
    return { ...(context ? { context } : {}), namespaces: namespaces ? namespaces.split(',') : [] }
  }, [id])
  useEffect(() => acquire(client, kind, stable), [client, kind, stable])
  const retry = useCallback(() => restart(client, kind, stable), [client, kind, stable])
  const set = data ?? emptyRowSet
  return {
    rows: set.rows as readonly RowOf<K>[],
    changed: set.changed,
    state: set.status.state,
    ...(set.status.message ? { message: set.status.message } : {}),
    loaded: set.loaded,
    retry,
  }
}
