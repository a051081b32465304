import { useState, type ReactNode } from 'react'
import { ApiError } from '@shared/contract'
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
  namespace: string
  name: string
}

/**
 * Desired state made visible: spec beside status, the owner graph drawn live, and what the controllers did.
 * Break it appears only when the backend says the cluster is a sandbox it runs.
 */
export function ReconcileView({ context, namespace, name }: Props): ReactNode {
  const { snapshot, entries, error } = useReconcile(context, namespace, name)
  const [selected, setSelected] = useState<string | undefined>()
  if (error) return <ErrorBox error={new ApiError(error.code, error.message)} />
  if (!snapshot) return <p className="muted">Loading the deployment, its ReplicaSets, pods and events…</p>
  if (!snapshot.exists) return <p className="muted">This deployment no longer exists.</p>
  return (
    <div className="reconcile-view">
      <div className="reconcile-top">
        <div className="reconcile-desired">
          <DesiredObserved snapshot={snapshot} />
          <ScaleControl
            {...(context ? { context } : {})}
            namespace={namespace}
            name={name}
            replicas={snapshot.desired.replicas}
          />
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
