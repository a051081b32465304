import { memo, type ReactNode } from 'react'
import type { TimelineEntry } from '@shared/contract'

const clock = (at: string): string => {
  const t = Date.parse(at)
  return Number.isNaN(t) ? '' : new Date(t).toLocaleTimeString()
}

// One line, memoized by its entry: a busy rollout adds a few entries a frame, and only those should render
// (toLocaleTimeString for 300 lines a frame was most of the timeline's cost).
const Entry = memo(function Entry({ e }: { e: TimelineEntry }): ReactNode {
  return (
    <li className={`timeline-entry ${e.level}`}>
      <time dateTime={e.at} className="muted small">
        {clock(e.at)}
      </time>{' '}
      <strong>{e.actor}</strong> {e.text}
      {e.reason && <span className="timeline-reason mono small">{e.reason}</span>}
    </li>
  )
})

/** What the controllers did, newest first, in plain words with the Kubernetes reason beside each line. */
export const Timeline = memo(function Timeline({ entries }: { entries: TimelineEntry[] }): ReactNode {
  if (entries.length === 0)
    return <p className="muted">Nothing has happened yet. Scale it or break something.</p>
  return (
    <ol className="reconcile-timeline" aria-label="Timeline">
      {entries.map((e) => (
        <Entry key={e.id} e={e} />
      ))}
    </ol>
  )
})
