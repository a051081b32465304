import type { ReactNode } from 'react'
import { useCall } from '../api/hooks'
import { ErrorBox } from '../components/ErrorBox'

const time = (iso: string): string => new Date(iso).toLocaleTimeString()

/** Every apply and edit Skiff made this session: what, where, and how it ended. */
export function ActivityLog(): ReactNode {
  const log = useCall('activity.list', {})
  if (log.isPending) return <p className="muted">Loading the activity log…</p>
  if (log.isError) return <ErrorBox error={log.error} title="Could not read the activity log" />
  const entries = log.data.entries
  if (entries.length === 0) {
    return <p className="muted">Nothing applied or edited yet in this session.</p>
  }
  return (
    <table className="activity-log">
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">What</th>
          <th scope="col">Where</th>
          <th scope="col">Objects</th>
          <th scope="col">Result</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr key={e.id} data-ok={e.ok}>
            <td>{time(e.at)}</td>
            <td>{e.action === 'apply' ? 'Apply' : 'Edit'}</td>
            <td className="mono">{e.context ?? 'current context'}</td>
            <td className="mono">
              {e.objects.map((o, i) => (
                <div key={i}>
                  {o.kind} {o.namespace ? `${o.namespace}/` : ''}
                  {o.name} <span className="muted">({o.outcome})</span>
                </div>
              ))}
            </td>
            <td>
              <span className={e.ok ? 'pill ok' : 'pill err'}>{e.summary}</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
