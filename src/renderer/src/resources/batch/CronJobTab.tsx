import { useState, type ReactNode } from 'react'
import { useQuery } from '@tanstack/react-query'
import type { ApiError, CronJobState } from '@shared/contract'
import { api } from '../../api/client'
import { ErrorBox } from '../../components/ErrorBox'
import { useNotice } from '../../components/Notice'
import { Age } from '../columns/base'
import { WhenText } from './WhenText'
import { ObjectLink } from '../generic/ObjectLink'
import { completionsText, JobStateText } from './JobStateText'
import './batch.css'

interface Ref {
  context?: string
  namespace: string
  name: string
}

function History({ state, target }: { state: CronJobState; target: Ref }): ReactNode {
  if (state.jobs.length === 0)
    return <p className="muted">No runs kept. Run it now, or wait for the schedule.</p>
  return (
    <table aria-label="Runs">
      <thead>
        <tr>
          <th scope="col">Job</th>
          <th scope="col">Status</th>
          <th scope="col">Completions</th>
          <th scope="col">Started</th>
        </tr>
      </thead>
      <tbody>
        {state.jobs.map((j) => (
          <tr key={j.name}>
            <td>
              <ObjectLink context={target.context} kind="Job" namespace={target.namespace} name={j.name} />
              {j.manual && <span className="muted small"> · run now</span>}
            </td>
            <td>
              <JobStateText job={j} />
            </td>
            <td className="small">{completionsText(j)}</td>
            <td className="small">
              <Age iso={j.startTime ?? j.createdAt} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** A CronJob's schedule, last and next runs, suspend/resume, "run now" and the runs it keeps. */
export function CronJobTab({ target }: { target: Ref }): ReactNode {
  const notice = useNotice()
  const state = useQuery<CronJobState, ApiError>({
    queryKey: ['cronjobs.state', target],
    queryFn: () => api.call('cronjobs.state', target),
    refetchInterval: 3000,
  })
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const act = async (what: () => Promise<string>): Promise<void> => {
    setBusy(true)
    setError(undefined)
    try {
      notice('ok', await what())
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err))
    } finally {
      setBusy(false)
      void state.refetch()
    }
  }
  if (state.isPending) return <p className="muted">Loading the schedule…</p>
  if (state.isError) return <ErrorBox error={state.error} title="Could not read this cron job" />
  const s = state.data
  return (
    <div className="batch-view">
      <div className="batch-bar">
        <button
          type="button"
          disabled={busy}
          onClick={() =>
            void act(async () => {
              const { job } = await api.call('cronjobs.runNow', target)
              return `Started job ${job} from ${target.name}.`
            })
          }
        >
          Run now
        </button>
        <button
          type="button"
          className="secondary"
          disabled={busy}
          onClick={() =>
            void act(async () => {
              const r = await api.call('cronjobs.suspend', { ...target, suspend: !s.suspend })
              return `${r.suspend ? 'Suspended' : 'Resumed'} ${target.name}.`
            })
          }
        >
          {s.suspend ? 'Resume' : 'Suspend'}
        </button>
      </div>
      {error && (
        <p className="delete-error" role="alert">
          {error}
        </p>
      )}
      <dl className="facts">
        <dt>Schedule</dt>
        <dd className="mono small">
          {s.schedule}
          {s.timeZone ? ` (${s.timeZone})` : ' (UTC)'}
        </dd>
        <dt>Next run</dt>
        <dd className="small">
          {s.suspend ? (
            <span className="status-text tone-warn">Suspended: the schedule starts no jobs</span>
          ) : s.nextScheduleTime ? (
            <WhenText iso={s.nextScheduleTime} />
          ) : (
            <span className="muted">Cannot read the schedule</span>
          )}
        </dd>
        <dt>Last scheduled</dt>
        <dd className="small">{s.lastScheduleTime ? <WhenText iso={s.lastScheduleTime} /> : 'Never'}</dd>
        <dt>Last success</dt>
        <dd className="small">{s.lastSuccessfulTime ? <WhenText iso={s.lastSuccessfulTime} /> : 'Never'}</dd>
        <dt>Overlapping runs</dt>
        <dd className="small">{s.concurrencyPolicy}</dd>
      </dl>
      <h3>Runs</h3>
      <History state={s} target={target} />
    </div>
  )
}
