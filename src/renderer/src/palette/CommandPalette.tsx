import { useEffect, useId, useState } from 'react'
import { Dialog } from '../components/Dialog'
import { entryScore, rankEntries } from './match'
import { setPaletteOpener } from './open'
import { paletteProviders } from './registry'
import { usePaletteShortcuts } from './shortcuts'
import type { PaletteEntry } from './types'
import './palette.css'

const scopeNames: Record<string, string> = { contexts: 'Contexts' }

/** Ctrl/Cmd+K: go to a view or an object, act on the selection, switch context, create a cluster. */
export function CommandPalette() {
  const [open, setOpen] = useState<{ scope?: string } | undefined>()
  useEffect(() => {
    setPaletteOpener((scope) => setOpen(scope ? { scope } : {}))
    return () => setPaletteOpener(undefined)
  }, [])
  usePaletteShortcuts(() => setOpen({}))
  return (
    <Dialog title="Command palette" open={!!open} onClose={() => setOpen(undefined)}>
      {open && <PaletteBody scope={open.scope} close={() => setOpen(undefined)} />}
    </Dialog>
  )
}

function PaletteBody({ scope: initialScope, close }: { scope: string | undefined; close: () => void }) {
  const [text, setText] = useState('')
  const [index, setIndex] = useState(0)
  const [scope, setScope] = useState(initialScope)
  const listId = useId()
  const query = text.trim().toLowerCase()
  // Every provider's hook runs on every render, in registration order (see registry.ts).
  const all = paletteProviders().map((p) => ({ id: p.id, entries: p.useEntries({ text: query }) }))
  // A few hundred entries at most (objects are capped): ranking them on each render is cheap.
  const ranked = rankEntries(
    all.filter((p) => !scope || p.id === scope).flatMap((p) => p.entries),
    query,
  )
  const active = ranked[Math.min(index, ranked.length - 1)]
  // Every provider's loading hook runs too (same order each render); only the scope's ones count.
  const loading = paletteProviders().flatMap((p) => {
    const what = p.useLoading?.()
    return what && (!scope || p.id === scope) ? [what] : []
  })
  // Enter pressed while something still loads and nothing matches yet, or only weakly ("bet" finds
  // PodDisruptionBudgets by its letters before the context "beta" has arrived): run the best match once loaded.
  const [queued, setQueued] = useState<{ viewOnly: boolean } | undefined>()

  const run = (entry: PaletteEntry | undefined, viewOnly: boolean): void => {
    if (!entry) return
    close()
    entry.run({ viewOnly })
  }
  const stillLoading = loading.length > 0
  const waitForLoad = stillLoading && (!active || entryScore(active, query) <= 2)
  useEffect(() => {
    if (!queued || stillLoading) return
    setQueued(undefined)
    if (!active) return
    close()
    active.run({ viewOnly: queued.viewOnly })
  }, [queued, stillLoading, active, close])

  return (
    <div className="palette">
      <div className="palette-input">
        {scope && (
          <span className="pill local">
            {scopeNames[scope] ?? scope}
            <button
              type="button"
              className="pill-close"
              aria-label="Search everything"
              onClick={() => setScope(undefined)}
            >
              ×
            </button>
          </span>
        )}
        <input
          type="text"
          role="combobox"
          aria-expanded="true"
          aria-controls={listId}
          // Option ids by position: entry ids carry context names, which may hold spaces.
          aria-activedescendant={active ? `${listId}-${ranked.indexOf(active)}` : undefined}
          aria-label="Search views, objects, contexts and actions"
          placeholder={scope === 'contexts' ? 'Type to filter contexts' : 'Go to, open, switch, create…'}
          autoFocus
          value={text}
          onChange={(e) => {
            setText(e.target.value)
            setIndex(0)
            setQueued(undefined)
          }}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') setIndex((i) => Math.min(i + 1, ranked.length - 1))
            else if (e.key === 'ArrowUp') setIndex((i) => Math.max(i - 1, 0))
            else if (e.key === 'Home' && e.ctrlKey) setIndex(0)
            else if (e.key === 'End' && e.ctrlKey) setIndex(ranked.length - 1)
            else if (e.key === 'Enter' && waitForLoad) setQueued({ viewOnly: e.shiftKey })
            else if (e.key === 'Enter') run(active, e.shiftKey)
            else if (e.key === 'Backspace' && !text && scope) setScope(undefined)
            else return
            e.preventDefault()
          }}
        />
      </div>
      <ul className="palette-list" role="listbox" id={listId} aria-label="Results">
        {ranked.map((entry, i) => (
          <li
            key={entry.id}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={entry === active}
            className={entry === active ? 'selected' : undefined}
            onMouseMove={() => setIndex(ranked.indexOf(entry))}
            onClick={(e) => run(entry, e.shiftKey)}
          >
            <span className="palette-group">{entry.group}</span>
            <span className="palette-title">
              {entry.title}
              {entry.detail && <span className="muted small"> {entry.detail}</span>}
            </span>
            {entry.shortcut && <kbd>{entry.shortcut}</kbd>}
          </li>
        ))}
        {stillLoading && (
          <li className="muted">
            Loading {loading.join(' and ')}…{queued && ' Enter runs the first match when they arrive.'}
          </li>
        )}
        {ranked.length === 0 && !stillLoading && <li className="muted">Nothing matches “{text}”.</li>}
      </ul>
      <p className="palette-help muted small">
        <kbd>↑</kbd> <kbd>↓</kbd> move · <kbd>↵</kbd> run · <kbd>Shift ↵</kbd> view a context without
        switching · <kbd>Esc</kbd> close · <kbd>G</kbd> then a number opens a section
      </p>
    </div>
  )
}
