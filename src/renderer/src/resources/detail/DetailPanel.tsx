import { useEffect, useId, useRef, type ReactNode } from 'react'
import type { ObjectRef } from '@shared/contract'
import { kindOfResource } from '../kind-names'
import { Tabs } from '../Tabs'
import { DeleteObject } from './DeleteObject'
import { EventsTab } from './EventsTab'
import { SummaryTab } from './SummaryTab'
import { DeploymentHealthLine, workloadTabs } from './WorkloadTabs'
import { YamlTab } from './YamlTab'
import './detail.css'

export interface DetailPanelProps {
  /** The objects opened so far by following links; the last one is shown. */
  trail: readonly ObjectRef[]
  context?: string
  onFollow: (ref: ObjectRef) => void
  onBack: () => void
  onClose: () => void
  actions?: (ref: ObjectRef, close: () => void) => ReactNode
  /** Set by the resize handle; the stylesheet's default until then. */
  width?: number
}

/** A side panel (non-modal dialog) for one object: summary, scale/rollout/logs for workloads, events, YAML. */
export function DetailPanel({
  trail,
  context,
  onFollow,
  onBack,
  onClose,
  actions,
  width,
}: DetailPanelProps): ReactNode {
  const ref = trail[trail.length - 1]!
  const titleId = useId()
  const heading = useRef<HTMLHeadingElement>(null)
  const target = { ...ref, ...(context ? { context } : {}) }
  const refKey = `${ref.kind}/${ref.namespace ?? ''}/${ref.name}`

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
        {trail.length > 1 && (
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
            {kindOfResource[ref.kind]}
            {ref.namespace ? ` · ${ref.namespace}` : ''}
          </div>
          <h2 id={titleId} tabIndex={-1} ref={heading} className="mono" title={ref.name}>
            {ref.name}
          </h2>
          {ref.kind === 'deployments' && ref.namespace && <DeploymentHealthLine target={target} />}
        </div>
        {actions?.(ref, onClose)}
        {/* Namespaces bring their own typed-name confirmation through `actions`. */}
        {ref.kind !== 'namespaces' && <DeleteObject target={target} onDeleted={onClose} />}
        <button
          type="button"
          className="secondary compact"
          onClick={onClose}
          aria-label="Close details (Esc)"
        >
          ✕
        </button>
      </div>
      <Tabs
        key={refKey}
        label={`${ref.name} details`}
        tabs={[
          {
            id: 'summary',
            label: 'Summary',
            render: () => (
              <div className="detail-body">
                <SummaryTab target={target} onFollow={onFollow} />
              </div>
            ),
          },
          ...workloadTabs(target),
          {
            id: 'events',
            label: 'Events',
            render: () => (
              <div className="detail-body">
                <EventsTab target={target} />
              </div>
            ),
          },
          {
            id: 'yaml',
            label: 'YAML',
            render: () => (
              <div className="detail-body">
                <YamlTab target={target} />
              </div>
            ),
          },
        ]}
      />
    </aside>
  )
}
