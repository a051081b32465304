import { useEffect } from 'react'
import { useQuery, useQueryClient, type QueryClient, type UseQueryResult } from '@tanstack/react-query'
import type { ApiError, ContextsState } from '@shared/contract'
import { api } from '../api/client'

export const contextsKey = ['contexts.list', {}] as const

/** Fetched once; the watch below keeps it fresh. */
export const contextsQuery = {
  queryKey: contextsKey,
  queryFn: (): Promise<ContextsState> => api.call('contexts.list', {}),
  staleTime: Infinity,
}

/** The kubeconfig's contexts, kept fresh by the one watch ActiveContextProvider holds (see useContextsWatch). */
export function useContexts(): UseQueryResult<ContextsState, ApiError> {
  return useQuery<ContextsState, ApiError>(contextsQuery)
}

/** One contexts.watch per query client, however many hold it (the cold start's early start and the provider). */
const watches = new WeakMap<QueryClient, { holders: number; stop: () => void }>()

/**
 * Holds the backend's file watch, which pushes every change (a terminal's `kubectl config use-context` too)
 * into the contexts query; its first event is the whole state, as `contexts.list` answers. Returns the release.
 */
export function holdContextsWatch(client: QueryClient): () => void {
  let held = watches.get(client)
  if (!held) {
    const stop = api.subscribe('contexts.watch', {}, (state) => client.setQueryData(contextsKey, state))
    watches.set(client, (held = { holders: 0, stop }))
  }
  const watch = held
  watch.holders++
  let released = false
  return () => {
    if (released) return
    released = true
    if (--watch.holders > 0) return
    watch.stop()
    if (watches.get(client) === watch) watches.delete(client)
  }
}

/** Mount once: see holdContextsWatch. */
export function useContextsWatch(): void {
  const client = useQueryClient()
  useEffect(() => holdContextsWatch(client), [client])
}
