import type { ApiErrorBody, Bridge, CallResult } from '@shared/contract'

// Fake Bridges for renderer tests: the test plays the backend, answering calls or driving streams itself.

/** A contract call waiting for the test to answer it. */
export interface PendingCall {
  method: string
  input: Record<string, unknown>
  resolve: (r: CallResult<unknown>) => void
}

/** A Bridge whose calls wait in `calls` until the test resolves them; it opens no streams. */
export function pendingCallBridge(): { bridge: Bridge; calls: PendingCall[] } {
  const calls: PendingCall[] = []
  const bridge: Bridge = {
    transport: 'web',
    call: (method, input) =>
      new Promise((resolve) => calls.push({ method, input: input as Record<string, unknown>, resolve })),
    subscribe: () => () => {},
  }
  return { bridge, calls }
}

/** A stream subscription the test drives: events in, an end, and whether the view closed it. */
export interface FakeSubscription {
  stream: string
  input: Record<string, unknown>
  emit: (event: unknown) => void
  end: (error?: ApiErrorBody) => void
  closed: boolean
}

/** A Bridge whose subscriptions land in `subs` for the test to drive; every call fails. */
export function streamingBridge(): { bridge: Bridge; subs: FakeSubscription[] } {
  const subs: FakeSubscription[] = []
  const bridge: Bridge = {
    transport: 'web',
    call: () => Promise.resolve({ ok: false, error: { code: 'Internal', message: 'not in this test' } }),
    subscribe(stream, input, onEvent, onEnd) {
      const sub: FakeSubscription = {
        stream,
        input: input as Record<string, unknown>,
        emit: onEvent,
        end: onEnd,
        closed: false,
      }
      subs.push(sub)
      return () => {
        sub.closed = true
      }
    },
  }
  return { bridge, subs }
}

/** Both: calls wait in `calls` for the test to answer, subscriptions land in `subs` for it to drive. */
export function backendBridge(): { bridge: Bridge; calls: PendingCall[]; subs: FakeSubscription[] } {
  const { bridge: calling, calls } = pendingCallBridge()
  const { bridge: streaming, subs } = streamingBridge()
  return { bridge: { transport: 'web', call: calling.call, subscribe: streaming.subscribe }, calls, subs }
}
