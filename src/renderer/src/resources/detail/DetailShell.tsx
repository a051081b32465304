import { useEffect, useId, useRef, type ReactNode } from 'react'
import { Tabs, type Tab } from '../Tabs'
import './detail.css'

export interface DetailShellProps {
  /** The kind in words ("Deployment"), shown above the name with the namespace. */
  kindLabel: string
  namespace?: string
  name: string
  /** Names the object shown: focus moves to its heading, and its tabs start over, when it changes. */
  refKey: string
  onClose: () => void
  /** Given when there is a previous object to go back to. */
  onBack?: () => void
  /** Under the name, e.g. a deployment's health. */
  subtitle?: ReactNode
  /** Buttons before Close: the view's actions, Delete. */
  actions?: ReactNode
  tabs: Tab[]
  /** Set by the resize handle; the stylesheet's default until then. */
  width?: number
}

/** A tab whose content sits in the panel's padded, scrolling body. */
export function bodyTab(id: string, label: string, content: () => ReactNode): Tab {
  return { id, label, render: () => <div className="detail-body">{content()}</div> }
}

/** The side panel (a non-modal dialog) both detail panels share: header, Esc to close, focus, tabs. */
export function DetailShell(props: DetailShellProps): ReactNode {
  const { kindLabel, namespace, name, refKey, onClose, onBack, subtitle, actions, tabs, width } = props
  const titleId = useId()
  const heading = useRef<HTMLHeadingElement>(null)

  // Move focus into the panel whenever it shows another object, so keyboard users land on it.
  useEffect(() => heading.current?.focus(), [refKey])
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      // A confirmation dialog on top takes its own Esc.
      if (e.key === 'Escape' && !e.defaultPrevented && !document.querySelector('dialog[open]')) onClose()
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [onClose])

  return (
    <aside
      className="detail"
      role="dialog"
      aria-modal="false"
      aria-labelledby={titleId}
      style={width ? { width } : undefined}
    >
      <div className="detail-header">
        {onBack && (
          <button
            type="button"
            className="secondary compact"
            onClick={onBack}
            aria-label="Back to the previous object"
          >
            ←
          </button>
        )}
        <div className="grow">
          <div className="detail-kind">
            {kindLabel}
            {namespace ? ` · ${namespace}` : ''}
          </div>
          <h2 id={titleId} tabIndex={-1} ref={heading} className="mono" title={name}>
            {name}
          </h2>
          {subtitle}
        </div>
        {actions}
        <button
          type="button"
          className="secondary compact"
          onClick={onClose}
          aria-label="Close details (Esc)"
        >
          ✕
        </button>
      </div>
      <Tabs key={refKey} label={`${name} details`} tabs={tabs} />
    </aside>
  )
}
