import { useEffect, useMemo, useState } from 'react'
import { Dialog } from '../components/Dialog'
import { useActiveContext } from './active-context'
import { useSessionRefused } from '../api/session-auth'
import { useContexts } from './useContexts'
import { useContextAction } from './useContextAction'

/** The header's context chip and its Ctrl/Cmd+K quick switcher. */
export function ContextSwitcher() {
  const contexts = useContexts()
  const active = useActiveContext()
  const refused = useSessionRefused()
  const [open, setOpen] = useState(false)
  const [filter, setFilter] = useState('')
  const [index, setIndex] = useState(0)
  const [viewOnly, setViewOnly] = useState(false)
  const use = useContextAction('contexts.use', (i) => `Switched the current context to “${i.name}”.`)

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') {
        e.preventDefault()
        setFilter('')
        setIndex(0)
        setOpen(true)
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])

  const matches = useMemo(() => {
    const f = filter.toLowerCase()
    return (contexts.data?.contexts ?? []).filter((c) => c.name.toLowerCase().includes(f))
  }, [contexts.data, filter])

  const pick = (name: string): void => {
    setOpen(false)
    if (viewOnly) active.viewOnly(name)
    else {
      active.viewOnly(undefined)
      use.mutate({ name })
    }
  }

  const label = contexts.isPending ? 'Loading…' : refused ? 'Not authorised' : (active.name ?? 'No context')
  return (
    <>
      <button
        type="button"
        className="context-chip"
        onClick={() => setOpen(true)}
        title="Switch context (Ctrl+K)"
        aria-label={`Context: ${label}. Switch context`}
      >
        <span className="muted small">Context</span> <strong>{label}</strong>
        {active.mode === 'view-only' && <span className="pill warn">view only</span>}
        <kbd>Ctrl K</kbd>
      </button>
      <Dialog title="Switch context" open={open} onClose={() => setOpen(false)}>
        <input
          type="search"
          autoFocus
          aria-label="Filter contexts"
          placeholder="Type to filter contexts"
          value={filter}
          onChange={(e) => {
            setFilter(e.target.value)
            setIndex(0)
          }}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') setIndex((i) => Math.min(i + 1, matches.length - 1))
            else if (e.key === 'ArrowUp') setIndex((i) => Math.max(i - 1, 0))
            else if (e.key === 'Enter' && matches[index]) pick(matches[index].name)
            else return
            e.preventDefault()
          }}
          className="switcher-filter"
        />
        <ul className="switcher-list" role="listbox" aria-label="Contexts">
          {matches.map((c, i) => (
            <li
              key={c.name}
              role="option"
              aria-selected={i === index}
              className={i === index ? 'selected' : undefined}
              onMouseEnter={() => setIndex(i)}
              onClick={() => pick(c.name)}
            >
              <span>{c.name}</span>
              <span className="muted small">{c.server}</span>
              {c.isCurrent && <span className="pill ok">current</span>}
            </li>
          ))}
          {matches.length === 0 && <li className="muted">No context matches “{filter}”.</li>}
        </ul>
        <label className="checkbox">
          <input type="checkbox" checked={viewOnly} onChange={(e) => setViewOnly(e.target.checked)} />
          View only: look at this context in Skiff without changing your kubeconfig’s current context
        </label>
        {active.mode === 'view-only' && (
          <button
            type="button"
            className="secondary"
            onClick={() => (active.viewOnly(undefined), setOpen(false))}
          >
            Follow the kubeconfig’s current context again
          </button>
        )}
      </Dialog>
    </>
  )
}
