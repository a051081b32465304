import type { ReactNode } from 'react'
import { useStream } from '../api/hooks'
import { ErrorBox } from '../components/ErrorBox'
import { ForwardActions } from './ForwardActions'
import './ports.css'

const stateClass = { active: 'ok', reconnecting: 'warn', failed: 'off' } as const
const stateText = { active: 'Active', reconnecting: 'Reconnecting', failed: 'Failed' } as const

/** Every port forward: where it listens, what it reaches, its state and what happened last. */
export function PortsPanel(): ReactNode {
  const forwards = useStream('ports.watch', {})
  if (forwards.error) return <ErrorBox error={forwards.error} title="Cannot list the port forwards" />
  if (!forwards.last) return <p className="muted">Loading…</p>
  if (forwards.last.length === 0)
    return (
      <div className="empty-state">
        <p className="empty-title">No port forwards</p>
        <p>
          Open a pod or a Service (in Workloads or Network) and press Forward on one of its ports. Forwards
          listen on 127.0.0.1 only and follow a replaced pod by themselves.
        </p>
      </div>
    )
  return (
    <table className="ports-table">
      <thead>
        <tr>
          <th scope="col">Local address</th>
          <th scope="col">Target</th>
          <th scope="col">Pod</th>
          <th scope="col">State</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {forwards.last.map((f) => (
          <tr key={f.id}>
            <td className="mono">
              <a href={f.url} target="_blank" rel="noopener noreferrer">
                {f.url}
              </a>
            </td>
            <td>
              {f.target.kind === 'service' ? 'Service' : 'Pod'} {f.namespace}/{f.target.name}:{f.remotePort}
              {f.context && <div className="muted small">{f.context}</div>}
            </td>
            <td className="mono">
              {f.pod}:{f.podPort}
            </td>
            <td>
              <span className={`pill ${stateClass[f.state]}`}>{stateText[f.state]}</span>
              {f.connections > 0 && <span className="muted small"> {f.connections} open</span>}
              {f.message && <div className="small forward-message">{f.message}</div>}
            </td>
            <td>
              <ForwardActions forward={f} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
