import { useEffect, useState } from 'react'
import { useQuery, type UseQueryResult } from '@tanstack/react-query'
import type {
  ApiError,
  MethodInput,
  MethodName,
  MethodOutput,
  StreamEvent,
  StreamInput,
  StreamName,
} from '@shared/contract'
import { api } from './client'

/** A contract call as a TanStack query keyed by method and input. */
export function useCall<M extends MethodName>(
  method: M,
  input: MethodInput<M>,
  options: { enabled?: boolean } = {},
): UseQueryResult<MethodOutput<M>, ApiError> {
  return useQuery<MethodOutput<M>, ApiError>({
    queryKey: [method, input],
    queryFn: () => api.call(method, input),
    enabled: options.enabled ?? true,
  })
}

export interface StreamState<E> {
  last?: E
  error?: ApiError
  ended: boolean
}

/** Subscribes while mounted (and while `input` stays the same); unsubscribes on unmount. */
export function useStream<S extends StreamName>(
  stream: S,
  input: StreamInput<S>,
): StreamState<StreamEvent<S>> {
  const [state, setState] = useState<StreamState<StreamEvent<S>>>({ ended: false })
  const key = JSON.stringify(input)
  useEffect(() => {
    setState({ ended: false })
    return api.subscribe(
      stream,
      JSON.parse(key) as StreamInput<S>,
      (event) => setState({ last: event, ended: false }),
      (error) => setState((s) => ({ ...s, error, ended: true })),
    )
  }, [stream, key])
  return state
}
