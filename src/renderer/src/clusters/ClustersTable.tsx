import type { ClusterInfo, MethodInput } from '@shared/contract'
import { DataTable, type DataColumn } from '../components/DataTable'

type Act = (input: MethodInput<'clusters.action'>) => void

const stateClass = (s: ClusterInfo['state']): string =>
  s === 'running' ? 'ok' : s === 'unknown' ? 'warn' : 'off'

function ClusterActions({ c, act, onDelete }: { c: ClusterInfo; act: Act; onDelete: () => void }) {
  const run = (action: MethodInput<'clusters.action'>['action']): void =>
    act({ provider: c.provider, name: c.name, action })
  return (
    <>
      {c.provider !== 'kind' && c.state === 'stopped' && (
        <button type="button" onClick={() => run('start')}>
          Start
        </button>
      )}
      {c.provider !== 'kind' && c.state === 'running' && (
        <button type="button" className="secondary" onClick={() => run('stop')}>
          Stop
        </button>
      )}
      {c.provider === 'minikube' && (c.state === 'running' || c.state === 'paused') && (
        <button
          type="button"
          className="secondary"
          onClick={() => run(c.state === 'paused' ? 'unpause' : 'pause')}
        >
          {c.state === 'paused' ? 'Unpause' : 'Pause'}
        </button>
      )}
      <button type="button" className="secondary" onClick={onDelete} aria-label={`Delete ${c.name}`}>
        Delete…
      </button>
    </>
  )
}

function columns(act: Act, onDelete: (c: ClusterInfo) => void): DataColumn<ClusterInfo>[] {
  return [
    { id: 'name', header: 'Name', rowHeader: true, cell: (c) => c.name, sortValue: (c) => c.name },
    {
      id: 'provider',
      header: 'Provider',
      cell: (c) => (
        <>
          {c.provider} {c.simulated && <span className="pill warn">simulated</span>}
        </>
      ),
      sortValue: (c) => c.provider,
    },
    {
      id: 'state',
      header: 'State',
      cell: (c) => (
        <>
          <span className={`pill ${stateClass(c.state)}`}>{c.state}</span>
          {c.detail && <div className="muted small">{c.detail}</div>}
        </>
      ),
      sortValue: (c) => c.state,
    },
    {
      id: 'version',
      header: 'Kubernetes',
      cell: (c) => c.kubernetesVersion ?? '—',
      sortValue: (c) => c.kubernetesVersion,
    },
    {
      id: 'nodes',
      header: 'Nodes',
      cell: (c) => c.nodeCount ?? '—',
      sortValue: (c) => c.nodeCount,
      priority: 'low',
    },
    {
      id: 'context',
      header: 'Context',
      className: 'mono small',
      cell: (c) => (
        <>
          {c.contextName}
          {c.contextPresent === false && <span className="pill warn">missing</span>}
        </>
      ),
      sortValue: (c) => c.contextName,
      priority: 'medium',
    },
    {
      id: 'actions',
      header: 'Actions',
      hideHeader: true,
      className: 'row-actions',
      cell: (c) => <ClusterActions c={c} act={act} onDelete={() => onDelete(c)} />,
    },
  ]
}

/** The clusters Skiff manages, one row each, with what can be done to each. */
export function ClustersTable(props: {
  clusters: readonly ClusterInfo[]
  act: Act
  onDelete: (c: ClusterInfo) => void
}) {
  return (
    <DataTable
      labelledBy="clusters-title"
      columns={columns(props.act, props.onDelete)}
      rows={props.clusters}
      rowKey={(c) => `${c.provider}/${c.name}`}
      rowAttributes={(c) => ({ 'data-cluster': c.name })}
    />
  )
}
