import { useMemo, useRef, type ReactNode } from 'react'
import { matchesSelector, parseLabelSelector } from '@shared/label-selector'
import type { PodRow, Row, RowOf } from '@shared/rows'
import { RolloutPanel } from '../../actions/RolloutPanel'
import { ScaleControl } from '../../actions/ScaleControl'
import { PodDots } from '../../actions/PodDots'
import { DeploymentLogs } from '../../logs/DeploymentLogs'
import { LogViewer } from '../../logs/LogViewer'
import { ForwardButtons } from '../../ports/ForwardButtons'
import { ShellTab } from '../../terminal/ShellTab'
import { ReconcileView } from '../../reconcile/ReconcileView'
import type { Tab } from '../Tabs'
import { NodeDrainTab } from '../nodes/NodeDrainTab'
import { useNamespaceSelection } from '../namespace-selection'
import { useResourceWatch } from '../useResourceWatch'
import type { Target } from './target'
import { HealthText } from '../columns/deployments'
import { useDeploymentsWithPods } from '../health/useDeploymentProblems'

type Scoped = Target & { namespace: string }

const ctxOf = (t: Target): { context?: string } => (t.context ? { context: t.context } : {})

/**
 * The namespaces to watch for an object's live row: the list's own selection when it covers the object, so the
 * panel shares the list's watch instead of opening another stream (web mode has only ~6 connections per origin).
 */
function useScope(target: Scoped): { context?: string; namespaces: string[] } {
  const [selected] = useNamespaceSelection(target.context)
  const covers = selected.length === 0 || selected.includes(target.namespace)
  return { ...ctxOf(target), namespaces: covers ? [...selected] : [target.namespace] }
}

/** The live row of one object, from the shared watch (the list usually holds it already). */
function useRow<K extends 'pods' | 'deployments' | 'replicasets'>(
  kind: K,
  target: Scoped,
): { row: RowOf<K> | undefined; loaded: boolean } {
  const watch = useResourceWatch(kind, useScope(target))
  const rows: readonly Row[] = watch.rows
  const row = rows.find((r) => r.name === target.name && r.namespace === target.namespace) as
    RowOf<K> | undefined
  return { row, loaded: watch.loaded }
}

function Missing({ loaded, what }: { loaded: boolean; what: string }): ReactNode {
  return <p className="muted">{loaded ? `This ${what} no longer exists.` : 'Loading…'}</p>
}

function splitList(text: string): string[] {
  return text ? text.split(',').filter(Boolean) : []
}

function DeploymentScale({ target }: { target: Scoped }): ReactNode {
  const { row, loaded } = useRow('deployments', target)
  const pods = useResourceWatch('pods', useScope(target))
  const selector = row?.selector
  const mine = useMemo(() => {
    const parsed = parseLabelSelector(selector ?? '')
    // An empty or unparsable selector would match everything; show no dots rather than wrong ones.
    if (!selector || !parsed.ok) return []
    return pods.rows.filter(
      (p) => p.namespace === target.namespace && matchesSelector(parsed.requirements, p.labels),
    )
  }, [pods.rows, selector, target.namespace])
  const containers = useMemo(() => splitList(row?.containers ?? ''), [row?.containers])
  if (!row) return <Missing loaded={loaded} what="deployment" />
  return (
    <>
      <section className="detail-section">
        <h3>Replicas</h3>
        <ScaleControl
          {...ctxOf(target)}
          namespace={target.namespace}
          name={target.name}
          replicas={row.replicas}
        />
        <div className="detail-dots">
          <PodDots pods={mine} />
          <span className="muted small">
            {row.ready} ready · {row.upToDate} up to date · {row.available} available
          </span>
        </div>
      </section>
      <section className="detail-section">
        <h3>Rollout</h3>
        <RolloutPanel
          {...ctxOf(target)}
          namespace={target.namespace}
          name={target.name}
          containers={containers}
        />
      </section>
    </>
  )
}

function ReplicaSetScale({ target }: { target: Scoped }): ReactNode {
  const { row, loaded } = useRow('replicasets', target)
  if (!row) return <Missing loaded={loaded} what="replica set" />
  return (
    <section className="detail-section">
      <h3>Replicas</h3>
      <ScaleControl
        {...ctxOf(target)}
        kind="replicasets"
        namespace={target.namespace}
        name={target.name}
        replicas={row.desired}
      />
      {row.owner?.kind === 'Deployment' && (
        <p className="muted small">
          Deployment {row.owner.name} owns this replica set and may scale it back; scale the deployment
          instead.
        </p>
      )}
    </section>
  )
}

function DeploymentLogsTab({ target }: { target: Scoped }): ReactNode {
  const { row, loaded } = useRow('deployments', target)
  const containers = useMemo(() => splitList(row?.containers ?? ''), [row?.containers])
  if (!row) return <Missing loaded={loaded} what="deployment" />
  return (
    <DeploymentLogs
      {...ctxOf(target)}
      namespace={target.namespace}
      name={target.name}
      containers={containers}
    />
  )
}

function PodLogsTab({ target }: { target: Scoped }): ReactNode {
  const { row, loaded } = useRow('pods', target)
  const key = row?.containers.join(',') ?? ''
  const containers = useMemo(() => splitList(key), [key])
  if (!row) return <Missing loaded={loaded} what="pod" />
  return (
    <LogViewer {...ctxOf(target)} namespace={target.namespace} pod={target.name} containers={containers} />
  )
}

function PodShellTab({ target }: { target: Scoped }): ReactNode {
  const pods = useResourceWatch('pods', useScope(target))
  const found = pods.rows.find((r) => r.name === target.name && r.namespace === target.namespace)
  // Once the pod is gone its terminals stay, with Reconnect, so the last row seen keeps the tab up.
  const last = useRef<PodRow | undefined>(undefined)
  if (found) last.current = found
  const row = last.current
  if (!row) return <Missing loaded={pods.loaded} what="pod" />
  return (
    <ShellTab
      target={{ ...ctxOf(target), namespace: target.namespace, pod: target.name }}
      row={row}
      pods={pods.rows}
    />
  )
}

const forwardTab = (t: Scoped, kind: 'pod' | 'service'): Tab => ({
  id: 'ports',
  label: 'Port forward',
  render: () => body(<ForwardButtons target={{ ...ctxOf(t), namespace: t.namespace, kind, name: t.name }} />),
})

/**
 * A line under a Deployment's name saying whether its pods are stuck (`Degraded: ImagePullBackOff (1 of 1
 * pods)`), from the same watches as the list, so it appears as soon as a pod reports the reason.
 */
export function DeploymentHealthLine({ target }: { target: Target }): ReactNode {
  const ns = target.namespace ?? ''
  const scope = useScope({ ...target, namespace: ns })
  const deployments = useResourceWatch('deployments', scope)
  const row = deployments.rows.find((r) => r.name === target.name && r.namespace === ns)
  const rows = useMemo(() => (row ? [row] : []), [row])
  const [withPods] = useDeploymentsWithPods(rows, scope)
  if (!withPods) return null
  return (
    <div className="detail-health">
      <HealthText row={withPods} />
    </div>
  )
}

const body = (node: ReactNode, extra = ''): ReactNode => <div className={`detail-body${extra}`}>{node}</div>

/** Tabs that only some kinds have: scale and rollout for workloads, logs for pods and deployments, shell and
 * port forward for pods, port forward for services. */
export function workloadTabs(target: Target): Tab[] {
  if (target.kind === 'nodes')
    return [{ id: 'drain', label: 'Cordon & drain', render: () => body(<NodeDrainTab target={target} />) }]
  const ns = target.namespace
  if (!ns) return []
  const t: Scoped = { ...target, namespace: ns }
  switch (target.kind) {
    case 'deployments':
      return [
        { id: 'scale', label: 'Scale & rollout', render: () => body(<DeploymentScale target={t} />) },
        { id: 'logs', label: 'Logs', render: () => body(<DeploymentLogsTab target={t} />, ' detail-logs') },
        {
          id: 'reconcile',
          label: 'Reconcile',
          render: () =>
            body(<ReconcileView {...ctxOf(t)} namespace={t.namespace} name={t.name} />, ' detail-reconcile'),
        },
      ]
    case 'replicasets':
      return [{ id: 'scale', label: 'Scale', render: () => body(<ReplicaSetScale target={t} />) }]
    case 'pods':
      return [
        { id: 'logs', label: 'Logs', render: () => body(<PodLogsTab target={t} />, ' detail-logs') },
        { id: 'shell', label: 'Shell', render: () => body(<PodShellTab target={t} />) },
        forwardTab(t, 'pod'),
      ]
    case 'services':
      return [forwardTab(t, 'service')]
    default:
      return []
  }
}
