import { useState, type ReactNode } from 'react'
import { useSessions } from './session-store'
import { TerminalView } from './TerminalView'
import './terminal.css'

/** Terminals popped out of their pod's panel: a drawer under the page, one tab per terminal. */
export function TerminalDock(): ReactNode {
  const docked = useSessions().filter((s) => s.docked)
  const [chosen, setChosen] = useState<string>()
  if (docked.length === 0) return null
  const shown = docked.find((s) => s.key === chosen) ?? docked[docked.length - 1]!
  return (
    <div className="terminal-dock" role="region" aria-label="Terminals">
      {docked.length > 1 && (
        <div className="tabs" role="tablist" aria-label="Open terminals">
          {docked.map((s) => (
            <button
              key={s.key}
              type="button"
              role="tab"
              aria-selected={s === shown}
              onClick={() => setChosen(s.key)}
            >
              {s.title}
            </button>
          ))}
        </div>
      )}
      <TerminalView key={shown.key} session={shown} />
    </div>
  )
}
