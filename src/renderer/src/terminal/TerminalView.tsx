import { useEffect, useRef, type ReactNode } from 'react'
import { api } from '../api/client'
import { closeSession, setDocked } from './session-store'
import type { TerminalSession } from './terminal-session'

const stateText: Record<TerminalSession['state'], string> = {
  loading: 'Loading the terminal…',
  connecting: 'Connecting…',
  open: 'Connected',
  away: 'Moved',
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
  const live = session.state === 'open' || session.state === 'connecting' || session.state === 'away'
  const command = session.command?.join(' ')
  const own = api.transport === 'electron' ? 'window' : 'tab'
  return (
    <section className="terminal" aria-label={`Terminal: ${session.title}`}>
      <div className="terminal-bar">
        <span className="terminal-title mono" title={session.title}>
          {panelPod === session.target.pod ? session.target.container : session.title}
        </span>
        <span
          className={`pill ${session.state === 'open' ? 'ok' : session.state === 'failed' ? 'warn' : 'off'}`}
        >
          {session.state !== 'away'
            ? stateText[session.state]
            : session.popped
              ? 'Moved back'
              : `In its own ${own}`}
          {session.state === 'open' && command ? ` · ${command}` : ''}
        </span>
        <span className="grow" />
        {!live && session.target.pod && (
          <button
            type="button"
            className="secondary compact"
            onClick={() => session.reconnect(onReconnect?.())}
          >
            Reconnect
          </button>
        )}
        {!session.popped && session.state === 'open' && (
          <button
            type="button"
            className="secondary compact"
            onClick={() => void session.popOut()}
            title={`Move this terminal, still running, to a ${own} of its own`}
          >
            Open in new {own}
          </button>
        )}
        {!session.popped && (
          <button
            type="button"
            className="secondary compact"
            onClick={() => setDocked(session, !session.docked)}
            title={session.docked ? 'Back into the pod’s panel' : 'Move to the terminal dock below the page'}
          >
            {session.docked ? 'Back to panel' : 'To dock'}
          </button>
        )}
        {!session.popped && (
          <button
            type="button"
            className="secondary compact"
            onClick={() => closeSession(session)}
            aria-label={`Close terminal ${session.title}`}
          >
            ✕
          </button>
        )}
      </div>
      {session.state === 'failed' && session.message && (
        <p className="terminal-error" role="alert">
          {session.message}
        </p>
      )}
      {session.state === 'away' && <AwayNotice session={session} own={own} />}
      {/* Keys typed into the terminal are the shell's: Esc must not close the panel, Ctrl+K not open the palette. */}
      <div
        className="terminal-box"
        ref={box}
        hidden={session.state === 'away'}
        onClick={() => session.focus()}
        onKeyDown={(e) => e.stopPropagation()}
      />
      {session.state !== 'away' && (
        <p className="muted small terminal-help">
          Copy: Ctrl+Shift+C · Paste: Ctrl+Shift+V · Interrupt: Ctrl+C
        </p>
      )}
    </section>
  )
}

/** Where the terminal went, and the button that brings it back here. */
function AwayNotice({ session, own }: { session: TerminalSession; own: 'window' | 'tab' }): ReactNode {
  return (
    <div className="terminal-away" role="status">
      <p>
        {session.popped
          ? `This terminal went back to the ${own} it came from.`
          : `This terminal moved to its own ${own}. It keeps running there, and ends when that ${own} closes.`}
      </p>
      {session.message && <p className="terminal-error">{session.message}</p>}
      <button type="button" onClick={() => void session.bringBack()}>
        {session.popped ? 'Bring it here' : 'Bring it back'}
      </button>
    </div>
  )
}
