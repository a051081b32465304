import type { RolloutRevision } from '@shared/contract'

function ago(iso: string, now: number): string {
  const ms = now - Date.parse(iso)
  if (!Number.isFinite(ms)) return ''
  const s = Math.max(0, Math.round(ms / 1000))
  if (s < 60) return `${s}s ago`
  if (s < 3600) return `${Math.floor(s / 60)}m ago`
  if (s < 86_400) return `${Math.floor(s / 3600)}h ago`
  return `${Math.floor(s / 86_400)}d ago`
}

/** Revisions newest first, each with what changed, when, and the actions a person can take on it. */
export function RevisionTimeline(props: {
  revisions: RolloutRevision[]
  onCompare: (revision: number) => void
  onRollback: (revision: number) => void
  disabled?: boolean
  now?: number
}) {
  const now = props.now ?? Date.now()
  const newestFirst = [...props.revisions].sort((a, b) => b.revision - a.revision)
  if (newestFirst.length === 0) return <p className="revision-meta">No rollout history found.</p>
  return (
    <ol className="revision-timeline" aria-label="Revisions">
      {newestFirst.map((r) => (
        <li
          key={r.revision}
          className={r.current ? 'revision current' : 'revision'}
          aria-current={r.current ? 'true' : undefined}
        >
          <div className="revision-head">
            <strong>Revision {r.revision}</strong>
            {r.current && <span className="revision-badge">current</span>}
            <span className="revision-meta" title={r.createdAt}>
              {ago(r.createdAt, now)}
            </span>
          </div>
          <div>{r.changeCause ?? <span className="revision-meta">no change-cause recorded</span>}</div>
          <div className="revision-meta">
            {r.images.join(', ')} · {r.replicaSet} · {r.readyReplicas}/{r.replicas} ready
          </div>
          {!r.current && (
            <div className="revision-buttons">
              <button type="button" className="secondary" onClick={() => props.onCompare(r.revision)}>
                Compare with current
              </button>
              <button
                type="button"
                className="secondary"
                disabled={props.disabled}
                onClick={() => props.onRollback(r.revision)}
              >
                Roll back to this revision
              </button>
            </div>
          )}
        </li>
      ))}
    </ol>
  )
}
