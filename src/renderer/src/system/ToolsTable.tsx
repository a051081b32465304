import type { ToolStatus } from '@shared/contract'
import { DataTable, type DataColumn } from '../components/DataTable'

const toolPurpose: Record<ToolStatus['name'], string> = {
  kubectl: 'Kubernetes command line',
  kind: 'Kubernetes in Docker clusters',
  minikube: 'minikube clusters',
  docker: 'container engine for kind and minikube',
  podman: 'container engine (alternative to Docker)',
}

const status = (t: ToolStatus): { text: string; pill: string } =>
  !t.found
    ? { text: 'Not installed', pill: 'off' }
    : t.problem
      ? { text: 'Found, not answering', pill: 'warn' }
      : { text: 'Found', pill: 'ok' }

const columns: DataColumn<ToolStatus>[] = [
  {
    id: 'tool',
    header: 'Tool',
    rowHeader: true,
    cell: (t) => (
      <>
        {t.name}
        <div className="muted small">{toolPurpose[t.name]}</div>
      </>
    ),
    sortValue: (t) => t.name,
  },
  {
    id: 'status',
    header: 'Status',
    cell: (t) => <span className={`pill ${status(t).pill}`}>{status(t).text}</span>,
    sortValue: (t) => status(t).text,
  },
  { id: 'version', header: 'Version', className: 'mono', cell: (t) => t.version ?? t.problem ?? '—' },
  { id: 'path', header: 'Path', className: 'mono small', cell: (t) => t.path ?? '—', priority: 'low' },
]

/** The command-line tools Skiff drives, whether each is on PATH, and its version. */
export function ToolsTable({ tools }: { tools: readonly ToolStatus[] }) {
  return (
    <DataTable
      labelledBy="tools-title"
      columns={columns}
      rows={tools}
      rowKey={(t) => t.name}
      rowAttributes={(t) => ({ 'data-tool': t.name })}
    />
  )
}
