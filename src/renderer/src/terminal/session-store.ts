import { useSyncExternalStore } from 'react'
import { TerminalSession, type SessionTarget } from './terminal-session'

// The open terminals of this window. Sessions start only through `openSession`, called from a button's click.
let sessions: readonly TerminalSession[] = []
const listeners = new Set<() => void>()
const emit = (): void => {
  sessions = [...sessions]
  for (const l of listeners) l()
}

export function openSession(target: SessionTarget, mode: 'exec' | 'attach', origin: string): TerminalSession {
  const session = new TerminalSession(target, mode, origin, emit)
  sessions = [...sessions, session]
  emit()
  return session
}

export function closeSession(session: TerminalSession): void {
  session.close()
  sessions = sessions.filter((s) => s !== session)
  emit()
}

export function setDocked(session: TerminalSession, docked: boolean): void {
  session.docked = docked
  emit()
}

export function useSessions(): readonly TerminalSession[] {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l)
      return () => listeners.delete(l)
    },
    () => sessions,
  )
}
