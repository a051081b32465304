import { useSyncExternalStore } from 'react'
import type { Bridge } from '@shared/contract'

/**
 * Remembers that the backend refused this page's credential (web mode after a restart of `npm run serve`,
 * or a page opened without the printed address), so the UI says so once, in plain words, instead of
 * showing every view as empty.
 */
let refused = false
const listeners = new Set<() => void>()

export function markUnauthorised(): void {
  if (refused) return
  refused = true
  for (const l of listeners) l()
}

export function useSessionRefused(): boolean {
  return useSyncExternalStore(
    (l) => (listeners.add(l), () => listeners.delete(l)),
    () => refused,
  )
}

/** Wraps a bridge so any Unauthorized answer (call or stream end) marks the session as refused. */
export function watchAuth(bridge: Bridge): Bridge {
  return {
    transport: bridge.transport,
    async call(method, input) {
      const result = await bridge.call(method, input)
      if (!result.ok && result.error.code === 'Unauthorized') markUnauthorised()
      return result
    },
    subscribe(stream, input, onEvent, onEnd) {
      return bridge.subscribe(stream, input, onEvent, (error) => {
        if (error?.code === 'Unauthorized') markUnauthorised()
        onEnd(error)
      })
    },
  }
}
