import type { ExternalCluster } from '@shared/contract'
import { useEffect, useRef } from 'react'
import { useCall } from '../api/hooks'
import { useContexts } from '../contexts/useContexts'
import { DataTable, type DataColumn } from '../components/DataTable'

const columns: DataColumn<ExternalCluster>[] = [
  {
    id: 'context',
    header: 'Context',
    rowHeader: true,
    cell: (c) => c.contextName,
    sortValue: (c) => c.contextName,
  },
  {
    id: 'kind',
    header: 'Provider',
    cell: (c) => (
      <>
        {c.label} <span className="pill local">external</span>
      </>
    ),
    sortValue: (c) => c.label,
  },
  {
    id: 'state',
    header: 'State',
    cell: (c) => (
      <>
        <span className={`pill ${c.reachable ? 'ok' : 'off'}`}>
          {c.reachable ? 'reachable' : 'not answering'}
        </span>
        {c.problem && <div className="muted small">{c.problem}</div>}
      </>
    ),
    sortValue: (c) => (c.reachable ? 0 : 1),
  },
  {
    id: 'version',
    header: 'Kubernetes',
    cell: (c) => c.kubernetesVersion ?? '—',
    sortValue: (c) => c.kubernetesVersion,
  },
  { id: 'server', header: 'Server', className: 'mono small', cell: (c) => c.server || '—', priority: 'low' },
]

/** Local clusters other tools manage, found by context name; Skiff shows them but leaves their lifecycle alone. */
export function ExternalClustersCard() {
  const external = useCall('clusters.external', {})
  // Contexts added or removed (in Skiff or a terminal) change what is external: ask again.
  const names = useContexts()
    .data?.contexts.map((c) => c.name)
    .join('\n')
  const seen = useRef(names)
  const { refetch } = external
  useEffect(() => {
    if (seen.current === names) return
    seen.current = names
    void refetch()
  }, [names, refetch])
  const list = external.data ?? []
  if (list.length === 0 && !external.isError) return null
  return (
    <section className="card" aria-labelledby="external-title">
      <h2 id="external-title">Other local clusters</h2>
      <p className="muted small">
        Found in your kubeconfig by their context names. Their own tools start, stop and delete them; Skiff
        can still show what runs in them (pick the context).
      </p>
      {external.isError && <p className="field-error">{external.error.message}</p>}
      {list.length > 0 && (
        <DataTable labelledBy="external-title" columns={columns} rows={list} rowKey={(c) => c.contextName} />
      )}
    </section>
  )
}
