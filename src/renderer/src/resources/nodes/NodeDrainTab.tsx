import { useState, type ReactNode } from 'react'
import { useQuery } from '@tanstack/react-query'
import type { ApiError, DrainPlan, DrainPod, DrainResult } from '@shared/contract'
import { api } from '../../api/client'
import { Dialog } from '../../components/Dialog'
import { ErrorBox } from '../../components/ErrorBox'
import { useNotice } from '../../components/Notice'
import './nodes.css'

interface NodeTarget {
  context?: string
  name: string
}

const errorText = (err: unknown): string => (err instanceof Error ? err.message : String(err))

function PlanTable({ pods }: { pods: DrainPod[] }): ReactNode {
  if (pods.length === 0) return <p className="muted">No pods run on this node.</p>
  return (
    <table className="drain-plan">
      <thead>
        <tr>
          <th scope="col">Pod</th>
          <th scope="col">Controlled by</th>
          <th scope="col">On drain</th>
        </tr>
      </thead>
      <tbody>
        {pods.map((p) => (
          <tr key={`${p.namespace}/${p.name}`} className={p.blockedBy ? 'blocked' : p.action}>
            <td className="mono small">
              <span className="muted">{p.namespace}/</span>
              {p.name}
            </td>
            <td className="small">{p.owner ?? <span className="warn-text">none</span>}</td>
            <td className="small">
              <strong>
                {p.action === 'skip' ? 'Stays' : p.blockedBy ? 'Blocked by a budget' : 'Evicted'}
              </strong>
              {p.blockedBy && <div className="warn-text">{p.blockedBy}</div>}
              {p.notes.map((n) => (
                <div key={n} className="muted">
                  {n}
                </div>
              ))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function ResultNote({ result }: { result: DrainResult }): ReactNode {
  return (
    <div className="drain-result" role="status">
      <p>
        Evicted {result.evicted.length} pod{result.evicted.length === 1 ? '' : 's'}
        {result.blocked.length > 0 && `; ${result.blocked.length} refused by a disruption budget`}
        {result.failed.length > 0 && `; ${result.failed.length} failed`}.
      </p>
      {[...result.blocked, ...result.failed].map((b) => (
        <p key={b.pod} className="small">
          <span className="mono">{b.pod}</span>: {b.message}
        </p>
      ))}
      {result.blocked.length > 0 && (
        <p className="muted small">Drain again once their replacements are ready elsewhere.</p>
      )}
    </div>
  )
}

/** A node's cordon switch and drain: a preview of every pod's fate first, evictions through the Eviction API. */
export function NodeDrainTab({ target }: { target: NodeTarget }): ReactNode {
  const notice = useNotice()
  const input = { name: target.name, ...(target.context ? { context: target.context } : {}) }
  const plan = useQuery<DrainPlan, ApiError>({
    queryKey: ['nodes.drainPlan', input],
    queryFn: () => api.call('nodes.drainPlan', input),
    refetchInterval: 5000,
  })
  const [busy, setBusy] = useState(false)
  const [confirming, setConfirming] = useState(false)
  const [result, setResult] = useState<DrainResult>()
  const [error, setError] = useState<string>()

  const run = async (what: () => Promise<void>): Promise<void> => {
    setBusy(true)
    setError(undefined)
    try {
      await what()
    } catch (err) {
      setError(errorText(err))
    } finally {
      setBusy(false)
      void plan.refetch()
    }
  }
  const setCordon = (unschedulable: boolean): Promise<void> =>
    run(async () => {
      await api.call('nodes.cordon', { ...input, unschedulable })
      notice('ok', `${unschedulable ? 'Cordoned' : 'Uncordoned'} node ${target.name}.`)
    })
  const drain = (): Promise<void> =>
    run(async () => {
      setConfirming(false)
      setResult(await api.call('nodes.drain', input))
    })

  if (plan.isPending) return <p className="muted">Reading what runs on this node…</p>
  if (plan.isError) return <ErrorBox error={plan.error} title="Could not read this node’s pods" />
  const p = plan.data
  const evicted = p.pods.filter((x) => x.action === 'evict')
  const blocked = evicted.filter((x) => x.blockedBy)
  return (
    <div className="node-drain">
      <div className="node-drain-bar">
        <p className="grow" aria-live="polite">
          {p.unschedulable ? (
            <>
              <strong>Cordoned</strong>: no new pods are scheduled here.
            </>
          ) : (
            <>
              <strong>Schedulable</strong>: new pods may land here.
            </>
          )}
        </p>
        <button
          type="button"
          className="secondary compact"
          disabled={busy}
          onClick={() => void setCordon(!p.unschedulable)}
        >
          {p.unschedulable ? 'Uncordon' : 'Cordon'}
        </button>
        <button
          type="button"
          className="danger compact"
          disabled={busy || evicted.length === 0}
          onClick={() => setConfirming(true)}
        >
          {busy ? 'Working…' : 'Drain…'}
        </button>
      </div>
      {error && (
        <p className="delete-error" role="alert">
          {error}
        </p>
      )}
      {result && <ResultNote result={result} />}
      <h3>
        Drain preview: {evicted.length} to evict
        {blocked.length > 0 ? `, ${blocked.length} blocked now` : ''}
      </h3>
      <PlanTable pods={p.pods} />
      <Dialog title={`Drain node ${target.name}?`} open={confirming} onClose={() => setConfirming(false)}>
        <p>
          The node is cordoned, then {evicted.length} pod{evicted.length === 1 ? ' is' : 's are'} evicted.
          DaemonSet and static pods stay.
          {blocked.length > 0 &&
            ` ${blocked.length} will be refused by a disruption budget until replacements are ready.`}
        </p>
        <div className="dialog-buttons">
          <button type="button" className="secondary" onClick={() => setConfirming(false)}>
            Cancel
          </button>
          <button type="button" className="danger" onClick={() => void drain()}>
            Drain
          </button>
        </div>
      </Dialog>
    </div>
  )
}
