import { useEffect, useRef, type ReactNode } from 'react'
import { closeSession, setDocked } from './session-store'
import type { TerminalSession } from './terminal-session'

const stateText: Record<TerminalSession['state'], string> = {
  loading: 'Loading the terminal…',
  connecting: 'Connecting…',
  open: 'Connected',
  ended: 'Ended',
  failed: 'Failed',
}

/**
 * One terminal with its bar: state, pop out / back, reconnect, close. `onReconnect` picks the pod to reconnect
 * to (the pod panel knows its replacement); without it the same pod is tried again.
 */
export function TerminalView({
  session,
  onReconnect,
  panelPod,
}: {
  session: TerminalSession
  onReconnect?: () => string | undefined
  /** In a pod's own panel its name is the heading: the bar names only the container (while it is that pod). */
  panelPod?: string
}): ReactNode {
  const box = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const el = box.current
    if (!el) return
    void session.mount(el)
    const observer = new ResizeObserver(() => session.fit())
    observer.observe(el)
    return () => observer.disconnect()
  }, [session])
  const live = session.state === 'open' || session.state === 'connecting'
  const command = session.command?.join(' ')
  return (
    <section className="terminal" aria-label={`Terminal: ${session.title}`}>
      <div className="terminal-bar">
        <span className="terminal-title mono" title={session.title}>
          {panelPod === session.target.pod ? session.target.container : session.title}
        </span>
        <span
          className={`pill ${session.state === 'open' ? 'ok' : session.state === 'failed' ? 'warn' : 'off'}`}
        >
          {stateText[session.state]}
          {session.state === 'open' && command ? ` · ${command}` : ''}
        </span>
        <span className="grow" />
        {!live && (
          <button
            type="button"
            className="secondary compact"
            onClick={() => session.reconnect(onReconnect?.())}
          >
            Reconnect
          </button>
        )}
        <button
          type="button"
          className="secondary compact"
          onClick={() => setDocked(session, !session.docked)}
          title={session.docked ? 'Back into the pod’s panel' : 'Move to the terminal dock below the page'}
        >
          {session.docked ? 'Dock in panel' : 'Pop out'}
        </button>
        <button
          type="button"
          className="secondary compact"
          onClick={() => closeSession(session)}
          aria-label={`Close terminal ${session.title}`}
        >
          ✕
        </button>
      </div>
      {session.state === 'failed' && session.message && (
        <p className="terminal-error" role="alert">
          {session.message}
        </p>
      )}
      {/* Keys typed into the terminal are the shell's: Esc must not close the panel, Ctrl+K not open the palette. */}
      <div
        className="terminal-box"
        ref={box}
        onClick={() => session.focus()}
        onKeyDown={(e) => e.stopPropagation()}
      />
      <p className="muted small terminal-help">
        Copy: Ctrl+Shift+C · Paste: Ctrl+Shift+V · Interrupt: Ctrl+C
      </p>
    </section>
  )
}
