import { useState } from 'react'
import { ErrorBox } from '../components/ErrorBox'
import { useActiveContext } from './active-context'
import { useContexts } from './useContexts'
import { useContextAction } from './useContextAction'
import { ContextDialogs, type ContextDialog } from './ContextDialogs'
import { ContextsTable } from './ContextsTable'
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
          <span className="muted small mono-wrap">
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
          <ContextsTable
            contexts={list}
            viewing={active.name}
            busy={use.isPending}
            onUse={(c) => use.mutate({ name: c.name })}
            onDialog={(kind, context) => setDialog({ kind, context })}
          />
        )}
      </section>
      <ImportCard files={contexts.data.candidates.filter((p) => !broken.some((b) => b.path === p))} />
      <BackupsCard />
      <ContextDialogs dialog={dialog} onClose={() => setDialog(undefined)} />
    </div>
  )
}
