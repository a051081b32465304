import { useEffect, useMemo, useState } from 'react'
import { api } from '../api/client'
import type { ApiError } from '@shared/contract'
import { ErrorBox } from '../components/ErrorBox'
import { LogChoosers, defaultChoices, type LogChoices } from './LogChoosers'
import { LogPane } from './LogPane'
import { DEFAULT_LINE_CAP, LogStore } from './log-store'

export interface LogViewerProps {
  context?: string
  namespace: string
  pod: string
  /** The pod's containers; the first is chosen unless `container` says otherwise. */
  containers: string[]
  container?: string
  cap?: number
}

type StreamState = { state: 'streaming' } | { state: 'ended' } | { state: 'error'; error: ApiError }

/** One pod's container log, followed live; every chooser change restarts the stream like a new `kubectl logs -f`. */
export function LogViewer({
  context,
  namespace,
  pod,
  containers,
  container,
  cap = DEFAULT_LINE_CAP,
}: LogViewerProps) {
  const store = useMemo(() => new LogStore(cap), [cap])
  const [choices, setChoices] = useState<LogChoices>({
    ...defaultChoices,
    container: container ?? containers[0],
  })
  const [stream, setStream] = useState<StreamState>({ state: 'streaming' })
  // Why the followed container has no log yet (it is still starting); cleared once it runs.
  const [waiting, setWaiting] = useState<string>()

  useEffect(() => {
    store.clear()
    setStream({ state: 'streaming' })
    setWaiting(undefined)
    return api.subscribe(
      'logs.stream',
      {
        ...(context ? { context } : {}),
        namespace,
        pod,
        ...(choices.container ? { container: choices.container } : {}),
        previous: choices.previous,
        timestamps: choices.timestamps,
        ...(choices.tailLines ? { tailLines: choices.tailLines } : {}),
        ...(choices.sinceSeconds ? { sinceSeconds: choices.sinceSeconds } : {}),
      },
      (event) => {
        setWaiting(event.waiting)
        store.append(event.lines)
      },
      (error) => setStream(error ? { state: 'error', error } : { state: 'ended' }),
    )
  }, [store, context, namespace, pod, choices])

  return (
    <div className="log-viewer">
      {stream.state === 'error' && <ErrorBox error={stream.error} title="The log could not be read" />}
      <LogPane
        store={store}
        label={`Logs of ${pod}`}
        fileName={`${pod}${choices.container ? `-${choices.container}` : ''}.log`}
        controls={<LogChoosers value={choices} onChange={setChoices} containers={containers} allowPrevious />}
        status={
          <span role="status">
            {stream.state === 'streaming'
              ? (waiting ?? 'Following')
              : stream.state === 'ended'
                ? 'Log ended'
                : ''}
          </span>
        }
      />
    </div>
  )
}
