import { useState } from 'react'
import type { ContextInfo } from '@shared/contract'
import { ErrorBox } from '../components/ErrorBox'
import { useActiveContext } from './active-context'
import { useContexts } from './useContexts'
import { useContextAction } from './useContextAction'
import { ContextDialogs, type ContextDialog } from './ContextDialogs'
import { BackupsCard } from './BackupsCard'
import { ImportCard } from './ImportCard'

export function ContextsView() {
  const contexts = useContexts()
  const active = useActiveContext()
  const [dialog, setDialog] = useState<ContextDialog | undefined>()
  const use = useContextAction('contexts.use', (i) => `Switched the current context to “${i.name}”.`)

  if (contexts.isPending) return <p className="muted">Reading your kubeconfig…</p>
  if (contexts.isError) return <ErrorBox error={contexts.error} title="Could not read your kubeconfig" />
  const { files } = contexts.data
  const list = contexts.data.contexts
  const broken = files.filter((f) => f.status === 'broken')

  return (
    <div className="stack">
      {broken.map((f) => (
        <div className="error-box" role="alert" key={f.path}>
          <strong>{f.path} cannot be read</strong>
          <p>
            {f.error.message}
            {f.error.line !== undefined && ` (line ${f.error.line}, column ${f.error.col ?? 1})`}. Skiff shows
            the other files and never writes to this one until it is fixed.
          </p>
        </div>
      ))}
      <section className="card" aria-labelledby="contexts-title">
        <div className="card-header">
          <h2 id="contexts-title">Contexts</h2>
          <span className="muted small">
            Files:{' '}
            {files.map((f) => f.path).join(', ') || 'none yet (~/.kube/config will be created when needed)'}
          </span>
        </div>
        {list.length === 0 ? (
          <div className="empty-state">
            <p className="empty-title">No contexts yet</p>
            <p>
              Create a cluster in <a href="#clusters">Clusters</a> (the sandbox works on any machine), or
              import a kubeconfig file below.
            </p>
          </div>
        ) : (
          <table aria-labelledby="contexts-title">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Cluster</th>
                <th scope="col">Server</th>
                <th scope="col">User</th>
                <th scope="col">Namespace</th>
                <th scope="col">File</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((c) => (
                <ContextRow
                  key={c.name}
                  c={c}
                  viewing={active.name === c.name}
                  busy={use.isPending}
                  onUse={() => use.mutate({ name: c.name })}
                  onDialog={(kind) => setDialog({ kind, context: c })}
                />
              ))}
            </tbody>
          </table>
        )}
      </section>
      <ImportCard files={contexts.data.candidates.filter((p) => !broken.some((b) => b.path === p))} />
      <BackupsCard />
      <ContextDialogs dialog={dialog} onClose={() => setDialog(undefined)} />
    </div>
  )
}

function ContextRow(props: {
  c: ContextInfo
  viewing: boolean
  busy: boolean
  onUse: () => void
  onDialog: (kind: ContextDialog['kind']) => void
}) {
  const { c } = props
  return (
    <tr aria-current={c.isCurrent ? 'true' : undefined} data-context={c.name}>
      <th scope="row">
        {c.name} {c.isCurrent && <span className="pill ok">current</span>}{' '}
        {props.viewing && !c.isCurrent && <span className="pill warn">viewing</span>}
      </th>
      <td>{c.cluster}</td>
      <td className="mono small">{c.server || '—'}</td>
      <td>{c.user}</td>
      <td>{c.namespace || <span className="muted">default</span>}</td>
      <td className="mono small">{c.file}</td>
      <td className="row-actions">
        <button
          type="button"
          disabled={c.isCurrent || props.busy}
          onClick={props.onUse}
          aria-label={`Use ${c.name}`}
        >
          Use
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => props.onDialog('namespace')}
          aria-label={`Set namespace of ${c.name}`}
        >
          Namespace…
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => props.onDialog('rename')}
          aria-label={`Rename ${c.name}`}
        >
          Rename…
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => props.onDialog('delete')}
          aria-label={`Delete ${c.name}`}
        >
          Delete…
        </button>
      </td>
    </tr>
  )
}
