import { useEffect, useId, useRef, useState, type ReactNode } from 'react'
import { useMutation } from '@tanstack/react-query'
import type { ApiError, ObjectRef } from '@shared/contract'
import { api } from '../../api/client'
import { ErrorBox } from '../../components/ErrorBox'
import { kindOfResource } from '../kind-names'
import '../detail/detail.css'

/** A Delete button whose confirmation asks the person to type the object's name. */
export function DeleteWithTypedConfirm({
  target,
  consequence,
  onDeleted,
}: {
  target: ObjectRef & { context?: string }
  consequence: string
  onDeleted?: () => void
}): ReactNode {
  const dialog = useRef<HTMLDialogElement>(null)
  const [open, setOpen] = useState(false)
  const [typed, setTyped] = useState('')
  const id = useId()
  const del = useMutation<{ deleted: true }, ApiError>({
    mutationFn: () => api.call('resources.delete', target),
    onSuccess: () => {
      setOpen(false)
      onDeleted?.()
    },
  })
  useEffect(() => {
    const d = dialog.current
    if (!d) return
    if (open && !d.open) d.showModal()
    if (!open && d.open) d.close()
  }, [open])

  const kind = kindOfResource[target.kind]
  return (
    <>
      <button
        type="button"
        className="danger compact"
        onClick={() => {
          setTyped('')
          del.reset()
          setOpen(true)
        }}
      >
        Delete
      </button>
      <dialog ref={dialog} className="confirm" aria-labelledby={`${id}-title`} onClose={() => setOpen(false)}>
        <form
          method="dialog"
          onSubmit={(e) => {
            e.preventDefault()
            if (typed === target.name) del.mutate()
          }}
        >
          <h2 id={`${id}-title`}>
            Delete {kind} {target.name}?
          </h2>
          <p>{consequence}</p>
          <label htmlFor={`${id}-name`}>
            Type <strong className="mono">{target.name}</strong> to confirm:
          </label>
          <input
            id={`${id}-name`}
            type="text"
            className="mono"
            autoComplete="off"
            spellCheck={false}
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            style={{ width: '100%', marginTop: 6 }}
          />
          {del.isError && <ErrorBox error={del.error} title={`Could not delete ${target.name}`} />}
          <div className="confirm-actions">
            <button type="button" className="secondary" onClick={() => setOpen(false)}>
              Cancel
            </button>
            <button type="submit" className="danger" disabled={typed !== target.name || del.isPending}>
              {del.isPending ? 'Deleting…' : `Delete ${kind.toLowerCase()}`}
            </button>
          </div>
        </form>
      </dialog>
    </>
  )
}
