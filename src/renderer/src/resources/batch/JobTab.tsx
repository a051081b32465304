import { useState, type ReactNode } from 'react'
import { useQuery } from '@tanstack/react-query'
import type { ApiError, JobState } from '@shared/contract'
import { api } from '../../api/client'
import { ErrorBox } from '../../components/ErrorBox'
import { LogViewer } from '../../logs/LogViewer'
import { StatusText } from '../columns/base'
import { completionsText, JobStateText } from './JobStateText'
import './batch.css'

interface Ref {
  context?: string
  namespace: string
  name: string
}

/** A Job's completions, its pods and the chosen pod's log (the newest pod's until another is picked). */
export function JobTab({ target }: { target: Ref }): ReactNode {
  const state = useQuery<JobState, ApiError>({
    queryKey: ['jobs.state', target],
    queryFn: () => api.call('jobs.state', target),
    refetchInterval: 3000,
  })
  const [picked, setPicked] = useState<string>()
  if (state.isPending) return <p className="muted">Loading the job…</p>
  if (state.isError) return <ErrorBox error={state.error} title="Could not read this job" />
  const j = state.data
  const pod = j.pods.find((p) => p.name === picked) ?? j.pods[j.pods.length - 1]
  return (
    <div className="batch-view">
      <p>
        <JobStateText job={j} /> · {completionsText(j)} completions · {j.active} running · {j.failed} failed
        {j.parallelism > 1 ? ` · up to ${j.parallelism} at once` : ''}
      </p>
      <h3>Pods</h3>
      {j.pods.length === 0 ? (
        <p className="muted">No pods: the job has not started one yet, or they were cleaned up.</p>
      ) : (
        <ul className="job-pods" aria-label="Pods">
          {j.pods.map((p) => (
            <li key={p.name}>
              <button
                type="button"
                className="link-button mono small"
                aria-pressed={p.name === pod?.name}
                onClick={() => setPicked(p.name)}
              >
                {p.name}
              </button>{' '}
              <StatusText status={p.phase} />
              {p.restarts > 0 && <span className="muted small"> · {p.restarts} restarts</span>}
            </li>
          ))}
        </ul>
      )}
      {pod && (
        <div className="job-log">
          <h3>Log of {pod.name}</h3>
          <LogViewer
            key={pod.name}
            {...(target.context ? { context: target.context } : {})}
            namespace={target.namespace}
            pod={pod.name}
            containers={pod.containers}
          />
        </div>
      )}
    </div>
  )
}
