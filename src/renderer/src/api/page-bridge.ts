import type { Bridge, CallResult } from '@shared/contract'
import { createHttpBridge } from './http-bridge'
import { markUnauthorised } from './session-auth'
import { browserWebToken } from './web-token'

declare global {
  interface Window {
    /** Set by the Electron preload; absent in web mode. */
    bridge?: Bridge
    /** This page's one bridge, made by whichever script asks first: boot/early.ts, or the app (api/client.ts). */
    skiffPage?: PageBridge
  }
}

export interface PageBridge {
  readonly bridge: Bridge
  /** Web mode's credential; undefined under Electron. */
  readonly token: string | undefined
  /**
   * Sends a call before anyone asks for it: the page's first call with the same method and input, if it comes
   * within `EARLY_ANSWER_MS`, takes this answer instead of asking again. Once the page has made a call of its
   * own (its script ran first after all), it does nothing: the page asks for itself.
   */
  early(method: string, input: unknown): void
}

/** An answer sent early is for the page's start; after this long the call is made afresh. */
export const EARLY_ANSWER_MS = 10_000

/** The page's bridge: Electron's preload bridge when present, else web mode's HTTP bridge. Made once. */
export function pageBridge(): PageBridge {
  return (window.skiffPage ??= createPageBridge(window.bridge))
}

/** Exported for tests; the page uses `pageBridge`. */
export function createPageBridge(electron: Bridge | undefined, now = Date.now): PageBridge {
  // Read once, before anything else looks at the address: it also drops the token from the address bar.
  const token = electron ? undefined : browserWebToken()
  const bridge = electron ?? createHttpBridge(token, { onRefused: markUnauthorised })
  const sent = new Map<string, { at: number; answer: Promise<CallResult<unknown>> }>()
  const keyOf = (method: string, input: unknown): string => `${method} ${JSON.stringify(input)}`
  let called = false
  return {
    token,
    early(method, input) {
      if (called) return
      const key = keyOf(method, input)
      if (!sent.has(key)) sent.set(key, { at: now(), answer: bridge.call(method, input) })
    },
    bridge: {
      transport: bridge.transport,
      call(method, input) {
        called = true
        if (sent.size === 0) return bridge.call(method, input)
        const key = keyOf(method, input)
        const early = sent.get(key)
        sent.delete(key)
        return early && now() - early.at <= EARLY_ANSWER_MS ? early.answer : bridge.call(method, input)
      },
      subscribe: (stream, input, onEvent, onEnd) => bridge.subscribe(stream, input, onEvent, onEnd),
    },
  }
}
