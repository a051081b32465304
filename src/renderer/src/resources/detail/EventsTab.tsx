import type { ReactNode } from 'react'
import { useQuery } from '@tanstack/react-query'
import type { ApiError } from '@shared/contract'
import type { EventRow, Row } from '@shared/rows'
import { api } from '../../api/client'
import { ErrorBox } from '../../components/ErrorBox'
import { Age, StatusText } from '../columns/base'
import type { Target } from './target'
import { warningsFirst } from '../views/event-order'

/**
 * The object's events, warnings first and then newest, refreshed while the tab is open; a Deployment's include
 * its ReplicaSets' and pods', so each row says which object it is about.
 */
export function EventsTab({ target }: { target: Target }): ReactNode {
  const events = useQuery<Row[], ApiError>({
    queryKey: ['resources.events', target],
    queryFn: () => api.call('resources.events', target),
    refetchInterval: 5000,
  })
  if (events.isPending) return <p className="muted">Loading events…</p>
  if (events.isError) return <ErrorBox error={events.error} title="Could not read events" />
  const rows = events.data.filter((r): r is EventRow => r.kind === 'events').sort(warningsFirst)
  return <EventsTable rows={rows} showObject={target.kind === 'deployments'} />
}

/** Events as a table (the caller orders them); `showObject` adds which object each is about. */
export function EventsTable({
  rows,
  showObject = false,
}: {
  rows: EventRow[]
  showObject?: boolean
}): ReactNode {
  if (rows.length === 0)
    return <p className="muted">No events for this object in the last hour (events expire).</p>
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">Type</th>
          <th scope="col">Reason</th>
          {showObject && <th scope="col">Object</th>}
          <th scope="col">Age</th>
          <th scope="col">Message</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((e) => (
          <tr key={e.key}>
            <td>
              <StatusText status={e.type} />
            </td>
            <td>{e.reason}</td>
            {showObject && <td className="small mono">{e.object}</td>}
            <td className="small">
              <Age iso={e.lastSeen} />
              {e.count > 1 && <div className="muted">×{e.count}</div>}
            </td>
            <td className="small">{e.message}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
