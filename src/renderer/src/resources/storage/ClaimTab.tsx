import type { ReactNode } from 'react'
import { useQuery } from '@tanstack/react-query'
import type { ApiError, ClaimState } from '@shared/contract'
import { api } from '../../api/client'
import { ErrorBox } from '../../components/ErrorBox'
import { StatusText } from '../columns/base'
import { ObjectLink } from '../generic/ObjectLink'
import { PodList } from '../network/IngressTab'
import { accessModesText } from './access-modes'
import '../network/network.css'

interface Ref {
  context?: string
  namespace: string
  name: string
}

function Waiting({ w }: { w: NonNullable<ClaimState['waiting']> }): ReactNode {
  return (
    <>
      <ul className="ns-notes" role="note" aria-label="Why it waits">
        <li>{w.explanation}</li>
      </ul>
      {w.events.length > 0 && (
        <table className="ns-routes ns-events" aria-label="What the controllers said">
          <thead>
            <tr>
              <th scope="col">Reason</th>
              <th scope="col">Message</th>
            </tr>
          </thead>
          <tbody>
            {w.events.map((e, i) => (
              <tr key={i}>
                <td className="small">
                  {e.type === 'Warning' ? <StatusText status="Warning" /> : null} {e.reason}
                </td>
                <td className="small">{e.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  )
}

/** A claim: what it asked for, the volume it got, its class, why it is Pending, and the pods that mount it. */
export function ClaimTab({ target }: { target: Ref }): ReactNode {
  const state = useQuery<ClaimState, ApiError>({
    queryKey: ['claims.state', target],
    queryFn: () => api.call('claims.state', target),
    refetchInterval: 3000,
  })
  if (state.isPending) return <p className="muted">Reading the claim…</p>
  if (state.isError) return <ErrorBox error={state.error} title="Could not read this claim" />
  const s = state.data
  const ctx = target.context
  return (
    <div className="ns-view">
      <p className="ns-lead">
        A PersistentVolumeClaim asks for storage that outlives pods. The cluster binds it to a
        PersistentVolume (the real disk or folder), usually made on demand by the StorageClass’s provisioner;
        pods then mount the claim by name.
      </p>
      <p>
        <StatusText status={s.phase} />{' '}
        <span className="small">
          {s.phase === 'Bound' ? '· it has its volume' : s.phase === 'Pending' ? '· no volume yet' : ''}
        </span>
      </p>
      {s.waiting && <Waiting w={s.waiting} />}
      <dl className="facts">
        <dt>Asked for</dt>
        <dd className="small">
          {s.requested ?? 'no size'}, {accessModesText(s.accessModes)}
        </dd>
        <dt>Got</dt>
        <dd className="small">{s.capacity ?? <span className="muted">nothing yet</span>}</dd>
        <dt>Volume</dt>
        <dd className="small">
          {s.volume ? (
            <ObjectLink context={ctx} kind="PersistentVolume" name={s.volume} />
          ) : (
            <span className="muted">none yet</span>
          )}
        </dd>
        <dt>StorageClass</dt>
        <dd className="small">
          {s.storageClass ? (
            s.storageClassFound ? (
              <>
                <ObjectLink context={ctx} kind="StorageClass" name={s.storageClass} />
                <span className="muted">
                  {' '}
                  · provisioner <span className="mono">{s.provisioner}</span> · {s.bindingMode}
                </span>
              </>
            ) : (
              <>
                <span className="mono">{s.storageClass}</span> <StatusText status="Missing" />
              </>
            )
          ) : (
            <span className="muted">none (binds only to a volume made by hand)</span>
          )}
        </dd>
        <dt>Mode</dt>
        <dd className="small">{s.volumeMode === 'Block' ? 'raw block device' : 'a filesystem'}</dd>
      </dl>
      <h3>Used by</h3>
      {s.pods.length > 0 ? (
        <PodList pods={s.pods} target={target} />
      ) : (
        <p className="muted small">
          No pod mounts this claim now. Its data stays until the claim is deleted.
        </p>
      )}
      {s.statefulSet && (
        <p className="small">
          Made by StatefulSet{' '}
          <ObjectLink
            context={ctx}
            kind="StatefulSet"
            namespace={target.namespace}
            name={s.statefulSet.name}
          />{' '}
          for its pod <span className="mono">{s.statefulSet.pod}</span> (ordinal {s.statefulSet.ordinal}).
          {!s.statefulSet.podExists &&
            ' That pod does not exist now (scaled down?): the claim is kept so its data is there when it returns.'}
        </p>
      )}
    </div>
  )
}
