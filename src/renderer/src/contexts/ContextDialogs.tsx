import { useState } from 'react'
import type { ContextInfo } from '@shared/contract'
import { Dialog } from '../components/Dialog'
import { useContextAction } from './useContextAction'
import { useContexts } from './useContexts'
import { NextContextField } from './NextContextField'
import { nextContextAfter } from './next-context'

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
      {dialog?.kind === 'delete' && <DeleteDialog key={key} c={dialog.context} onClose={onClose} />}
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

function DeleteDialog({ c, onClose }: { c: ContextInfo; onClose: () => void }) {
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

function DialogButtons(props: {
  onClose: () => void
  busy: boolean
  label: string
  disabled?: boolean
  danger?: boolean
}) {
  return (
    <div className="dialog-buttons">
      <button type="button" className="secondary" onClick={props.onClose}>
        Cancel
      </button>
      <button
        type="submit"
        className={props.danger ? 'danger' : undefined}
        disabled={props.busy || props.disabled}
      >
        {props.busy ? 'Working…' : props.label}
      </button>
    </div>
  )
}
