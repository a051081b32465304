import { useSyncExternalStore } from 'react'

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
