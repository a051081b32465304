import { useCallback, useEffect, useMemo } from 'react'
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query'
import type { ApiErrorBody, ResourceEvent } from '@shared/contract'
import type { ResourceKind, Row, RowOf } from '@shared/rows'
import { clusterScopedKinds } from '@shared/rows'
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
  /** The first list is still arriving: `rows` are those received so far. */
  loading: boolean
  /** When an ended watch will start again by itself (ms since the epoch), if it will. */
  retryAt?: number
  /** Drops the subscription and starts a new one (after an error). */
  retry: () => void
}

export function watchKey(kind: ResourceKind, options: WatchOptions): readonly unknown[] {
  const namespaces = clusterScopedKinds.has(kind) ? [] : [...options.namespaces].sort()
  return ['resources.watch', options.context ?? '', kind, namespaces.join(',')]
}

const PART_INTERVAL_MS = 200

/**
 * How long a subscription outlives its last view. Going from the Overview to Pods unmounts one view before the
 * next mounts; without this the pods watch would end and a 50,000-pod list start again from the first page.
 */
export const watchLingerMs = 10_000

interface Lease {
  count: number
  stop: () => void
  linger?: ReturnType<typeof setTimeout>
  /** Failed starts in a row, for the back-off; a whole snapshot resets it. */
  failures: number
  retryTimer?: ReturnType<typeof setTimeout>
}

/** Ends worth retrying by themselves: the cluster or the network may come back. Refusals will not change. */
const transient = new Set<ApiErrorBody['code'] | undefined>([undefined, 'Unavailable', 'Timeout', 'Internal'])

/** 2 s, 4 s, 8 s… up to 30 s between attempts. */
export function retryDelayMs(failures: number): number {
  return Math.min(30_000, 1000 * 2 ** Math.max(1, failures))
}

interface Hooks {
  /** A whole first list arrived: the watch works. */
  onLoaded: () => void
  /** The watch ended; returns when it will be retried by itself, if it will. */
  onEnded: (error: ApiErrorBody | undefined) => number | undefined
}

/**
 * One subscription per (query client, cache key) however many components watch it; it ends a while after the
 * last one leaves. The app has one client; tests make one each.
 */
const leasesByClient = new WeakMap<QueryClient, Map<string, Lease>>()
function leasesOf(client: QueryClient): Map<string, Lease> {
  let leases = leasesByClient.get(client)
  if (!leases) leasesByClient.set(client, (leases = new Map()))
  return leases
}

function start(client: QueryClient, kind: ResourceKind, options: WatchOptions, hooks: Hooks): () => void {
  const queryKey = watchKey(kind, options)
  const update = (fn: (s: RowSet) => RowSet): void => {
    client.setQueryData<RowSet>(queryKey, (s) => fn(s ?? emptyRowSet))
  }
  // Rows kept from an earlier visit stay visible, but flagged as not yet live; a snapshot that was still
  // arriving for an earlier subscription is abandoned (the new one starts its own).
  update(({ incoming: _incoming, filling: _filling, ...s }) => ({
    ...s,
    status: { state: s.loaded ? 'reconnecting' : 'connecting' },
  }))
  const namespaces = clusterScopedKinds.has(kind) ? [] : [...options.namespaces]
  const input = {
    kind,
    ...(options.context ? { context: options.context } : {}),
    ...(namespaces.length ? { namespaces } : {}),
  }
  // Every render measures the whole (virtual) table, so the parts of a big first list are shown a few times a
  // second rather than page by page; the first part and every other event are shown at once.
  let pending: ResourceEvent[] = []
  let timer: ReturnType<typeof setTimeout> | undefined
  let shown = false
  const flush = (): void => {
    if (timer !== undefined) clearTimeout(timer)
    timer = undefined
    const events = pending
    pending = []
    if (events.length === 0) return
    shown = true
    update((s) => events.reduce((acc, e) => foldResourceEvent(acc, e, Date.now()), s))
  }
  const stop = api.subscribe(
    'resources.watch',
    input,
    (event) => {
      pending.push(event)
      if (event.type === 'snapshot' && !event.more) hooks.onLoaded()
      if (event.type === 'snapshot' && event.more && shown) timer ??= setTimeout(flush, PART_INTERVAL_MS)
      else flush()
    },
    (error) => {
      flush()
      const retryAt = hooks.onEnded(error)
      update((s) => ({
        ...s,
        status: {
          state: 'error',
          message: error?.message ?? 'The watch ended.',
          ...(retryAt ? { retryAt } : {}),
        },
      }))
    },
  )
  return () => {
    if (timer !== undefined) clearTimeout(timer)
    stop()
  }
}

/** Starts the lease's subscription, retrying it by itself with back-off while the failure may pass. */
function startLease(client: QueryClient, kind: ResourceKind, options: WatchOptions, lease: Lease): void {
  lease.stop = start(client, kind, options, {
    onLoaded: () => {
      lease.failures = 0
    },
    onEnded: (error) => {
      clearTimeout(lease.retryTimer)
      lease.retryTimer = undefined
      if (!transient.has(error?.code)) return undefined
      const delay = retryDelayMs(++lease.failures)
      lease.retryTimer = setTimeout(() => {
        lease.retryTimer = undefined
        lease.stop()
        startLease(client, kind, options, lease)
      }, delay)
      return Date.now() + delay
    },
  })
}

function stopLease(lease: Lease): void {
  clearTimeout(lease.retryTimer)
  lease.retryTimer = undefined
  lease.stop()
}

function acquire(client: QueryClient, kind: ResourceKind, options: WatchOptions): () => void {
  const leases = leasesOf(client)
  const id = JSON.stringify(watchKey(kind, options))
  const held = leases.get(id)
  if (held) {
    held.count++
    clearTimeout(held.linger)
    held.linger = undefined
    // A view mounting on a watch that ended in an error (e.g. remounted after an exec plugin was allowed)
    // starts it again rather than showing the old error.
    if (client.getQueryData<RowSet>(watchKey(kind, options))?.status.state === 'error') {
      stopLease(held)
      startLease(client, kind, options, held)
    }
  } else {
    const lease: Lease = { count: 1, stop: () => {}, failures: 0 }
    leases.set(id, lease)
    startLease(client, kind, options, lease)
  }
  return () => {
    const lease = leases.get(id)
    if (!lease || --lease.count > 0) return
    lease.linger = setTimeout(() => {
      if (leases.get(id) !== lease || lease.count > 0) return
      leases.delete(id)
      stopLease(lease)
    }, watchLingerMs)
  }
}

/**
 * Starts a watch before any view holds it (the cold start: boot/early-start.ts). It lingers as a view's
 * subscription does after the view leaves: a view that mounts with the same key within `watchLingerMs` takes it
 * over with whatever rows arrived meanwhile; otherwise it ends by itself.
 */
export function prestartWatch(client: QueryClient, kind: ResourceKind, options: WatchOptions): void {
  // In the key's order, as the view's own start (its options come from the key) would send them.
  acquire(client, kind, { ...options, namespaces: [...options.namespaces].sort() })()
}

/** Replaces a watch's subscription with a fresh one now, for every component sharing it. */
function restart(client: QueryClient, kind: ResourceKind, options: WatchOptions): void {
  const lease = leasesOf(client).get(JSON.stringify(watchKey(kind, options)))
  if (!lease) return
  stopLease(lease)
  startLease(client, kind, options, lease)
}

/** Holds the watch open while the component is mounted; the options object stays the same per cache key. */
function useLease(client: QueryClient, kind: ResourceKind, id: string): WatchOptions {
  const stable = useMemo((): WatchOptions => {
    const [, context, , namespaces] = JSON.parse(id) as [string, string, string, string]
    return { ...(context ? { context } : {}), namespaces: namespaces ? namespaces.split(',') : [] }
  }, [id])
  useEffect(() => acquire(client, kind, stable), [client, kind, stable])
  return stable
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
  const stable = useLease(client, kind, id)
  const retry = useCallback(() => restart(client, kind, stable), [client, kind, stable])
  const set = data ?? emptyRowSet
  return {
    rows: set.rows as readonly RowOf<K>[],
    changed: set.changed,
    state: set.status.state,
    ...(set.status.message ? { message: set.status.message } : {}),
    ...(set.status.retryAt ? { retryAt: set.status.retryAt } : {}),
    loaded: set.loaded,
    loading: !set.loaded && set.filling === true,
    retry,
  }
}

/**
 * A value derived from a watch's rows, for a component that needs only a summary of a busy watch (the pods'
 * health behind the Deployments list): it re-renders when `select` returns a different value, not on every
 * delta. `select` must keep its identity across renders and return the same value while nothing it reports
 * changed.
 */
export function useWatchSelect<K extends ResourceKind, T>(
  kind: K,
  options: WatchOptions,
  select: (rows: readonly RowOf<K>[]) => T,
): T {
  const client = useQueryClient()
  const queryKey = watchKey(kind, options)
  useLease(client, kind, JSON.stringify(queryKey))
  const fromSet = useCallback((set: RowSet) => select(set.rows as readonly RowOf<K>[]), [select])
  const { data } = useQuery<RowSet, Error, T>({
    queryKey,
    queryFn: () => client.getQueryData<RowSet>(queryKey) ?? emptyRowSet,
    enabled: false,
    gcTime: 60_000,
    structuralSharing: false,
    select: fromSet,
  })
  return data === undefined ? select(emptyRowSet.rows as readonly RowOf<K>[]) : data
}
