import { useEffect } from 'react'
import { useQuery, useQueryClient, type UseQueryResult } from '@tanstack/react-query'
import type { ApiError, ContextsState } from '../../../shared/contract'
import { api } from '../api/client'

export const contextsKey = ['contexts.list', {}] as const

/** The kubeconfig's contexts, kept fresh by the backend's file watch (a `kubectl config use-context` shows at once). */
export function useContexts(): UseQueryResult<ContextsState, ApiError> {
  const client = useQueryClient()
  useEffect(
    () => api.subscribe('contexts.watch', {}, (state) => client.setQueryData(contextsKey, state)),
    [client],
  )
  return useQuery<ContextsState, ApiError>({
    queryKey: contextsKey,
    queryFn: () => api.call('contexts.list', {}),
    staleTime: Infinity,
  })
}
