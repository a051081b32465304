import { useEffect, useState, useSyncExternalStore, type ReactNode } from 'react'
import { ThemeSwitch } from '../components/ThemeSwitch'
import { TerminalSession } from './terminal-session'
import { TerminalView } from './TerminalView'
import './terminal.css'

/**
 * A window or tab of its own for one terminal, opened by "Open in new tab/window". It takes over the
 * session its ticket names; it never starts one from its address. Without a ticket (a reload, a copied
 * address) it says so instead.
 */
export function PoppedTerminal({ ticket }: { ticket?: string }): ReactNode {
  const [session] = useState(() => (ticket ? popped(ticket) : undefined))
  const version = useSyncExternalStore(subscribe, () => changes)
  useEffect(() => {
    document.title = session?.target.pod ? `${session.title} — Skiff` : 'Terminal — Skiff'
  }, [session, version])
  return (
    <div className="popped-terminal">
      <header className="popped-header">
        <img src="./icon.svg" alt="" width={20} height={20} />
        <h1 className="mono">{session?.target.pod || 'Terminal'}</h1>
        {session?.target.pod && (
          <span className="muted small">
            {session.target.namespace}
            {session.target.context ? ` · ${session.target.context}` : ''}
          </span>
        )}
        <span className="grow" />
        <ThemeSwitch />
      </header>
      {session ? (
        <TerminalView session={session} panelPod={session.target.pod} />
      ) : (
        <div className="popped-gone" role="alert">
          <p>
            This terminal is no longer here: a popped-out terminal ends when its window is reloaded or closed.
          </p>
          <p className="muted">Open a shell again from a pod’s Shell tab in the main Skiff window.</p>
        </div>
      )}
    </div>
  )
}

// One session per page, made once (React may run initialisers twice in development).
let made: TerminalSession | undefined
let changes = 0
const listeners = new Set<() => void>()
function subscribe(l: () => void): () => void {
  listeners.add(l)
  return () => listeners.delete(l)
}
function popped(ticket: string): TerminalSession {
  made ??= TerminalSession.claiming(ticket, () => {
    changes++
    for (const l of listeners) l()
  })
  return made
}
