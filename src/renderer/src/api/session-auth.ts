/**
 * Remembers that the backend refused this page's credential (web mode after a restart of `npm run serve`,
 * or a page opened without the printed address), so the UI says so once, in plain words, instead of
 * showing every view as empty. Plain state, no React: the bridge that reports it is made by the page's first
 * script (boot/early.ts), before React has loaded; `useSessionRefused` reads it in views.
 */
let refused = false
const listeners = new Set<() => void>()

export function markUnauthorised(): void {
  if (refused) return
  refused = true
  for (const l of listeners) l()
}

export const sessionRefused = (): boolean => refused

/** Calls `listener` when the credential is refused; returns the unsubscribe. */
export function onSessionRefused(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}
