import type { RolloutKind } from '@shared/contract'
import { useCall } from '../api/hooks'
import { Dialog } from '../components/Dialog'
import { ErrorBox } from '../components/ErrorBox'
import { DiffView } from './DiffView'

export interface DiffRequest {
  /** The revision the person picked; shown on the right. */
  revision: number
  /** The revision it is compared with (the current one for a rollback); shown on the left. */
  base: number
  /** Set when the dialog confirms a rollback to `revision`. */
  rollback?: boolean
}

/** The two revisions' pod templates side by side; as a rollback confirm it ends with the roll-back button. */
export function RevisionDiffDialog(props: {
  context?: string
  namespace: string
  name: string
  kind?: RolloutKind
  request?: DiffRequest
  /** Marks that revision "(current)" in the titles. */
  currentRevision?: number
  onClose: () => void
  onConfirmRollback: (revision: number) => void
}) {
  const { request } = props
  const diff = useCall(
    'rollout.diff',
    {
      ...(props.context ? { context: props.context } : {}),
      namespace: props.namespace,
      name: props.name,
      ...(props.kind ? { kind: props.kind } : {}),
      from: request?.base ?? 1,
      to: request?.revision ?? 1,
    },
    { enabled: !!request },
  )
  const title = request?.rollback
    ? `Roll back ${props.name} to revision ${request.revision}?`
    : `Revision ${request?.base} and revision ${request?.revision}`
  const label = (revision: number): string =>
    `Revision ${revision}${revision === props.currentRevision ? ' (current)' : ''}`
  return (
    <Dialog title={title} open={!!request} onClose={props.onClose} wide>
      {diff.isPending && <p>Loading the templates…</p>}
      {diff.error && <ErrorBox error={diff.error} />}
      {diff.data && (
        <DiffView
          leftTitle={label(diff.data.from.revision)}
          left={diff.data.from.yaml}
          rightTitle={`${label(diff.data.to.revision)}${request?.rollback ? ' (after rollback)' : ''}`}
          right={diff.data.to.yaml}
        />
      )}
      <div className="dialog-buttons">
        <button type="button" className="secondary" onClick={props.onClose}>
          {request?.rollback ? 'Cancel' : 'Close'}
        </button>
        {request?.rollback && (
          <button
            type="button"
            disabled={!diff.data}
            onClick={() => props.onConfirmRollback(request.revision)}
          >
            Roll back to revision {request.revision}
          </button>
        )}
      </div>
    </Dialog>
  )
}
