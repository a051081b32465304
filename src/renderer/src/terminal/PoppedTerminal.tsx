import { useEffect, useRef, useState, useSyncExternalStore, type ReactNode } from 'react'
import type { PodRow } from '@shared/rows'
import { ThemeSwitch } from '../components/ThemeSwitch'
import { useResourceWatch } from '../resources/useResourceWatch'
import { replacementPod } from './replacement'
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
      {session?.target.pod ? (
        <WatchedTerminal session={session} />
      ) : session && session.state !== 'failed' ? (
        <TerminalView session={session} />
      ) : (
        <div className="popped-gone" role="alert">
          <p>
            {session?.message ??
              'This terminal is no longer here: a popped-out terminal ends when its window is reloaded or closed.'}
          </p>
          <p className="muted">Open a shell again from a pod’s Shell tab in the main Skiff window.</p>
        </div>
      )}
    </div>
  )
}

/** Once the pod is known, its namespace's pods are watched so Reconnect finds a replacement, as in the panel. */
function WatchedTerminal({ session }: { session: TerminalSession }): ReactNode {
  const { context, namespace, pod } = session.target
  const pods = useResourceWatch('pods', { ...(context ? { context } : {}), namespaces: [namespace] })
  const last = useRef<PodRow | undefined>(undefined)
  const found = pods.rows.find((r) => r.name === pod && r.namespace === namespace)
  if (found) last.current = found
  return (
    <TerminalView
      session={session}
      panelPod={pod}
      onReconnect={() =>
        replacementPod(pods.rows, { namespace, name: session.target.pod, owner: last.current?.owner })
      }
    />
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
