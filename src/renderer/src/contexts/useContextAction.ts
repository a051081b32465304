import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { ApiError, ContextsState, MethodInput } from '@shared/contract'
import { api } from '../api/client'
import { useNotice } from '../components/Notice'
import { contextsKey } from './useContexts'

type ContextMethod =
  | 'contexts.use'
  | 'contexts.setNamespace'
  | 'contexts.rename'
  | 'contexts.delete'
  | 'contexts.import'
  | 'contexts.restore'

/** Runs a kubeconfig change; the list updates from the returned state, and the person sees what happened. */
export function useContextAction<M extends ContextMethod>(
  method: M,
  describe: (input: MethodInput<M>) => string,
) {
  const client = useQueryClient()
  const notice = useNotice()
  return useMutation<ContextsState, ApiError, MethodInput<M>>({
    mutationFn: (input) => api.call(method, input) as Promise<ContextsState>,
    onSuccess: (state, input) => {
      client.setQueryData(contextsKey, state)
      // Every change left a backup behind.
      void client.invalidateQueries({ queryKey: ['contexts.backups'] })
      notice('ok', describe(input))
    },
    onError: (err) => notice('error', err.message),
  })
}
