import type { ReactNode } from 'react'
import type { ApiKind } from '@shared/contract'
import type { Tab } from '../Tabs'
import { CronJobTab } from '../batch/CronJobTab'
import { HpaTab } from '../batch/HpaTab'
import { JobTab } from '../batch/JobTab'
import { SetPodsTab } from '../batch/SetPodsTab'
import { RoleRulesTab } from '../rbac/RoleRulesTab'
import { IngressTab } from '../network/IngressTab'
import { ClaimTab } from '../storage/ClaimTab'
import { StorageClassTab } from '../storage/StorageClassTab'
import { VolumeTab } from '../storage/VolumeTab'
import { RolloutPanel } from '../../actions/RolloutPanel'
import { ReconcileView } from '../../reconcile/ReconcileView'
import type { ReconcileKind } from '@shared/contract'

/** The object a dedicated tab is about, in the generic detail panel. */
export interface DedicatedTarget {
  context?: string
  namespace?: string
  name: string
}

type TabsFor = (target: DedicatedTarget, kind: ApiKind) => Tab[]

const body = (node: ReactNode): ReactNode => <div className="detail-body">{node}</div>

const rulesTab: TabsFor = (target) => [
  { id: 'rules', label: 'Rules', render: () => body(<RoleRulesTab target={target} />) },
]

/** Namespaced kinds' tabs need the namespace; a route without one (never for these kinds) gets none. */
const scoped =
  (make: (t: DedicatedTarget & { namespace: string }) => Tab[]): TabsFor =>
  (t) =>
    t.namespace ? make({ ...t, namespace: t.namespace }) : []

/** Status, revisions (ControllerRevisions), compare, set image, restart and roll back, as for Deployments. */
const rolloutTab = (
  t: DedicatedTarget & { namespace: string },
  kind: 'statefulsets' | 'daemonsets',
): Tab => ({
  id: 'rollout',
  label: 'Rollout',
  render: () => body(<RolloutPanel {...t} kind={kind} />),
})

/** Desired beside observed, the owner graph and the controllers' timeline, as for Deployments. */
const reconcileTab = (t: DedicatedTarget & { namespace: string }, kind: ReconcileKind): Tab => ({
  id: 'reconcile',
  label: 'Reconcile',
  render: () =>
    body(
      <ReconcileView
        {...(t.context ? { context: t.context } : {})}
        kind={kind}
        namespace={t.namespace}
        name={t.name}
      />,
    ),
})

/**
 * Kinds that need more than columns: discovery id → the tabs their detail adds after Summary. The generic panel
 * keeps summary, events, YAML and delete for them; a kind listed here gets its own view on top.
 */
export const dedicatedTabs: Readonly<Record<string, TabsFor>> = {
  'statefulsets.apps': scoped((t) => [
    {
      id: 'pods',
      label: 'Pods & scale',
      render: () => body(<SetPodsTab target={t} resource="statefulsets" />),
    },
    rolloutTab(t, 'statefulsets'),
    reconcileTab(t, 'StatefulSet'),
  ]),
  'daemonsets.apps': scoped((t) => [
    {
      id: 'pods',
      label: 'Pods per node',
      render: () => body(<SetPodsTab target={t} resource="daemonsets" />),
    },
    rolloutTab(t, 'daemonsets'),
    reconcileTab(t, 'DaemonSet'),
  ]),
  'cronjobs.batch': scoped((t) => [
    { id: 'runs', label: 'Schedule & runs', render: () => body(<CronJobTab target={t} />) },
  ]),
  'jobs.batch': scoped((t) => [
    { id: 'pods', label: 'Pods & logs', render: () => body(<JobTab target={t} />) },
    reconcileTab(t, 'Job'),
  ]),
  'horizontalpodautoscalers.autoscaling': scoped((t) => [
    { id: 'scaling', label: 'Scaling', render: () => body(<HpaTab target={t} />) },
  ]),
  'ingresses.networking.k8s.io': scoped((t) => [
    { id: 'routes', label: 'Routes', render: () => body(<IngressTab target={t} />) },
  ]),
  persistentvolumeclaims: scoped((t) => [
    { id: 'storage', label: 'Storage', render: () => body(<ClaimTab target={t} />) },
  ]),
  persistentvolumes: (t) => [
    { id: 'storage', label: 'Storage', render: () => body(<VolumeTab target={t} />) },
  ],
  'storageclasses.storage.k8s.io': (t) => [
    { id: 'storage', label: 'Claims & volumes', render: () => body(<StorageClassTab target={t} />) },
  ],
  'roles.rbac.authorization.k8s.io': rulesTab,
  'clusterroles.rbac.authorization.k8s.io': rulesTab,
}
