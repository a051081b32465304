import { memo, type ReactNode } from 'react'
import type { TimelineEntry } from '@shared/contract'

// One formatter for every line: toLocaleTimeString builds a new one per call.
const timeFormat = new Intl.DateTimeFormat(undefined, {
  hour: 'numeric',
  minute: '2-digit',
  second: '2-digit',
})

const clock = (at: string): string => {
  const t = Date.parse(at)
  return Number.isNaN(t) ? '' : timeFormat.format(t)
}

function Entry({ e }: { e: TimelineEntry }): ReactNode {
  return (
    <div role="listitem" className={`timeline-entry ${e.level}`}>
      <time dateTime={e.at} className="muted small">
        {clock(e.at)}
      </time>{' '}
      <strong>{e.actor}</strong> {e.text}
      {e.reason && <span className="timeline-reason mono small">{e.reason}</span>}
    </div>
  )
}

// The lines that arrived in one frame, rendered once: a later frame adds its own group above and leaves this
// one alone (memo by identity: the fold keeps a group's array until it is cut at the end of the list).
const Group = memo(function Group({ entries }: { entries: TimelineEntry[] }): ReactNode {
  return (
    <div role="presentation" className="timeline-group">
      {entries.map((e) => (
        <Entry key={e.id} e={e} />
      ))}
    </div>
  )
})

/** What the controllers did, newest first, in plain words with the Kubernetes reason beside each line. */
export const Timeline = memo(function Timeline({ entries }: { entries: TimelineEntry[][] }): ReactNode {
  if (entries.length === 0)
    return <p className="muted">Nothing has happened yet. Scale it or break something.</p>
  return (
    <div role="list" className="reconcile-timeline" aria-label="Timeline">
      {entries.map((g) => (
        <Group key={g[0]!.id} entries={g} />
      ))}
    </div>
  )
})
