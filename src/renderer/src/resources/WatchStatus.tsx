import type { ReactNode } from 'react'
import { useNow } from './clock'
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

/**
 * What happens next after a watch ended: "Retrying in 4 s…" with Retry now while the failure may pass (the
 * cluster is starting, the network is back soon), or just Retry when it will not go away by itself.
 */
export function WatchRetry({
  state,
  retryAt,
  onRetry,
}: {
  state: WatchState
  retryAt?: number | undefined
  onRetry: () => void
}): ReactNode {
  if (state !== 'error') return null
  return (
    <span className="watch-retry">
      {retryAt !== undefined && <RetryCountdown at={retryAt} />}
      <button type="button" className="secondary compact" onClick={onRetry}>
        {retryAt !== undefined ? 'Retry now' : 'Retry'}
      </button>
    </span>
  )
}

function RetryCountdown({ at }: { at: number }): ReactNode {
  const now = useNow()
  const seconds = Math.max(1, Math.ceil((at - now) / 1000))
  return <span className="muted small">Retrying in {seconds} s…</span>
}
