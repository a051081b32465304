import type { ReactNode } from 'react'
import { useQuery } from '@tanstack/react-query'
import type { ApiError, VolumeState } from '@shared/contract'
import { api } from '../../api/client'
import { ErrorBox } from '../../components/ErrorBox'
import { StatusText } from '../columns/base'
import { ObjectLink } from '../generic/ObjectLink'
import { accessModesText } from './access-modes'
import '../network/network.css'

/** A PersistentVolume: the claim it serves, where its data lives, and what happens to it when the claim goes. */
export function VolumeTab({ target }: { target: { context?: string; name: string } }): ReactNode {
  const state = useQuery<VolumeState, ApiError>({
    queryKey: ['volumes.state', target],
    queryFn: () => api.call('volumes.state', target),
    refetchInterval: 3000,
  })
  if (state.isPending) return <p className="muted">Reading the volume…</p>
  if (state.isError) return <ErrorBox error={state.error} title="Could not read this volume" />
  const s = state.data
  const ctx = target.context
  return (
    <div className="ns-view">
      <p className="ns-lead">
        A PersistentVolume is a piece of storage in the cluster. A claim binds it; pods use it through that
        claim.
      </p>
      <p>
        <StatusText status={s.phase} /> <span className="small">{s.explanation}</span>
      </p>
      <dl className="facts">
        <dt>Claim</dt>
        <dd className="small">
          {s.claim ? (
            s.claim.exists ? (
              <ObjectLink
                context={ctx}
                kind="PersistentVolumeClaim"
                namespace={s.claim.namespace}
                name={s.claim.name}
              >
                {s.claim.namespace}/{s.claim.name}
              </ObjectLink>
            ) : (
              <>
                <span className="mono">
                  {s.claim.namespace}/{s.claim.name}
                </span>{' '}
                <StatusText status="Deleted" />
              </>
            )
          ) : (
            <span className="muted">none</span>
          )}
        </dd>
        <dt>Capacity</dt>
        <dd className="small">
          {s.capacity ?? '?'}, {accessModesText(s.accessModes)}
        </dd>
        <dt>When released</dt>
        <dd className="small">
          {s.reclaimPolicy === 'Delete'
            ? 'deleted with its data (Delete)'
            : s.reclaimPolicy === 'Retain'
              ? 'kept with its data (Retain)'
              : s.reclaimPolicy}
        </dd>
        <dt>StorageClass</dt>
        <dd className="small">
          {s.storageClass ? (
            <ObjectLink context={ctx} kind="StorageClass" name={s.storageClass} />
          ) : (
            <span className="muted">none</span>
          )}
        </dd>
        <dt>Data lives in</dt>
        <dd className="mono small">{s.source}</dd>
        <dt>Usable on</dt>
        <dd className="small">
          {s.nodes.length > 0
            ? s.nodes.map((n, i) => (
                <span key={n}>
                  {i > 0 && ', '}
                  <ObjectLink context={ctx} kind="Node" name={n} />
                </span>
              ))
            : 'any node'}
        </dd>
      </dl>
    </div>
  )
}
