import { useState } from 'react'
import type { BackupEntry } from '@shared/contract'
import { DataTable, type DataColumn } from '../components/DataTable'
import { RestoreBackupDialog } from './RestoreBackupDialog'
import { useBackups } from './useBackups'

function columns(onRestore: (b: BackupEntry) => void): DataColumn<BackupEntry>[] {
  return [
    {
      id: 'taken',
      header: 'Taken',
      rowHeader: true,
      cell: (b) => new Date(b.createdAt).toLocaleString(),
      sortValue: (b) => b.createdAt,
    },
    {
      id: 'before',
      header: 'Before',
      cell: (b) => b.reason ?? <span className="muted">an earlier change</span>,
      sortValue: (b) => b.reason,
    },
    {
      id: 'file',
      header: 'File',
      className: 'mono small',
      cell: (b) => b.file,
      sortValue: (b) => b.file,
      priority: 'medium',
    },
    { id: 'size', header: 'Size', cell: (b) => `${b.size} bytes`, sortValue: (b) => b.size, priority: 'low' },
    {
      id: 'actions',
      header: 'Actions',
      hideHeader: true,
      className: 'row-actions',
      cell: (b) => (
        <button
          type="button"
          className="secondary"
          onClick={() => onRestore(b)}
          aria-label={`Restore the backup taken before ${b.reason ?? 'an earlier change'}`}
        >
          Restore…
        </button>
      ),
    },
  ]
}

/** The kubeconfig versions Skiff kept before each of its changes, newest first, each restorable after a diff. */
export function BackupsCard() {
  const { backups, restore } = useBackups()
  const [restoring, setRestoring] = useState<BackupEntry | undefined>()
  const list = backups.data ?? []
  return (
    <section className="card" aria-labelledby="backups-title">
      <div className="card-header">
        <h2 id="backups-title">Backups</h2>
        <button type="button" className="secondary" onClick={() => void backups.refetch()}>
          Check again
        </button>
      </div>
      {backups.isError && <p className="field-error">{backups.error.message}</p>}
      {list.length === 0 ? (
        <p className="muted">
          No backups yet. Skiff saves one before every change it makes to a kubeconfig file (the last 20).
        </p>
      ) : (
        <DataTable
          labelledBy="backups-title"
          columns={columns(setRestoring)}
          rows={list}
          rowKey={(b) => b.id}
        />
      )}
      {restoring && (
        <RestoreBackupDialog
          backup={restoring}
          busy={restore.isPending}
          onClose={() => setRestoring(undefined)}
          onConfirm={() =>
            restore.mutate(
              { id: restoring.id },
              { onSuccess: () => (setRestoring(undefined), void backups.refetch()) },
            )
          }
        />
      )}
    </section>
  )
}
