import { useEffect, useState } from 'react'
import type { RolloutKind } from '@shared/contract'
import { api } from '../api/client'
import { useCall, useStream } from '../api/hooks'
import { ErrorBox } from '../components/ErrorBox'
import { useNotice } from '../components/Notice'
import { RevisionDiffDialog, type DiffRequest } from './RevisionDiffDialog'
import { RevisionTimeline } from './RevisionTimeline'
import { CompareForm } from './CompareForm'
import { SetImageForm } from './SetImageForm'
import './actions.css'

export interface RolloutPanelProps {
  context?: string
  namespace: string
  name: string
  /** Deployments (the default) roll out through ReplicaSets, StatefulSets and DaemonSets through revisions. */
  kind?: RolloutKind
  /** Container names of the pod template, for "set image"; the current revision's when not given. */
  containers?: string[]
}

/** Live rollout status, restart, pause/resume, set image and the revision timeline with rollback. */
export function RolloutPanel({ context, namespace, name, kind, containers }: RolloutPanelProps) {
  const notice = useNotice()
  const ref = { ...(context ? { context } : {}), namespace, name, ...(kind ? { kind } : {}) }
  // Only Deployments can be paused (kubectl rollout pause refuses the other kinds).
  const pausable = (kind ?? 'deployments') === 'deployments'
  const status = useStream('rollout.watchStatus', ref)
  const history = useCall('rollout.history', ref)
  const [busy, setBusy] = useState(false)
  const [diff, setDiff] = useState<DiffRequest | undefined>()
  const live = status.last
  const currentRevision = history.data?.revisions.find((r) => r.current)
  const current = currentRevision?.revision
  const containerNames = containers ?? currentRevision?.containers ?? []

  const { refetch } = history
  useEffect(() => {
    // A new revision or a finished rollout changes the timeline (replica counts, the current mark).
    void refetch()
  }, [live?.revision, live?.done, refetch])

  const run = async (what: string, call: () => Promise<string>): Promise<void> => {
    setBusy(true)
    try {
      notice('ok', await call())
      void refetch()
    } catch (err) {
      notice('error', `${what} failed: ${err instanceof Error ? err.message : String(err)}`)
    } finally {
      setBusy(false)
    }
  }

  const rollback = (revision: number): void => {
    setDiff(undefined)
    void run('Rollback', async () => {
      const r = await api.call('rollout.undo', { ...ref, toRevision: revision })
      return r.rolledBack ? `Rolled ${name} back to revision ${r.toRevision}.` : r.message
    })
  }

  return (
    <div className="rollout-panel">
      <div
        className={`rollout-status${live?.done ? ' done' : ''}${live?.failed ? ' failed' : ''}`}
        role="status"
        aria-label="Rollout status"
      >
        {status.error ? status.error.message : (live?.message ?? 'Reading the rollout status…')}
        {live?.paused && ' (paused)'}
      </div>
      <div className="rollout-actions">
        <button
          type="button"
          disabled={busy || live?.paused}
          title={live?.paused ? 'Resume the rollout first' : undefined}
          onClick={() =>
            run('Restart', async () => {
              await api.call('rollout.restart', ref)
              return `Restarting ${name}: new pods replace the old ones.`
            })
          }
        >
          Restart
        </button>
        {pausable && (
          <button
            type="button"
            className="secondary"
            disabled={busy || !live}
            onClick={() =>
              run(live?.paused ? 'Resume' : 'Pause', async () => {
                const r = await api.call(live?.paused ? 'rollout.resume' : 'rollout.pause', ref)
                return r.paused ? `Paused rollouts of ${name}.` : `Resumed rollouts of ${name}.`
              })
            }
          >
            {live?.paused ? 'Resume' : 'Pause'}
          </button>
        )}
        <SetImageForm
          // Its container choice starts afresh when the names arrive (with the history, for sets).
          key={containerNames.join(',')}
          containers={containerNames}
          disabled={busy}
          onSubmit={(container, image) =>
            run('Set image', async () => {
              const r = await api.call('deployments.setImage', { ...ref, container, image })
              return r.changed
                ? `Set ${container} to ${image}: a new revision rolls out.`
                : `${container} already runs ${image}.`
            })
          }
        />
      </div>
      <h3>Revisions</h3>
      {history.data && history.data.revisions.length > 1 && (
        <CompareForm
          // Its choices start from the newest two; new or removed revisions start it afresh.
          key={history.data.revisions.map((r) => r.revision).join(',')}
          revisions={history.data.revisions.map((r) => r.revision)}
          onCompare={(base, revision) => setDiff({ base, revision })}
        />
      )}
      {history.error && <ErrorBox error={history.error} title="The history could not be read" />}
      {history.data && (
        <RevisionTimeline
          revisions={history.data.revisions}
          disabled={busy || live?.paused}
          onCompare={(revision) => current !== undefined && setDiff({ revision, base: current })}
          onRollback={(revision) =>
            current !== undefined && setDiff({ revision, base: current, rollback: true })
          }
        />
      )}
      <RevisionDiffDialog
        context={context}
        namespace={namespace}
        name={name}
        {...(kind ? { kind } : {})}
        request={diff}
        currentRevision={current}
        onClose={() => setDiff(undefined)}
        onConfirmRollback={rollback}
      />
    </div>
  )
}
