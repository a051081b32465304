import type { ReactNode } from 'react'
import type { ObjectRef } from '@shared/contract'
import { kindOfResource } from '../kind-names'
import { DeleteObject } from './DeleteObject'
import { bodyTab, DetailShell } from './DetailShell'
import { EventsTab } from './EventsTab'
import { SummaryTab } from './SummaryTab'
import { DeploymentHealthLine, workloadTabs } from './WorkloadTabs'
import { YamlTab } from './YamlTab'

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
  const target = { ...ref, ...(context ? { context } : {}) }
  return (
    <DetailShell
      kindLabel={kindOfResource[ref.kind]}
      {...(ref.namespace ? { namespace: ref.namespace } : {})}
      name={ref.name}
      refKey={`${ref.kind}/${ref.namespace ?? ''}/${ref.name}`}
      onClose={onClose}
      {...(trail.length > 1 ? { onBack } : {})}
      {...(width ? { width } : {})}
      subtitle={ref.kind === 'deployments' && ref.namespace && <DeploymentHealthLine target={target} />}
      actions={
        <>
          {actions?.(ref, onClose)}
          {/* Namespaces bring their own typed-name confirmation through `actions`. */}
          {ref.kind !== 'namespaces' && <DeleteObject target={target} onDeleted={onClose} />}
        </>
      }
      tabs={[
        bodyTab('summary', 'Summary', () => <SummaryTab target={target} onFollow={onFollow} />),
        ...workloadTabs(target),
        bodyTab('events', 'Events', () => <EventsTab target={target} />),
        bodyTab('yaml', 'YAML', () => <YamlTab target={target} />),
      ]}
    />
  )
}
