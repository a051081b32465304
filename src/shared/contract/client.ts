import { ApiError } from './errors'
import type {
  Bridge,
  MethodInput,
  MethodName,
  MethodOutput,
  StreamEvent,
  StreamInput,
  StreamName,
} from './index'

/** The typed face of a Bridge: what views, the CLI and tests call. */
export interface ApiClient {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>
  subscribe<S extends StreamName>(
    stream: S,
    input: StreamInput<S>,
    onEvent: (event: StreamEvent<S>) => void,
    onEnd?: (error?: ApiError) => void,
  ): () => void
  readonly transport: Bridge['transport']
}

export function createClient(bridge: Bridge): ApiClient {
  return {
    transport: bridge.transport,
    async call(method, input) {
      const result = await bridge.call(method, input)
      if (!result.ok) throw ApiError.fromBody(result.error)
      return result.value as never
    },
    subscribe(stream, input, onEvent, onEnd) {
      return bridge.subscribe(
        stream,
        input,
        (event) => onEvent(event as never),
        (error) => onEnd?.(error ? ApiError.fromBody(error) : undefined),
      )
    },
  }
}
