import { useState } from 'react'
import type { ContextInfo } from '@shared/contract'
import { Dialog } from '../components/Dialog'
import { useContextAction } from './useContextAction'
import { DeleteContextDialog } from './DeleteContextDialog'
import { DialogButtons } from './DialogButtons'

export interface ContextDialog {
  kind: 'namespace' | 'rename' | 'delete'
  context: ContextInfo
}

const namespacePattern = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/

/** The three dialogs that change one context: default namespace, rename, delete. */
export function ContextDialogs({
  dialog,
  onClose,
}: {
  dialog: ContextDialog | undefined
  onClose: () => void
}) {
  const key = dialog ? `${dialog.kind}:${dialog.context.name}` : 'none'
  return (
    <>
      {dialog?.kind === 'namespace' && <NamespaceDialog key={key} c={dialog.context} onClose={onClose} />}
      {dialog?.kind === 'rename' && <RenameDialog key={key} c={dialog.context} onClose={onClose} />}
      {dialog?.kind === 'delete' && <DeleteContextDialog key={key} c={dialog.context} onClose={onClose} />}
    </>
  )
}

function NamespaceDialog({ c, onClose }: { c: ContextInfo; onClose: () => void }) {
  const [ns, setNs] = useState(c.namespace)
  const action = useContextAction('contexts.setNamespace', (i) =>
    i.namespace
      ? `“${i.name}” now defaults to namespace “${i.namespace}”.`
      : `“${i.name}” has no default namespace now.`,
  )
  const problem =
    ns && !namespacePattern.test(ns) ? 'Use lowercase letters, digits and "-" (at most 63).' : undefined
  return (
    <Dialog title={`Default namespace of ${c.name}`} open onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          if (!problem) action.mutate({ name: c.name, namespace: ns }, { onSuccess: onClose })
        }}
      >
        <label className="field">
          Namespace (empty for “default”)
          <input
            type="text"
            value={ns}
            autoFocus
            onChange={(e) => setNs(e.target.value.trim())}
            aria-invalid={!!problem}
          />
        </label>
        {problem && <p className="field-error">{problem}</p>}
        <DialogButtons onClose={onClose} busy={action.isPending} label="Save" disabled={!!problem} />
      </form>
    </Dialog>
  )
}

function RenameDialog({ c, onClose }: { c: ContextInfo; onClose: () => void }) {
  const [to, setTo] = useState(c.name)
  const action = useContextAction('contexts.rename', (i) => `Renamed “${i.from}” to “${i.to}”.`)
  const problem = !to.trim() ? 'The name cannot be empty.' : undefined
  return (
    <Dialog title={`Rename ${c.name}`} open onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          if (!problem && to !== c.name)
            action.mutate({ from: c.name, to: to.trim() }, { onSuccess: onClose })
        }}
      >
        <label className="field">
          New name
          <input
            type="text"
            value={to}
            autoFocus
            onChange={(e) => setTo(e.target.value)}
            aria-invalid={!!problem}
          />
        </label>
        {problem && <p className="field-error">{problem}</p>}
        <DialogButtons
          onClose={onClose}
          busy={action.isPending}
          label="Rename"
          disabled={!!problem || to === c.name}
        />
      </form>
    </Dialog>
  )
}
