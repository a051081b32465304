import { useEffect, useRef } from 'react'
import type { ObjectRef } from '@shared/contract'

/** Requests the palette makes of views that may not be on screen yet. */
export type Intent =
  | { type: 'new-cluster' }
  | { type: 'show-tab'; tab: string }
  | { type: 'open-object'; context: string | undefined; ref: ObjectRef }

type Listener = (intent: Intent) => boolean
const listeners = new Set<Listener>()
let pending: Intent[] = []

/**
 * Hands `intent` to the view that accepts it: at once if it is mounted, else when it mounts (the palette
 * switches the section first, then the view appears). Unclaimed intents are dropped by the next request.
 */
export function requestIntent(...intents: Intent[]): void {
  pending = intents.filter((intent) => ![...listeners].some((l) => l(intent)))
}

/**
 * A view's claim on intents of one type: `handle` returns whether it took the intent (a pods list does not
 * take a deployment). Pending intents are offered when the view mounts.
 */
export function useIntent<T extends Intent['type']>(
  type: T,
  handle: (intent: Extract<Intent, { type: T }>) => boolean,
): void {
  const latest = useRef(handle)
  latest.current = handle
  useEffect(() => {
    const listener: Listener = (intent) =>
      intent.type === type && latest.current(intent as Extract<Intent, { type: T }>)
    listeners.add(listener)
    return () => {
      listeners.delete(listener)
    }
  }, [type])
  // Offered after every commit, not only on mount: React reuses a view when only its props change (the pods
  // list becomes the deployments list when a tab switches), and the intent may fit it now.
  useEffect(() => {
    if (!pending.some((intent) => intent.type === type)) return
    pending = pending.filter(
      (intent) => !(intent.type === type && latest.current(intent as Extract<Intent, { type: T }>)),
    )
  })
}
