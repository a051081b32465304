import type { ReactNode } from 'react'
import { ErrorBox } from '../../components/ErrorBox'
import { Age } from '../columns/base'
import { NamespacePicker } from '../NamespacePicker'
import { useNamespaceSelection } from '../namespace-selection'
import { useDeploymentsWithPods } from '../health/useDeploymentProblems'
import { useResourceWatch } from '../useResourceWatch'
import { WatchRetry, WatchStatus } from '../WatchStatus'
import type { WatchState } from '../fold'
import { Empty, scopeWords } from './empty'
import { overviewStats, type NamespaceStats } from './overview-stats'
import { StackedBar } from './StackedBar'
import type { ViewProps } from './view-props'
import '../resources.css'
import './overview.css'
import { thousands } from '../../components/plural'

function NamespaceCard({ s, onOpen }: { s: NamespaceStats; onOpen?: (() => void) | undefined }): ReactNode {
  const titleId = `ov-${s.namespace}`
  return (
    <section className="card" aria-labelledby={titleId}>
      <div className="card-header">
        <h2 id={titleId} className="mono name-text" title={s.namespace}>
          {s.namespace || '(cluster)'}
        </h2>
        {onOpen && (
          <button type="button" className="secondary compact" onClick={onOpen}>
            Show workloads
          </button>
        )}
      </div>
      <StackedBar
        title="Pods"
        segments={[
          { label: 'running', count: s.pods.running, tone: 'ok' },
          { label: 'pending', count: s.pods.pending, tone: 'warn' },
          { label: 'failing', count: s.pods.failing, tone: 'err' },
          { label: 'completed', count: s.pods.completed, tone: 'off' },
        ]}
      />
      <StackedBar
        title="Deployments"
        segments={[
          { label: 'healthy', count: s.deployments.healthy, tone: 'ok' },
          { label: 'progressing', count: s.deployments.progressing, tone: 'warn' },
          { label: 'failing', count: s.deployments.failed, tone: 'err' },
          { label: 'paused or scaled to 0', count: s.deployments.other, tone: 'off' },
        ]}
      />
      {s.degraded.length > 0 && (
        <ul className="degraded-list" aria-label={`Failing deployments in ${s.namespace}`}>
          {s.degraded.map((d) => (
            <li key={d.name}>
              <span className="mono">{d.name}</span> <span className="tone-err">{d.text}</span>
            </li>
          ))}
        </ul>
      )}
      <div className="chart-row">
        <span>Warnings</span>
        <span className={s.warningCount ? 'tone-warn' : 'muted'}>
          {s.warningCount === 0 ? 'none recently' : `${s.warningCount} recent`}
        </span>
      </div>
      {s.warnings.length > 0 && (
        <ul className="warning-list" aria-label={`Recent warnings in ${s.namespace}`}>
          {s.warnings.map((w) => (
            <li key={w.key}>
              <strong>{w.reason}</strong> <span className="mono small">{w.object}</span>{' '}
              <span className="muted small">
                <Age iso={w.lastSeen} /> ago
              </span>
              <div className="small">{w.message}</div>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

const rank: WatchState[] = ['error', 'reconnecting', 'connecting', 'loading', 'live']

export interface OverviewProps extends ViewProps {
  /** Called after the namespace filter is narrowed to `namespace`, e.g. to go to the Workloads section. */
  onOpenNamespace?: (namespace: string) => void
}

/** Per namespace: pods by state, deployments by health, recent warnings, as small charts with text. */
export function OverviewView({ context, onOpenNamespace }: OverviewProps): ReactNode {
  const [namespaces, setNamespaces] = useNamespaceSelection(context)
  const opts = { ...(context ? { context } : {}), namespaces }
  const pods = useResourceWatch('pods', opts)
  const deployments = useResourceWatch('deployments', opts)
  const events = useResourceWatch('events', opts)
  const watches = [pods, deployments, events]
  const worst = rank.find((st) => watches.some((w) => w.state === st)) ?? 'live'
  const failed = watches.find((w) => w.state === 'error' && !w.loaded)
  const loaded = watches.every((w) => w.loaded)
  const withPods = useDeploymentsWithPods(deployments.rows, opts)
  const stats = loaded ? overviewStats(pods.rows, withPods, events.rows) : []

  let body: ReactNode
  if (failed)
    body = (
      <ErrorBox error={new Error(failed.message ?? 'The watch failed.')} title="Could not read the cluster" />
    )
  else if (!loaded)
    body = (
      <p className="muted" role="status">
        Reading pods, deployments and events…
        {pods.loading && ` ${thousands(pods.rows.length)} pods so far.`}
      </p>
    )
  else if (stats.length === 0)
    body = (
      <div className="empty-state">
        <Empty
          title={`Nothing running ${scopeWords(namespaces)}`}
          hint="No pods, deployments or warnings yet. Start something to watch:"
          command={`kubectl create deployment web --image=nginx --replicas=3${namespaces.length === 1 ? ` -n ${namespaces[0]}` : ''}`}
        />
      </div>
    )
  else
    body = (
      <div className="overview-grid">
        {stats.map((s) => (
          <NamespaceCard
            key={s.namespace}
            s={s}
            onOpen={
              onOpenNamespace && s.namespace
                ? () => {
                    setNamespaces([s.namespace])
                    onOpenNamespace(s.namespace)
                  }
                : undefined
            }
          />
        ))}
      </div>
    )

  return (
    <div className="stack">
      <div className="rv-toolbar">
        <NamespacePicker {...(context ? { context } : {})} />
        <span className="grow" />
        <WatchStatus state={worst} />
        <WatchRetry
          state={worst}
          retryAt={watches.find((w) => w.state === 'error')?.retryAt}
          onRetry={() => watches.forEach((w) => w.state === 'error' && w.retry())}
        />
      </div>
      {body}
    </div>
  )
}
