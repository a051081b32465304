import type { ContextInfo } from '@shared/contract'
import { recognizeLocalCluster } from '@shared/local-clusters'
import { DataTable, type DataColumn } from '../components/DataTable'
import type { ContextDialog } from './ContextDialogs'

interface RowHandlers {
  viewing: string | undefined
  busy: boolean
  onUse: (c: ContextInfo) => void
  onDialog: (kind: ContextDialog['kind'], c: ContextInfo) => void
}

function NameCell({ c, viewing }: { c: ContextInfo; viewing: boolean }) {
  const local = recognizeLocalCluster(c.name)
  return (
    <>
      {c.name} {c.isCurrent && <span className="pill ok">current</span>}{' '}
      {viewing && !c.isCurrent && <span className="pill warn">viewing</span>}{' '}
      {local && (
        <span className="pill local" title={`A ${local.label} cluster, recognised by its context name`}>
          {local.label}
        </span>
      )}
    </>
  )
}

function Actions({ c, h }: { c: ContextInfo; h: RowHandlers }) {
  const dialogButton = (kind: ContextDialog['kind'], label: string, aria: string) => (
    <button type="button" className="secondary" onClick={() => h.onDialog(kind, c)} aria-label={aria}>
      {label}
    </button>
  )
  return (
    <>
      <button
        type="button"
        disabled={c.isCurrent || h.busy}
        onClick={() => h.onUse(c)}
        aria-label={`Use ${c.name}`}
      >
        Use
      </button>
      {dialogButton('namespace', 'Namespace…', `Set namespace of ${c.name}`)}
      {dialogButton('rename', 'Rename…', `Rename ${c.name}`)}
      {dialogButton('delete', 'Delete…', `Delete ${c.name}`)}
    </>
  )
}

function columns(h: RowHandlers): DataColumn<ContextInfo>[] {
  return [
    {
      id: 'name',
      header: 'Name',
      rowHeader: true,
      cell: (c) => <NameCell c={c} viewing={h.viewing === c.name} />,
      sortValue: (c) => c.name,
    },
    {
      id: 'cluster',
      header: 'Cluster',
      cell: (c) => c.cluster,
      sortValue: (c) => c.cluster,
      priority: 'low',
    },
    {
      id: 'server',
      header: 'Server',
      className: 'mono small',
      cell: (c) => c.server || '—',
      sortValue: (c) => c.server,
      priority: 'medium',
    },
    { id: 'user', header: 'User', cell: (c) => c.user, sortValue: (c) => c.user, priority: 'low' },
    {
      id: 'namespace',
      header: 'Namespace',
      cell: (c) => c.namespace || <span className="muted">default</span>,
      sortValue: (c) => c.namespace,
    },
    {
      id: 'file',
      header: 'File',
      className: 'mono small',
      cell: (c) => c.file,
      sortValue: (c) => c.file,
      priority: 'low',
    },
    {
      id: 'actions',
      header: 'Actions',
      hideHeader: true,
      className: 'row-actions',
      cell: (c) => <Actions c={c} h={h} />,
    },
  ]
}

/** The kubeconfig's contexts in file order, each with Use, Namespace, Rename and Delete. */
export function ContextsTable(props: { contexts: readonly ContextInfo[] } & RowHandlers) {
  return (
    <DataTable
      labelledBy="contexts-title"
      columns={columns(props)}
      rows={props.contexts}
      rowKey={(c) => c.name}
      rowAttributes={(c) => ({ 'data-context': c.name, 'aria-current': c.isCurrent ? 'true' : undefined })}
    />
  )
}
