import { useState } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import type { ClusterInfo } from '@shared/contract'
import { api } from '../api/client'
import { ErrorBox } from '../components/ErrorBox'
import { useNotice } from '../components/Notice'
import { contextsKey } from '../contexts/useContexts'
import { CreateClusterDialog } from './CreateClusterDialog'
import { DevLoopCard } from './DevLoopCard'
import { ClustersTable } from './ClustersTable'
import { DeleteClusterDialog } from './DeleteClusterDialog'
import { ExternalClustersCard } from './ExternalClustersCard'
import { JobProgress } from './JobProgress'
import { PrerequisitesCard } from './PrerequisitesCard'
import { afterJobSucceeds } from './after-job'
import { useClusters } from './useClusters'
import { useJobs } from './useJobs'
import { useIntent } from '../palette/intents'

export function ClustersView() {
  const [creating, setCreating] = useState(false)
  const [confirmDelete, setConfirmDelete] = useState<ClusterInfo | undefined>()
  const clusters = useClusters((job) => jobs.started(job))
  const jobs = useJobs(clusters.list.data?.jobs ?? [])
  const { list } = clusters
  useIntent('new-cluster', () => (setCreating(true), true))
  const client = useQueryClient()
  const notice = useNotice()
  // The context picked in the delete dialog, once the cluster is gone: shown at once from the answer, and a
  // refusal (the kubeconfig locked by kubectl) said in words instead of a header left on the deleted context.
  const switchTo = (name: string): void =>
    void api.call('contexts.use', { name }).then(
      (state) => client.setQueryData(contextsKey, state),
      (err: Error) =>
        notice('error', `The cluster was deleted, but switching to “${name}” failed: ${err.message}`),
    )

  return (
    <div className="stack">
      <div className="toolbar">
        <button type="button" onClick={() => setCreating(true)}>
          New cluster
        </button>
        <button type="button" className="secondary" onClick={clusters.refresh} disabled={clusters.refreshing}>
          {clusters.refreshing ? 'Checking…' : 'Check again'}
        </button>
      </div>
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
          <ClustersTable
            clusters={list.data.clusters}
            act={clusters.action.mutate}
            onDelete={setConfirmDelete}
          />
        )}
      </section>
      {/* Below the table, so a few finished jobs never push the clusters out of sight. */}
      {jobs.jobs.map((job) => (
        <JobProgress key={job.id} job={job} onDismiss={() => jobs.dismiss(job.id)} />
      ))}
      <DevLoopCard clusters={list.data?.clusters ?? []} onStarted={jobs.started} />
      <ExternalClustersCard />
      <PrerequisitesCard detections={clusters.detections} pending={clusters.detecting} />
      <CreateClusterDialog
        open={creating}
        onClose={() => setCreating(false)}
        detections={clusters.detections}
        onStarted={jobs.started}
      />
      {confirmDelete && (
        <DeleteClusterDialog
          cluster={confirmDelete}
          onClose={() => setConfirmDelete(undefined)}
          onConfirm={(next) => {
            const c = confirmDelete
            clusters.action.mutate(
              { provider: c.provider, name: c.name, action: 'delete' },
              {
                onSuccess: (job) => next && afterJobSucceeds(job.id, () => switchTo(next)),
              },
            )
            setConfirmDelete(undefined)
          }}
        />
      )}
    </div>
  )
}
