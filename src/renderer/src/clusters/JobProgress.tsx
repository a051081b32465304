import { useEffect, useRef, useState } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import type { JobEvent, JobInfo } from '@shared/contract'
import { api } from '../api/client'
import { useNotice } from '../components/Notice'
import { plural } from '../components/plural'

type Progress = Extract<JobEvent, { type: 'progress' }>
type Done = Extract<JobEvent, { type: 'done' }>

/** One job: a step bar and progress from the tool's own events, the raw log, cancel, and diagnostics to copy. */
export function JobProgress({ job, onDismiss }: { job: JobInfo; onDismiss: () => void }) {
  const [steps, setSteps] = useState<Progress[]>([])
  const [log, setLog] = useState<string[]>([])
  const [done, setDone] = useState<Done | undefined>()
  const [showLog, setShowLog] = useState(false)
  const client = useQueryClient()
  const notice = useNotice()
  const logRef = useRef<HTMLPreElement>(null)

  useEffect(() => {
    setSteps([])
    setLog([])
    return api.subscribe('jobs.watch', { id: job.id }, (e) => {
      if (e.type === 'progress') {
        setSteps((s) => [...s.filter((x) => x.step !== e.step), e].sort((a, b) => a.current - b.current))
      } else if (e.type === 'log')
        setLog((l) => (l.length > 5000 ? [...l.slice(-4000), e.line] : [...l, e.line]))
      else {
        setDone(e)
        void client.invalidateQueries({ queryKey: ['clusters.list'] })
        void client.invalidateQueries({ queryKey: ['contexts.list'] })
        for (const key of ['images.cluster', 'images.waiting', 'addons.list'])
          void client.invalidateQueries({ queryKey: [key] })
      }
    })
  }, [job.id, client])

  useEffect(() => {
    if (showLog && logRef.current) logRef.current.scrollTop = logRef.current.scrollHeight
  }, [log, showLog])

  const latest = steps[steps.length - 1]
  const total = latest?.total ?? 0
  const fraction = done?.ok
    ? 1
    : total
      ? Math.min(1, (latest!.current - (latest!.state === 'done' ? 0 : 0.5)) / total)
      : 0
  const title = `${ACTION_LABELS[job.action] ?? cap(job.action)} ${job.provider} cluster “${job.name}”`

  return (
    <section className={`card job ${done ? (done.ok ? 'job-ok' : 'job-failed') : ''}`} aria-label={title}>
      <div className="card-header">
        <h3>{title}</h3>
        {!done ? (
          <button
            type="button"
            className="secondary"
            onClick={() => void api.call('jobs.cancel', { id: job.id })}
          >
            Cancel
          </button>
        ) : (
          <button type="button" className="secondary" onClick={onDismiss}>
            Dismiss
          </button>
        )}
      </div>
      {!done?.ok && (
        <progress
          max={1}
          value={fraction}
          aria-label={`${title}: ${done ? done.status : latest ? `step ${latest.current} of ${latest.total}` : 'starting'}`}
        />
      )}
      {/* A job that went well shrinks to its summary: its steps are in the output if wanted. */}
      {!done?.ok && (
        <ol className="steps">
          {steps.map((s) => {
            // A job that succeeded finished every step, whatever the last progress event said.
            const state = done?.ok ? 'done' : s.state
            return (
              <li key={s.step} className={`step ${state}`}>
                <span aria-hidden="true">{state === 'done' ? '✓' : state === 'failed' ? '✗' : '•'}</span>{' '}
                {s.title}
              </li>
            )
          })}
          {steps.length === 0 && !done && <li className="muted">Starting…</li>}
        </ol>
      )}
      {done && (
        <div role={done.ok ? 'status' : 'alert'} className={done.ok ? 'job-summary' : 'error-box'}>
          {done.ok ? (
            done.summary
          ) : (
            <>
              <strong>{done.status === 'cancelled' ? 'Cancelled' : 'Failed'}</strong>
              <p>{done.error?.message ?? done.summary}</p>
              {done.error?.advice && <p>Advice: {done.error.advice}</p>}
              {done.error?.exitCode !== undefined && <p className="small">Exit code {done.error.exitCode}</p>}
            </>
          )}
        </div>
      )}
      <div className="job-tools">
        <button
          type="button"
          className="secondary"
          aria-expanded={showLog}
          onClick={() => setShowLog((v) => !v)}
        >
          {showLog ? 'Hide output' : `Show output (${plural(log.length, 'line')})`}
        </button>
        <button
          type="button"
          className="secondary"
          onClick={async () => {
            try {
              const { text } = await api.call('jobs.diagnostics', { id: job.id })
              await navigator.clipboard.writeText(text)
              notice('ok', 'Diagnostics copied: versions, command and output.')
            } catch (err) {
              notice('error', `Could not copy diagnostics: ${(err as Error).message}`)
            }
          }}
        >
          Copy diagnostics
        </button>
      </div>
      {showLog && (
        <pre ref={logRef} className="job-log" tabIndex={0} aria-label="Command output">
          {log.join('\n') || '(no output yet)'}
        </pre>
      )}
    </section>
  )
}

const ACTION_LABELS: Partial<Record<JobInfo['action'], string>> = {
  'load-image': 'Load image into',
  'enable-addon': 'Enable addon on',
  'disable-addon': 'Disable addon on',
  'service-url': 'Service URL from',
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1)
}
