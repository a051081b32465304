import { methods, streams } from '@shared/contract'
import type { MethodHandlers, StreamHandlers } from '../../src/main/transport/dispatch'

export interface RecordedCall {
  name: string
  input: unknown
}

export interface RecordingHandlers {
  handlers: MethodHandlers
  streamHandlers: StreamHandlers
  calls: RecordedCall[]
  /** Stream generators whose `finally` has run. */
  finished: () => number
}

/** A handler for every method and stream of the contract that only records what reached it. */
export function recordingHandlers(): RecordingHandlers {
  const calls: RecordedCall[] = []
  let finished = 0
  const handlers: Record<string, (input: unknown) => Promise<unknown>> = {}
  for (const name of Object.keys(methods)) {
    handlers[name] = (input) => {
      calls.push({ name, input })
      return Promise.resolve({ recorded: name })
    }
  }
  const streamHandlers: Record<string, (input: unknown, signal: AbortSignal) => AsyncIterable<unknown>> = {}
  for (const name of Object.keys(streams)) {
    streamHandlers[name] = async function* (input, signal) {
      calls.push({ name, input })
      try {
        yield { recorded: name }
        await new Promise<void>((resolve) =>
          signal.addEventListener('abort', () => resolve(), { once: true }),
        )
      } finally {
        finished++
      }
    }
  }
  return {
    handlers: handlers as unknown as MethodHandlers,
    streamHandlers: streamHandlers as unknown as StreamHandlers,
    calls,
    finished: () => finished,
  }
}
