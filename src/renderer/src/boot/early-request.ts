import type { Bridge, CallResult } from '@shared/contract'
import type { ReadAnswer } from '../api/http-bridge'

/**
 * A call the page's first script sent before the app's script had arrived (boot/early.ts), left on `window`
 * for the app's bridge (api/page-bridge.ts) to take: under Electron through the preload's bridge, in web mode
 * as the HTTP request the web bridge would have made, read to its end here (so that taking it needs no task of
 * the page's, only promise callbacks, and comes before React's first render) and made sense of there, as the
 * web bridge's own answers are.
 */
export type EarlyCall = { method: string; input: unknown; at: number } & (
  { via: 'bridge'; sent: Promise<CallResult<unknown>> } | { via: 'fetch'; sent: Promise<ReadAnswer> }
)

declare global {
  interface Window {
    /** Set by the Electron preload; absent in web mode. */
    bridge?: Bridge
    /** Calls sent by the page's first script, for the app to take (see EarlyCall). */
    skiffEarly?: EarlyCall[]
  }
}

/**
 * Web mode's token as api/web-token.ts reads it (from `#token=…`, else this tab's sessionStorage), without
 * changing anything: the app reads it again and drops it from the address. Kept apart from that module on
 * purpose: the first script must not import the app's modules (an import would make it wait for their file).
 */
export function earlyToken(hash: string, storage: Pick<Storage, 'getItem'> | undefined): string | undefined {
  const m = /^#token=([\w-]+)(?:[#&].*)?$/.exec(hash)
  if (m?.[1]) return m[1]
  try {
    return storage?.getItem('skiff.token') ?? undefined
  } catch {
    return undefined
  }
}

/** Sends `method(input)` the way the page's bridge would, and leaves it on `win.skiffEarly`. */
export function sendEarly(win: Window, method: string, input: unknown, now = Date.now): void {
  const at = now()
  const calls = (win.skiffEarly ??= [])
  if (win.bridge)
    return void calls.push({ method, input, at, via: 'bridge', sent: win.bridge.call(method, input) })
  let storage: Storage | undefined
  try {
    storage = win.sessionStorage
  } catch {
    storage = undefined // storage disabled: the address may still carry the token
  }
  const token = earlyToken(win.location.hash, storage)
  if (!token) return // nothing to authorise the call with: the app says so itself
  const sent = win
    .fetch('/api/call', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      credentials: 'omit',
      body: JSON.stringify({ method, input }),
    })
    // As http-bridge.ts reads its own answers (not imported: see above).
    .then(async (res) => ({ status: res.status, body: await res.text() }))
  // A failure is the app's to report when it takes the answer; until then it must not be "unhandled".
  sent.catch(() => {})
  calls.push({ method, input, at, via: 'fetch', sent })
}
