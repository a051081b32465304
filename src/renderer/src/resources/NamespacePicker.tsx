import { useEffect, useRef, useState, type ReactNode } from 'react'
import { useResourceWatch } from './useResourceWatch'
import { useNamespaceSelection } from './namespace-selection'

/** Choose one, several or all namespaces; the choice is remembered per context. */
export function NamespacePicker({ context }: { context?: string }): ReactNode {
  const [selected] = useNamespaceSelection(context)
  const [open, setOpen] = useState(false)
  const summary =
    selected.length === 0
      ? 'All namespaces'
      : selected.length === 1
        ? selected[0]
        : `${selected.length} namespaces`

  const box = useRef<HTMLDetailsElement>(null)
  // <details> has no light dismiss: close it when the person clicks elsewhere.
  useEffect(() => {
    const onDown = (e: MouseEvent): void => {
      if (box.current?.open && !box.current.contains(e.target as Node)) box.current.open = false
    }
    document.addEventListener('mousedown', onDown)
    return () => document.removeEventListener('mousedown', onDown)
  }, [])

  return (
    <details className="ns-picker" ref={box} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary aria-label={`Namespaces: ${summary}`}>
        <span className="muted small">Namespace </span>
        {summary} ▾
      </summary>
      {open && <NamespaceMenu {...(context ? { context } : {})} />}
    </details>
  )
}

/**
 * The list of namespaces, watched only while the menu is open: in web mode every stream holds one of the
 * browser's ~6 connections to the backend, and calls queue behind them.
 */
function NamespaceMenu({ context }: { context?: string }): ReactNode {
  const [selected, setSelected] = useNamespaceSelection(context)
  const namespaces = useResourceWatch('namespaces', { ...(context ? { context } : {}), namespaces: [] })
  const names = new Set(namespaces.rows.map((r) => r.name))
  for (const n of selected) names.add(n)
  const all = [...names].sort()
  const toggle = (name: string, on: boolean): void =>
    setSelected(on ? [...selected, name] : selected.filter((n) => n !== name))
  return (
    <div className="ns-menu" role="group" aria-label="Namespaces to show">
      <label>
        <input type="checkbox" checked={selected.length === 0} onChange={() => setSelected([])} />
        All namespaces
      </label>
      <hr />
      {all.length === 0 && <p className="muted small">{namespaces.loaded ? 'No namespaces.' : 'Loading…'}</p>}
      {all.map((name) => (
        <label key={name}>
          <input
            type="checkbox"
            checked={selected.includes(name)}
            onChange={(e) => toggle(name, e.target.checked)}
          />
          <span className="mono">{name}</span>
        </label>
      ))}
    </div>
  )
}
