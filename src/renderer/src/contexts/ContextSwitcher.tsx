import { openPalette } from '../palette/open'
import { useActiveContext } from './active-context'
import { useSessionRefused } from '../api/useSessionRefused'
import { useContexts } from './useContexts'

/** The header's context chip: shows the context views use; opens the palette's context list. */
export function ContextSwitcher() {
  const contexts = useContexts()
  const active = useActiveContext()
  const refused = useSessionRefused()
  const label = contexts.isPending ? 'Loading…' : refused ? 'Not authorised' : (active.name ?? 'No context')
  return (
    <button
      type="button"
      className="context-chip"
      onClick={() => openPalette('contexts')}
      title="Switch context (Ctrl+K opens the command palette)"
      aria-label={`Context: ${label}. Switch context`}
    >
      <span className="muted small">Context</span> <strong>{label}</strong>
      {active.mode === 'view-only' && <span className="pill warn">view only</span>}
      {active.dangling && (
        <span
          className="pill warn"
          title={`current-context names “${active.dangling}”, which no longer exists`}
        >
          “{active.dangling}” is gone
        </span>
      )}
      <kbd>Ctrl K</kbd>
    </button>
  )
}
