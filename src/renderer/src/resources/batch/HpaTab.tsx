import type { ReactNode } from 'react'
import { useQuery } from '@tanstack/react-query'
import type { ApiError, HpaState } from '@shared/contract'
import { api } from '../../api/client'
import { ErrorBox } from '../../components/ErrorBox'
import { WhenText } from './WhenText'
import './batch.css'

interface Ref {
  context?: string
  namespace: string
  name: string
}

/** Replicas as steps across the rescales (oldest left), scaled to maxReplicas; the table below has the words. */
function ReplicaSteps({ s }: { s: HpaState }): ReactNode {
  if (s.rescales.length === 0) return null
  const w = 320
  const h = 60
  const top = Math.max(s.maxReplicas, ...s.rescales.map((r) => r.size), 1)
  const step = w / s.rescales.length
  const y = (n: number): number => h - 4 - (n / top) * (h - 8)
  const points = s.rescales.flatMap((r, i) => [`${i * step},${y(r.size)}`, `${(i + 1) * step},${y(r.size)}`])
  return (
    <svg
      className="hpa-steps"
      viewBox={`0 0 ${w} ${h}`}
      role="img"
      aria-label={`Replicas over time: ${s.rescales.map((r) => r.size).join(', ')}`}
    >
      <line x1="0" x2={w} y1={y(s.maxReplicas)} y2={y(s.maxReplicas)} className="hpa-max" />
      <polyline points={points.join(' ')} fill="none" />
    </svg>
  )
}

/** An autoscaler: each metric now against its target, replicas within bounds, and its rescales over time. */
export function HpaTab({ target }: { target: Ref }): ReactNode {
  const state = useQuery<HpaState, ApiError>({
    queryKey: ['hpa.state', target],
    queryFn: () => api.call('hpa.state', target),
    refetchInterval: 5000,
  })
  if (state.isPending) return <p className="muted">Loading the autoscaler…</p>
  if (state.isError) return <ErrorBox error={state.error} title="Could not read this autoscaler" />
  const s = state.data
  return (
    <div className="batch-view">
      <p>
        Scales <span className="mono">{s.scaleTarget}</span> between {s.minReplicas} and {s.maxReplicas}{' '}
        replicas: <strong>{s.currentReplicas}</strong> now
        {s.desiredReplicas !== s.currentReplicas ? `, ${s.desiredReplicas} wanted` : ''}.
      </p>
      <table aria-label="Metrics">
        <thead>
          <tr>
            <th scope="col">Metric</th>
            <th scope="col">Now</th>
            <th scope="col">Target</th>
          </tr>
        </thead>
        <tbody>
          {s.metrics.map((m) => (
            <tr key={m.name}>
              <td className="mono small">{m.name}</td>
              <td className="small">{m.current ?? <span className="muted">not read yet</span>}</td>
              <td className="small">{m.target}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>Replicas over time</h3>
      {s.rescales.length === 0 ? (
        <p className="muted">No rescales in the events the cluster keeps (about an hour).</p>
      ) : (
        <>
          <ReplicaSteps s={s} />
          <table aria-label="Rescales">
            <tbody>
              {[...s.rescales].reverse().map((r) => (
                <tr key={`${r.at}/${r.size}`}>
                  <td className="small">
                    <WhenText iso={r.at} />
                  </td>
                  <td className="small">
                    <strong>{r.size}</strong>
                  </td>
                  <td className="small">{r.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  )
}
