import { useId, useState, type ReactNode } from 'react'
import { api } from '../../api/client'
import { Dialog } from '../../components/Dialog'
import { useNotice } from '../../components/Notice'
import { kindNames } from '../kind-names'
import type { Target } from './target'

const consequences: Partial<Record<Target['kind'], string>> = {
  pods: 'If a controller owns this pod (a ReplicaSet, for example), it starts a replacement.',
  deployments: 'Its ReplicaSets and their pods are deleted too.',
  replicasets: 'Its pods are deleted too. If a Deployment owns it, the Deployment creates it again.',
  services: 'Traffic to this service stops; its pods keep running.',
  nodes: 'The node leaves the cluster; pods bound to it are no longer tracked.',
}

/** The detail panel's Delete button: a confirmation (with a grace period for pods), then `resources.delete`. */
export function DeleteObject({ target, onDeleted }: { target: Target; onDeleted: () => void }): ReactNode {
  const notice = useNotice()
  const id = useId()
  const [open, setOpen] = useState(false)
  const [useGrace, setUseGrace] = useState(false)
  const [grace, setGrace] = useState('0')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const kind = kindNames[target.kind].singular
  const pod = target.kind === 'pods'
  const graceValue = Number(grace)
  const graceBad = useGrace && (!/^\d+$/.test(grace.trim()) || graceValue > 3600)

  const confirm = async (): Promise<void> => {
    setBusy(true)
    setError(undefined)
    try {
      await api.call('resources.delete', {
        ...target,
        ...(pod && useGrace ? { gracePeriodSeconds: graceValue } : {}),
      })
      notice('ok', `Deleted ${kind} ${target.name}.`)
      setOpen(false)
      onDeleted()
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err)
      setError(message)
      notice('error', `Could not delete ${target.name}: ${message}`)
    } finally {
      setBusy(false)
    }
  }

  return (
    <>
      <button
        type="button"
        className="danger compact"
        onClick={() => {
          setError(undefined)
          setOpen(true)
        }}
      >
        Delete
      </button>
      <Dialog title={`Delete ${kind} ${target.name}?`} open={open} onClose={() => setOpen(false)}>
        <p>{consequences[target.kind] ?? 'This cannot be undone.'}</p>
        {pod && (
          <div className="delete-grace">
            <label>
              <input type="checkbox" checked={useGrace} onChange={(e) => setUseGrace(e.target.checked)} /> Set
              a grace period
            </label>
            <label htmlFor={`${id}-grace`} className="sr-only">
              Grace period in seconds
            </label>
            <input
              id={`${id}-grace`}
              type="number"
              min={0}
              max={3600}
              step={1}
              disabled={!useGrace}
              aria-invalid={graceBad ? true : undefined}
              value={grace}
              onChange={(e) => setGrace(e.target.value)}
            />
            <span className="muted small">
              seconds ({useGrace ? '0 stops it at once' : 'otherwise the pod’s own, usually 30 s'})
            </span>
          </div>
        )}
        {graceBad && (
          <p className="delete-error" role="alert">
            The grace period is a whole number of seconds from 0 to 3600.
          </p>
        )}
        {error && (
          <p className="delete-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-buttons">
          <button type="button" className="secondary" onClick={() => setOpen(false)}>
            Cancel
          </button>
          <button type="button" className="danger" disabled={busy || graceBad} onClick={() => void confirm()}>
            {busy ? 'Deleting…' : `Delete ${kind}`}
          </button>
        </div>
      </Dialog>
    </>
  )
}
