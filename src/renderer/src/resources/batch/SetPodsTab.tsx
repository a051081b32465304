import type { ReactNode } from 'react'
import { useQuery } from '@tanstack/react-query'
import type { ApiError, SetPods } from '@shared/contract'
import { api } from '../../api/client'
import { ScaleControl } from '../../actions/ScaleControl'
import { ErrorBox } from '../../components/ErrorBox'
import { StatusText } from '../columns/base'
import { ObjectLink } from '../generic/ObjectLink'
import './batch.css'

interface Ref {
  context?: string
  namespace: string
  name: string
}

/** A StatefulSet's pods by ordinal with its scale control, or a DaemonSet's pods per node. */
export function SetPodsTab({
  target,
  resource,
}: {
  target: Ref
  resource: 'statefulsets' | 'daemonsets'
}): ReactNode {
  const input = { ...target, resource }
  const state = useQuery<SetPods, ApiError>({
    queryKey: ['sets.pods', input],
    queryFn: () => api.call('sets.pods', input),
    refetchInterval: 2000,
  })
  if (state.isPending) return <p className="muted">Loading pods…</p>
  if (state.isError) return <ErrorBox error={state.error} title="Could not read the pods" />
  const s = state.data
  const sts = resource === 'statefulsets'
  return (
    <div className="batch-view">
      <p>
        {s.ready} of {s.desired} ready · {s.updated} updated
        {sts ? '' : ` · one pod per node that may run it`}
      </p>
      {sts && (
        <ScaleControl
          kind="statefulsets"
          {...(target.context ? { context: target.context } : {})}
          namespace={target.namespace}
          name={target.name}
          replicas={s.desired}
        />
      )}
      <h3>{sts ? 'Pods by ordinal' : 'Pods per node'}</h3>
      {s.pods.length === 0 ? (
        <p className="muted">No pods yet.</p>
      ) : (
        <table aria-label="Pods">
          <thead>
            <tr>
              <th scope="col">{sts ? 'Ordinal' : 'Node'}</th>
              <th scope="col">Pod</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {s.pods.map((p) => (
              <tr key={p.name}>
                <td className="mono small">{sts ? p.ordinal : p.node}</td>
                <td>
                  <ObjectLink
                    context={target.context}
                    kind="Pod"
                    namespace={target.namespace}
                    name={p.name}
                  />
                </td>
                <td>
                  <StatusText status={p.ready ? 'Ready' : p.phase} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  )
}
