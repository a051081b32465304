import { useSyncExternalStore } from 'react'
import { onSessionRefused, sessionRefused } from './session-auth'

/** Whether the backend refused this page's credential (see session-auth.ts). */
export function useSessionRefused(): boolean {
  return useSyncExternalStore(onSessionRefused, sessionRefused)
}
