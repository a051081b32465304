import type { ReactNode } from 'react'
import type { WatchState } from './fold'

const words: Record<WatchState, string> = {
  connecting: 'Connecting…',
  loading: 'Loading…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  error: 'Not updating',
}

const explain: Partial<Record<WatchState, string>> = {
  loading: 'The first list is still arriving; the rows received so far are shown and more are coming.',
  reconnecting: 'The connection to the cluster broke; Skiff is resuming the watch. Rows may be out of date.',
  error: 'The watch stopped; rows may be out of date.',
}

/** The health of a watch in a few words, so old rows are never presented as fresh. */
export function WatchStatus({ state, message }: { state: WatchState; message?: string }): ReactNode {
  return (
    <span
      className={`watch-status ${state}`}
      role="status"
      title={[explain[state], message].filter(Boolean).join(' ') || undefined}
    >
      <span className="watch-dot" aria-hidden="true" />
      {words[state]}
    </span>
  )
}
