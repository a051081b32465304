import { useCall } from '../api/hooks'
import { useContextAction } from './useContextAction'

/** The kubeconfig versions Skiff kept before each of its changes, newest first, each restorable. */
export function BackupsCard() {
  const backups = useCall('contexts.backups', {})
  const restore = useContextAction(
    'contexts.restore',
    () => 'Restored the backup. The version it replaced was backed up too.',
  )
  const list = backups.data ?? []
  return (
    <section className="card" aria-labelledby="backups-title">
      <div className="card-header">
        <h2 id="backups-title">Backups</h2>
        <button type="button" className="secondary" onClick={() => void backups.refetch()}>
          Refresh
        </button>
      </div>
      {backups.isError && <p className="field-error">{backups.error.message}</p>}
      {list.length === 0 ? (
        <p className="muted">
          No backups yet. Skiff saves one before every change it makes to a kubeconfig file (the last 20).
        </p>
      ) : (
        <table aria-labelledby="backups-title">
          <thead>
            <tr>
              <th scope="col">Taken</th>
              <th scope="col">File</th>
              <th scope="col">Size</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.map((b) => (
              <tr key={b.id}>
                <td>{new Date(b.createdAt).toLocaleString()}</td>
                <td className="mono small">{b.file}</td>
                <td>{b.size} bytes</td>
                <td>
                  <button
                    type="button"
                    className="secondary"
                    disabled={restore.isPending}
                    onClick={() => restore.mutate({ id: b.id }, { onSuccess: () => void backups.refetch() })}
                  >
                    Restore
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
