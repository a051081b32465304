import type { ReactNode } from 'react'
import { useQuery } from '@tanstack/react-query'
import type { ApiError, StorageClassState } from '@shared/contract'
import { api } from '../../api/client'
import { ErrorBox } from '../../components/ErrorBox'
import { StatusText } from '../columns/base'
import { ObjectLink } from '../generic/ObjectLink'
import '../network/network.css'

/** A StorageClass: who makes its volumes, when, what happens to them, and the claims and volumes of this class. */
export function StorageClassTab({ target }: { target: { context?: string; name: string } }): ReactNode {
  const state = useQuery<StorageClassState, ApiError>({
    queryKey: ['storageClasses.state', target],
    queryFn: () => api.call('storageClasses.state', target),
    refetchInterval: 5000,
  })
  if (state.isPending) return <p className="muted">Reading the class…</p>
  if (state.isError) return <ErrorBox error={state.error} title="Could not read this storage class" />
  const s = state.data
  const ctx = target.context
  const params = Object.entries(s.parameters)
  return (
    <div className="ns-view">
      <p className="ns-lead">
        A StorageClass says how volumes are made for the claims that name it: which provisioner makes them,
        and when.
        {s.isDefault && ' It is this cluster’s default: claims that name no class get it.'}
      </p>
      <dl className="facts">
        <dt>Provisioner</dt>
        <dd className="mono small">{s.provisioner}</dd>
        <dt>When</dt>
        <dd className="small">
          <span className="mono">{s.bindingMode}</span>: {s.explanation}
        </dd>
        <dt>When released</dt>
        <dd className="small">
          {s.reclaimPolicy === 'Delete'
            ? 'a volume is deleted with its data when its claim is deleted (Delete)'
            : 'a volume and its data are kept after its claim is deleted (Retain)'}
        </dd>
        <dt>Default</dt>
        <dd className="small">{s.isDefault ? 'yes' : 'no'}</dd>
        <dt>Can grow</dt>
        <dd className="small">{s.allowExpansion ? 'yes: claims may ask for more later' : 'no'}</dd>
        {params.length > 0 && (
          <>
            <dt>Parameters</dt>
            <dd className="mono small">{params.map(([k, v]) => `${k}=${v}`).join(', ')}</dd>
          </>
        )}
      </dl>
      <h3>Claims of this class</h3>
      {s.claims.length === 0 ? (
        <p className="muted small">None.</p>
      ) : (
        <table className="ns-routes" aria-label="Claims">
          <thead>
            <tr>
              <th scope="col">Claim</th>
              <th scope="col">Status</th>
              <th scope="col">Volume</th>
            </tr>
          </thead>
          <tbody>
            {s.claims.map((c) => (
              <tr key={`${c.namespace}/${c.name}`}>
                <td>
                  <ObjectLink
                    context={ctx}
                    kind="PersistentVolumeClaim"
                    namespace={c.namespace}
                    name={c.name}
                  >
                    {c.namespace}/{c.name}
                  </ObjectLink>
                </td>
                <td>
                  <StatusText status={c.phase} />
                </td>
                <td>
                  {c.volume ? (
                    <ObjectLink context={ctx} kind="PersistentVolume" name={c.volume} />
                  ) : (
                    <span className="muted small">none yet</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>Volumes of this class</h3>
      {s.volumes.length === 0 ? (
        <p className="muted small">None.</p>
      ) : (
        <table className="ns-routes" aria-label="Volumes">
          <thead>
            <tr>
              <th scope="col">Volume</th>
              <th scope="col">Status</th>
              <th scope="col">Claim</th>
            </tr>
          </thead>
          <tbody>
            {s.volumes.map((v) => (
              <tr key={v.name}>
                <td>
                  <ObjectLink context={ctx} kind="PersistentVolume" name={v.name} />
                </td>
                <td>
                  <StatusText status={v.phase} />
                </td>
                <td className="mono small">{v.claim ?? <span className="muted">none</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  )
}
