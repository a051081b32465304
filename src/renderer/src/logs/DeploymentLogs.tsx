import { useEffect, useMemo, useState } from 'react'
import { api } from '../api/client'
import type { ApiError } from '@shared/contract'
import { ErrorBox } from '../components/ErrorBox'
import { LogChoosers, defaultChoices, type LogChoices } from './LogChoosers'
import { LogPane } from './LogPane'
import { DEFAULT_LINE_CAP, LogStore } from './log-store'
import { podColor } from './pod-colors'

export interface DeploymentLogsProps {
  context?: string
  namespace: string
  name: string
  /** Container names of the deployment's pod template. */
  containers?: string[]
  cap?: number
}

/** Every pod of a Deployment interleaved, each line tagged with its pod in that pod's colour. */
export function DeploymentLogs({
  context,
  namespace,
  name,
  containers = [],
  cap = DEFAULT_LINE_CAP,
}: DeploymentLogsProps) {
  const store = useMemo(() => new LogStore(cap), [cap])
  const [choices, setChoices] = useState<LogChoices>({
    ...defaultChoices,
    tailLines: 100,
    container: containers[0],
  })
  const [pods, setPods] = useState<string[]>([])
  const [error, setError] = useState<ApiError | undefined>()
  const [ended, setEnded] = useState(false)

  useEffect(() => {
    store.clear()
    setError(undefined)
    setEnded(false)
    return api.subscribe(
      'logs.deployment',
      {
        ...(context ? { context } : {}),
        namespace,
        name,
        ...(choices.container ? { container: choices.container } : {}),
        timestamps: choices.timestamps,
        ...(choices.tailLines ? { tailLines: choices.tailLines } : {}),
        ...(choices.sinceSeconds ? { sinceSeconds: choices.sinceSeconds } : {}),
      },
      (event) => {
        for (const chunk of event.chunks) store.append(chunk.lines, chunk.pod)
        if (event.pods) setPods(event.pods)
      },
      (err) => (err ? setError(err) : setEnded(true)),
    )
  }, [store, context, namespace, name, choices])

  return (
    <div className="log-viewer">
      {error && <ErrorBox error={error} title="The logs could not be read" />}
      <div className="log-pods" aria-label="Pods being followed">
        {pods.length === 0 ? (
          <span className="log-meta">No running pods yet.</span>
        ) : (
          pods.map((p) => (
            <span
              key={p}
              className="log-pod"
              style={{ ['--pod-color' as string]: podColor(store.sourceNumber(p)) }}
            >
              {p}
            </span>
          ))
        )}
      </div>
      <LogPane
        store={store}
        label={`Logs of deployment ${name}`}
        fileName={`${name}.log`}
        showSource
        controls={<LogChoosers value={choices} onChange={setChoices} containers={containers} />}
        status={
          <span>
            {ended ? 'Stream ended' : `Following ${pods.length} pod${pods.length === 1 ? '' : 's'}`}
          </span>
        }
      />
    </div>
  )
}
