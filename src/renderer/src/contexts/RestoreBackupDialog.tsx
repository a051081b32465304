import type { BackupEntry } from '@shared/contract'
import { DiffView } from '../actions/DiffView'
import { Dialog } from '../components/Dialog'
import { ErrorBox } from '../components/ErrorBox'
import { useBackupComparison } from './useBackups'

/** Restore asks first: the file as it is now against the backup, then one button to replace it. */
export function RestoreBackupDialog(props: {
  backup: BackupEntry
  busy: boolean
  onClose: () => void
  onConfirm: () => void
}) {
  const cmp = useBackupComparison(props.backup.id)
  const taken = new Date(props.backup.createdAt).toLocaleString()
  const same = cmp.data && cmp.data.backup === cmp.data.current
  return (
    <Dialog title="Restore this backup?" open onClose={props.onClose} wide>
      <p>
        This replaces <span className="mono">{props.backup.file}</span> with the version saved {taken}
        {props.backup.reason ? <>, before “{props.backup.reason}”</> : null}. The file as it is now is backed
        up first, so this can be undone. Secret values are hidden on both sides.
      </p>
      {cmp.isPending && <p className="muted">Comparing the backup with the file…</p>}
      {cmp.isError && <ErrorBox error={cmp.error} title="Could not read the backup" />}
      {cmp.data && (
        <div className="restore-diff">
          <DiffView
            leftTitle={cmp.data.currentExists ? 'The file now' : 'The file now (it does not exist)'}
            left={cmp.data.current}
            rightTitle={`The backup (${taken})`}
            right={cmp.data.backup}
          />
        </div>
      )}
      {same && <p className="muted">The file already has exactly this content; restoring changes nothing.</p>}
      <div className="dialog-buttons">
        <button type="button" className="secondary" onClick={props.onClose}>
          Cancel
        </button>
        <button type="button" className="danger" disabled={!cmp.data || props.busy} onClick={props.onConfirm}>
          {props.busy ? 'Restoring…' : 'Restore this version'}
        </button>
      </div>
    </Dialog>
  )
}
