/**
 * Row projections: what the backend sends for each object in a list (a few hundred bytes, not the object).
 * Columns follow `kubectl get -o wide`. Times are ISO strings; the renderer turns them into ticking ages.
 */

export const resourceKinds = [
  'pods',
  'deployments',
  'replicasets',
  'services',
  'configmaps',
  'secrets',
  'events',
  'namespaces',
  'nodes',
] as const
export type ResourceKind = (typeof resourceKinds)[number]

/** Each kind's Kubernetes `kind`, as YAML, owner references and events' involvedObject name it. */
export const kubernetesKind: Record<ResourceKind, string> = {
  pods: 'Pod',
  deployments: 'Deployment',
  replicasets: 'ReplicaSet',
  services: 'Service',
  configmaps: 'ConfigMap',
  secrets: 'Secret',
  events: 'Event',
  namespaces: 'Namespace',
  nodes: 'Node',
}

export const clusterScopedKinds: ReadonlySet<ResourceKind> = new Set(['namespaces', 'nodes'])

export interface OwnerRef {
  kind: string
  name: string
}

export interface RowBase {
  /** `namespace/name` (or `name` for cluster-scoped kinds): stable key for deltas. */
  key: string
  name: string
  namespace?: string
  uid: string
  createdAt: string
  labels: Record<string, string>
  /** Set while the object has a deletionTimestamp. */
  deleting?: boolean
}

export interface PodRow extends RowBase {
  kind: 'pods'
  /** e.g. `1/2` */
  ready: string
  /** kubectl's STATUS text: Running, Pending, ContainerCreating, CrashLoopBackOff, Completed, Terminating, Init:0/1… */
  status: string
  phase: string
  restarts: number
  /** When the most recent restart happened, for `3 (2m ago)`. */
  lastRestartAt?: string
  ip?: string
  node?: string
  nominatedNode?: string
  readinessGates?: string
  owner?: OwnerRef
  containers: string[]
}

export interface DeploymentRow extends RowBase {
  kind: 'deployments'
  ready: string
  upToDate: number
  available: number
  replicas: number
  containers: string
  images: string
  selector: string
  paused: boolean
  /** Derived health: Available, Progressing, Failed (ProgressDeadlineExceeded), ScaledDown, Paused. */
  health: 'available' | 'progressing' | 'failed' | 'scaled-down' | 'paused'
}

export interface ReplicaSetRow extends RowBase {
  kind: 'replicasets'
  desired: number
  current: number
  ready: number
  containers: string
  images: string
  selector: string
  owner?: OwnerRef
  revision?: string
}

export interface ServiceRow extends RowBase {
  kind: 'services'
  type: string
  clusterIP: string
  externalIP: string
  ports: string
  selector: string
}

export interface ConfigMapRow extends RowBase {
  kind: 'configmaps'
  data: number
}

export interface SecretRow extends RowBase {
  kind: 'secrets'
  type: string
  data: number
}

export interface EventRow extends RowBase {
  kind: 'events'
  lastSeen: string
  firstSeen: string
  type: string
  reason: string
  /** `pod/web-abc` */
  object: string
  subobject: string
  source: string
  message: string
  count: number
}

export interface NamespaceRow extends RowBase {
  kind: 'namespaces'
  status: string
}

export interface NodeRow extends RowBase {
  kind: 'nodes'
  status: string
  roles: string
  version: string
  internalIP: string
  externalIP: string
  osImage: string
  kernelVersion: string
  containerRuntime: string
}

export type Row =
  | PodRow
  | DeploymentRow
  | ReplicaSetRow
  | ServiceRow
  | ConfigMapRow
  | SecretRow
  | EventRow
  | NamespaceRow
  | NodeRow

export type RowOf<K extends ResourceKind> = Extract<Row, { kind: K }>
