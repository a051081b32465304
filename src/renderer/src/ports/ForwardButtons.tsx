import { useState, type ReactNode } from 'react'
import type { ApiError, PortForward } from '@shared/contract'
import { api } from '../api/client'
import { useCall } from '../api/hooks'
import { ErrorBox } from '../components/ErrorBox'
import { ForwardActions } from './ForwardActions'
import './ports.css'

export interface ForwardTargetRef {
  context?: string
  namespace: string
  kind: 'pod' | 'service'
  name: string
}

/** A pod's container ports or a Service's ports, each with a Forward button and an optional local port. */
export function ForwardButtons({ target }: { target: ForwardTargetRef }): ReactNode {
  const ref = { ...(target.context ? { context: target.context } : {}), namespace: target.namespace }
  const ports = useCall('ports.candidates', { ...ref, target: { kind: target.kind, name: target.name } })
  const [local, setLocal] = useState('')
  const [busy, setBusy] = useState<number>()
  const [error, setError] = useState<ApiError>()
  const [started, setStarted] = useState<PortForward>()
  const localPort = local.trim() ? Number(local) : undefined
  const localProblem =
    localPort !== undefined && !(Number.isInteger(localPort) && localPort >= 1024 && localPort <= 65535)
      ? 'A local port is a whole number from 1024 to 65535.'
      : undefined

  const start = async (port: number): Promise<void> => {
    setBusy(port)
    setError(undefined)
    try {
      setStarted(
        await api.call('ports.start', {
          ...ref,
          target: { kind: target.kind, name: target.name },
          port,
          ...(localPort !== undefined ? { localPort } : {}),
        }),
      )
    } catch (err) {
      setError(err as ApiError)
    } finally {
      setBusy(undefined)
    }
  }

  if (ports.isPending) return <p className="muted">Loading ports…</p>
  if (ports.error) return <ErrorBox error={ports.error} title="Could not read the ports" />
  if (ports.data.length === 0)
    return (
      <p className="muted">
        {target.kind === 'pod' ? 'No container of this pod declares a port.' : 'This Service has no ports.'}
      </p>
    )
  return (
    <div className="forward-buttons">
      <label className="small">
        Local port{' '}
        <input
          inputMode="numeric"
          placeholder="any free"
          value={local}
          onChange={(e) => setLocal(e.target.value)}
          aria-invalid={localProblem ? true : undefined}
          size={8}
        />
      </label>
      {localProblem && <p className="field-error small">{localProblem}</p>}
      <ul className="forward-list">
        {ports.data.map((p) => (
          <li key={`${p.container ?? ''}/${p.port}`}>
            <span className="mono">
              {p.port}/{p.protocol}
            </span>
            <span className="muted small">
              {[
                p.name,
                p.container && `container ${p.container}`,
                p.targetPort && `→ pod port ${p.targetPort}`,
              ]
                .filter(Boolean)
                .join(' · ')}
            </span>
            <button
              type="button"
              className="compact"
              disabled={busy !== undefined || !!localProblem || p.protocol !== 'TCP'}
              onClick={() => void start(p.port)}
            >
              {busy === p.port ? 'Starting…' : `Forward ${p.port}`}
            </button>
          </li>
        ))}
      </ul>
      {error && <ErrorBox error={error} title="The forward did not start" />}
      {started && (
        <div className="forward-started" role="status">
          Forwarding <a href={started.url}>{started.url}</a> → pod {started.pod}:{started.podPort}
          <ForwardActions forward={started} />
        </div>
      )}
    </div>
  )
}
