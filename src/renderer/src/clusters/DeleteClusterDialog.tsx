import { useState } from 'react'
import type { ClusterInfo } from '@shared/contract'
import { Dialog } from '../components/Dialog'
import { NextContextField } from '../contexts/NextContextField'
import { nextContextAfter } from '../contexts/next-context'
import { useContexts } from '../contexts/useContexts'

/** Confirms a delete; when the cluster's context is the current one, asks which context becomes current. */
export function DeleteClusterDialog(props: {
  cluster: ClusterInfo
  onClose: () => void
  onConfirm: (nextContext: string | undefined) => void
}) {
  const c = props.cluster
  const contexts = useContexts().data
  const isCurrent = !!contexts && contexts.currentContext === c.contextName
  const [next, setNext] = useState(() =>
    contexts ? (nextContextAfter(contexts.contexts, c.contextName) ?? '') : '',
  )
  return (
    <Dialog title={`Delete ${c.name}?`} open onClose={props.onClose}>
      <p>
        This deletes the {c.provider} cluster “{c.name}”, everything running in it, and its kubeconfig context
        “{c.contextName}”.
      </p>
      {isCurrent && (
        <NextContextField
          removed={c.contextName}
          contexts={contexts.contexts}
          value={next}
          onChange={setNext}
        />
      )}
      <div className="dialog-buttons">
        <button type="button" className="secondary" onClick={props.onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="danger"
          onClick={() => props.onConfirm(isCurrent && next ? next : undefined)}
        >
          Delete cluster
        </button>
      </div>
    </Dialog>
  )
}
