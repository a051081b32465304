import { useState } from 'react'
import type { ContextInfo } from '@shared/contract'
import { Dialog } from '../components/Dialog'
import { DialogButtons } from './DialogButtons'
import { NextContextField } from './NextContextField'
import { nextContextAfter } from './next-context'
import { useContextAction } from './useContextAction'
import { useContexts } from './useContexts'

/** Deletes a context (and, if asked, its unused cluster and user); for the current one, asks what comes next. */
export function DeleteContextDialog({ c, onClose }: { c: ContextInfo; onClose: () => void }) {
  const [withEntries, setWithEntries] = useState(false)
  const contexts = useContexts().data?.contexts ?? []
  const [next, setNext] = useState(() => nextContextAfter(contexts, c.name) ?? '')
  const use = useContextAction('contexts.use', (i) => `The current context is now “${i.name}”.`)
  const action = useContextAction('contexts.delete', (i) =>
    i.withClusterAndUser
      ? `Deleted “${i.name}” and its unused cluster and user entries.`
      : `Deleted context “${i.name}”.`,
  )
  return (
    <Dialog title={`Delete ${c.name}?`} open onClose={onClose}>
      <p>
        This removes the context from <span className="mono">{c.file}</span>. A backup is kept and can be
        restored from this screen.
      </p>
      {c.isCurrent && (
        <NextContextField removed={c.name} contexts={contexts} value={next} onChange={setNext} />
      )}
      <label className="checkbox">
        <input type="checkbox" checked={withEntries} onChange={(e) => setWithEntries(e.target.checked)} />
        Also delete cluster “{c.cluster}” and user “{c.user}” when no other context uses them
      </label>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          action.mutate(
            { name: c.name, withClusterAndUser: withEntries },
            {
              onSuccess: () => {
                if (c.isCurrent && next) use.mutate({ name: next })
                onClose()
              },
            },
          )
        }}
      >
        <DialogButtons onClose={onClose} busy={action.isPending} label="Delete" danger />
      </form>
    </Dialog>
  )
}
