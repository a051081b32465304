import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import { useIntent } from '../palette/intents'

export interface Tab {
  id: string
  label: string
  render: () => ReactNode
}

/** WAI-ARIA tabs: arrow keys move between tabs; only the active panel is rendered (so YAML loads on demand). */
export function Tabs({ label, tabs, initial }: { label: string; tabs: Tab[]; initial?: string }): ReactNode {
  const [active, setActive] = useState(initial ?? tabs[0]?.id)
  const id = useId()
  const list = useRef<HTMLDivElement>(null)
  const current = tabs.find((t) => t.id === active) ?? tabs[0]
  // The command palette opens an object's tab before the object.
  useIntent('show-tab', ({ tab }) => tabs.some((t) => t.id === tab) && (setActive(tab), true))
  const onKeyDown = (e: KeyboardEvent): void => {
    const i = tabs.findIndex((t) => t.id === current?.id)
    const next = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : undefined
    if (next === undefined) return
    const tab = tabs[(next + tabs.length) % tabs.length]!
    setActive(tab.id)
    list.current?.querySelector<HTMLElement>(`[data-tab="${tab.id}"]`)?.focus()
  }
  return (
    <>
      <div className="tabs" role="tablist" aria-label={label} ref={list} onKeyDown={onKeyDown}>
        {tabs.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            data-tab={t.id}
            id={`${id}-${t.id}`}
            aria-selected={t.id === current?.id}
            aria-controls={`${id}-panel`}
            tabIndex={t.id === current?.id ? 0 : -1}
            onClick={() => setActive(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      {current && (
        <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-${current.id}`} className="tab-panel">
          {current.render()}
        </div>
      )}
    </>
  )
}
