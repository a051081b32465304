import type { Bridge, CallResult } from '@shared/contract'
import type { EarlyCall } from '../boot/early-request'
import { createHttpBridge } from './http-bridge'
import { markUnauthorised } from './session-auth'
import { browserWebToken } from './web-token'

export interface PageBridge {
  readonly bridge: Bridge
  /** Web mode's credential; undefined under Electron. */
  readonly token: string | undefined
}

/** An answer sent early is for the page's start; after this long the call is made afresh. */
export const EARLY_ANSWER_MS = 10_000

/**
 * The page's bridge: Electron's preload bridge when present, else web mode's HTTP bridge. The calls the page's
 * first script sent (`early`, boot/early.ts) are answered once each: the first call with the same method and
 * input, within `EARLY_ANSWER_MS`, takes that answer instead of asking again.
 */
export function createPageBridge(
  electron: Bridge | undefined,
  early: readonly EarlyCall[] = [],
  now = Date.now,
): PageBridge {
  // Read once, before anything else looks at the address: it also drops the token from the address bar.
  const token = electron ? undefined : browserWebToken()
  const http = electron ? undefined : createHttpBridge(token, { onRefused: markUnauthorised })
  const bridge = electron ?? http!
  const keyOf = (method: string, input: unknown): string => `${method} ${JSON.stringify(input)}`
  const sent = new Map<string, { at: number; answer: () => Promise<CallResult<unknown>> }>()
  for (const c of early) {
    const answer = c.via === 'bridge' ? () => c.sent : http ? () => http.answer(c.sent) : undefined
    if (answer) sent.set(keyOf(c.method, c.input), { at: c.at, answer })
  }
  return {
    token,
    bridge: {
      transport: bridge.transport,
      call(method, input) {
        if (sent.size === 0) return bridge.call(method, input)
        const key = keyOf(method, input)
        const taken = sent.get(key)
        sent.delete(key)
        return taken && now() - taken.at <= EARLY_ANSWER_MS ? taken.answer() : bridge.call(method, input)
      },
      subscribe: (stream, input, onEvent, onEnd) => bridge.subscribe(stream, input, onEvent, onEnd),
    },
  }
}
