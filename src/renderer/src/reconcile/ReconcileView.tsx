import { useState, type ReactNode } from 'react'
import { ApiError, type ReconcileKind } from '@shared/contract'
import { ScaleControl } from '../actions/ScaleControl'
import { ErrorBox } from '../components/ErrorBox'
import { BreakIt } from './BreakIt'
import { DesiredObserved } from './DesiredObserved'
import { OwnerGraph } from './OwnerGraph'
import { Timeline } from './Timeline'
import { useReconcile } from './useReconcile'
import './reconcile.css'

interface Props {
  context?: string
  /** Deployment when absent. */
  kind?: ReconcileKind
  namespace: string
  name: string
}

/**
 * Desired state made visible: spec beside status, the owner graph drawn live, and what the controllers did.
 * Break it appears only when the backend says the cluster is a sandbox it runs.
 */
export function ReconcileView({ context, kind = 'Deployment', namespace, name }: Props): ReactNode {
  const { snapshot, entries, error } = useReconcile(context, kind, namespace, name)
  const [selected, setSelected] = useState<string | undefined>()
  if (error) return <ErrorBox error={new ApiError(error.code, error.message)} />
  if (!snapshot) return <p className="muted">Loading the {kind}, its pods and events…</p>
  if (!snapshot.exists) return <p className="muted">This {kind} no longer exists.</p>
  const scalable = kind === 'Deployment' ? 'deployments' : kind === 'StatefulSet' ? 'statefulsets' : undefined
  return (
    <div className="reconcile-view">
      <div className="reconcile-top">
        <div className="reconcile-desired">
          <DesiredObserved snapshot={snapshot} />
          {scalable && snapshot.replicas !== undefined && (
            <ScaleControl
              {...(context ? { context } : {})}
              kind={scalable}
              namespace={namespace}
              name={name}
              replicas={snapshot.replicas}
            />
          )}
        </div>
        {snapshot.sandbox && (
          <BreakIt
            {...(context ? { context } : {})}
            snapshot={snapshot}
            {...(selected ? { selected } : {})}
            onSelect={setSelected}
          />
        )}
      </div>
      <OwnerGraph snapshot={snapshot} {...(selected ? { selected } : {})} onSelect={setSelected} />
      <h3>Timeline</h3>
      <Timeline entries={entries} />
    </div>
  )
}
