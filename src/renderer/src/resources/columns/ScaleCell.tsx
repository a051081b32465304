import type { ReactNode } from 'react'
import type { DeploymentRow } from '@shared/rows'
import { ScaleControl } from '../../actions/ScaleControl'
import { useContextName } from '../context-name'

/** A compact replica stepper in a Deployment's row; its clicks and keys stay out of the table's own handling. */
export function ScaleCell({ row }: { row: DeploymentRow }): ReactNode {
  const context = useContextName()
  return (
    <span className="cell-scale" onClick={(e) => e.stopPropagation()} onKeyDown={(e) => e.stopPropagation()}>
      <ScaleControl
        compact
        {...(context ? { context } : {})}
        namespace={row.namespace ?? 'default'}
        name={row.name}
        replicas={row.replicas}
      />
    </span>
  )
}
