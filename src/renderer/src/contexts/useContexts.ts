import { useEffect } from 'react'
import { useQuery, useQueryClient, type UseQueryResult } from '@tanstack/react-query'
import type { ApiError, ContextsState } from '@shared/contract'
import { api } from '../api/client'

export const contextsKey = ['contexts.list', {}] as const

/** The kubeconfig's contexts, kept fresh by the one watch ActiveContextProvider holds (see useContextsWatch). */
export function useContexts(): UseQueryResult<ContextsState, ApiError> {
  return useQuery<ContextsState, ApiError>({
    queryKey: contextsKey,
    queryFn: () => api.call('contexts.list', {}),
    staleTime: Infinity,
  })
}

/** Mount once: the backend's file watch pushes every change (a terminal's `kubectl config use-context` too). */
export function useContextsWatch(): void {
  const client = useQueryClient()
  useEffect(
    () => api.subscribe('contexts.watch', {}, (state) => client.setQueryData(contextsKey, state)),
    [client],
  )
}
