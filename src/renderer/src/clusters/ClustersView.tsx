import { useState } from 'react'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { ApiError, ClusterInfo, Detection, JobInfo, MethodInput } from '@shared/contract'
import { api } from '../api/client'
import { useCall } from '../api/hooks'
import { Dialog } from '../components/Dialog'
import { ErrorBox } from '../components/ErrorBox'
import { useNotice } from '../components/Notice'
import { CreateClusterDialog } from './CreateClusterDialog'
import { JobProgress } from './JobProgress'
import { PrerequisitesCard } from './PrerequisitesCard'

export function ClustersView() {
  const list = useCall('clusters.list', {})
  const detect = useCall('clusters.detect', {})
  const [creating, setCreating] = useState(false)
  const [jobs, setJobs] = useState<JobInfo[]>([])
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set())
  const client = useQueryClient()
  const notice = useNotice()
  const action = useMutation<JobInfo, ApiError, MethodInput<'clusters.action'>>({
    mutationFn: (input) => api.call('clusters.action', input),
    onSuccess: (job) => setJobs((j) => [job, ...j]),
    onError: (err) => notice('error', err.message),
  })
  const [confirmDelete, setConfirmDelete] = useState<ClusterInfo | undefined>()

  // Jobs the backend knows of that are running or ended in the last 10 minutes are shown too (after a reload,
  // or when the view was re-opened), so a failure's message and log are never lost by navigating away.
  const recent = (j: JobInfo): boolean => j.status === 'running' || Date.now() - (j.endedAt ?? 0) < 600_000
  const shown = [
    ...jobs,
    ...(list.data?.jobs ?? []).filter((j) => recent(j) && !jobs.some((x) => x.id === j.id)),
  ].filter((j) => !dismissed.has(j.id))
  const detections: Detection[] = detect.data ?? []

  return (
    <div className="stack">
      <div className="toolbar">
        <button type="button" onClick={() => setCreating(true)}>
          New cluster
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => {
            void client.invalidateQueries({ queryKey: ['clusters.list'] })
            void client.invalidateQueries({ queryKey: ['clusters.detect'] })
          }}
        >
          {list.isFetching ? 'Refreshing…' : 'Refresh'}
        </button>
      </div>
      {shown.map((job) => (
        <JobProgress key={job.id} job={job} onDismiss={() => setDismissed((d) => new Set(d).add(job.id))} />
      ))}
      <section className="card" aria-labelledby="clusters-title">
        <h2 id="clusters-title">Clusters</h2>
        {list.isPending && <p className="muted">Asking kind, minikube and the sandbox for their clusters…</p>}
        {list.isError && <ErrorBox error={list.error} title="Could not list clusters" />}
        {list.data?.errors.map((e) => (
          <p key={e.provider} className="field-error">
            {e.provider}: {e.message}
            {e.advice ? ` (${e.advice})` : ''}
          </p>
        ))}
        {list.data && list.data.clusters.length === 0 && (
          <div className="empty-state">
            <p className="empty-title">No clusters yet</p>
            <p>Choose “New cluster”. The sandbox needs nothing installed and starts in a second.</p>
          </div>
        )}
        {list.data && list.data.clusters.length > 0 && (
          <table aria-labelledby="clusters-title">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Provider</th>
                <th scope="col">State</th>
                <th scope="col">Kubernetes</th>
                <th scope="col">Nodes</th>
                <th scope="col">Context</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.data.clusters.map((c) => (
                <tr key={`${c.provider}/${c.name}`} data-cluster={c.name}>
                  <th scope="row">{c.name}</th>
                  <td>
                    {c.provider} {c.simulated && <span className="pill warn">simulated</span>}
                  </td>
                  <td>
                    <span
                      className={`pill ${c.state === 'running' ? 'ok' : c.state === 'unknown' ? 'warn' : 'off'}`}
                    >
                      {c.state}
                    </span>
                    {c.detail && <div className="muted small">{c.detail}</div>}
                  </td>
                  <td>{c.kubernetesVersion ?? '—'}</td>
                  <td>{c.nodeCount ?? '—'}</td>
                  <td className="mono small">
                    {c.contextName}
                    {c.contextPresent === false && <span className="pill warn">missing</span>}
                  </td>
                  <td className="row-actions">
                    {c.provider !== 'kind' && c.state === 'stopped' && (
                      <button
                        type="button"
                        onClick={() => action.mutate({ provider: c.provider, name: c.name, action: 'start' })}
                      >
                        Start
                      </button>
                    )}
                    {c.provider !== 'kind' && c.state === 'running' && (
                      <button
                        type="button"
                        className="secondary"
                        onClick={() => action.mutate({ provider: c.provider, name: c.name, action: 'stop' })}
                      >
                        Stop
                      </button>
                    )}
                    {c.provider === 'minikube' && (c.state === 'running' || c.state === 'paused') && (
                      <button
                        type="button"
                        className="secondary"
                        onClick={() =>
                          action.mutate({
                            provider: c.provider,
                            name: c.name,
                            action: c.state === 'paused' ? 'unpause' : 'pause',
                          })
                        }
                      >
                        {c.state === 'paused' ? 'Unpause' : 'Pause'}
                      </button>
                    )}
                    <button
                      type="button"
                      className="secondary"
                      onClick={() => setConfirmDelete(c)}
                      aria-label={`Delete ${c.name}`}
                    >
                      Delete…
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <PrerequisitesCard detections={detections} pending={detect.isPending} />
      <CreateClusterDialog
        open={creating}
        onClose={() => setCreating(false)}
        detections={detections}
        onStarted={(job) => setJobs((j) => [job, ...j])}
      />
      {confirmDelete && (
        <DeleteClusterDialog
          cluster={confirmDelete}
          onClose={() => setConfirmDelete(undefined)}
          onConfirm={() => {
            action.mutate({ provider: confirmDelete.provider, name: confirmDelete.name, action: 'delete' })
            setConfirmDelete(undefined)
          }}
        />
      )}
    </div>
  )
}

function DeleteClusterDialog(props: { cluster: ClusterInfo; onClose: () => void; onConfirm: () => void }) {
  const c = props.cluster
  return (
    <Dialog title={`Delete ${c.name}?`} open onClose={props.onClose}>
      <p>
        This deletes the {c.provider} cluster “{c.name}”, everything running in it, and its kubeconfig context
        “{c.contextName}”.
      </p>
      <div className="dialog-buttons">
        <button type="button" className="secondary" onClick={props.onClose}>
          Cancel
        </button>
        <button type="button" className="danger" onClick={props.onConfirm}>
          Delete cluster
        </button>
      </div>
    </Dialog>
  )
}
