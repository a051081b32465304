// Loose shapes of the Kubernetes objects the sandbox stores; controllers narrow them with the typed views below.
export interface OwnerReference {
  apiVersion: string
  kind: string
  name: string
  uid: string
  controller?: boolean
  blockOwnerDeletion?: boolean
}

export interface ObjectMeta {
  name: string
  namespace?: string
  generateName?: string
  uid: string
  resourceVersion: string
  generation?: number
  creationTimestamp: string
  deletionTimestamp?: string
  deletionGracePeriodSeconds?: number
  labels?: Record<string, string>
  annotations?: Record<string, string>
  ownerReferences?: OwnerReference[]
  finalizers?: string[]
  [key: string]: unknown
}

export interface KObj {
  apiVersion: string
  kind: string
  metadata: ObjectMeta
  [key: string]: unknown
}

export interface Condition {
  type: string
  status: 'True' | 'False' | 'Unknown'
  reason?: string
  message?: string
  lastUpdateTime?: string
  lastTransitionTime?: string
  lastProbeTime?: string | null
}

export interface ContainerSpec {
  name: string
  image: string
  ports?: Array<{ containerPort: number; protocol?: string; name?: string }>
  [key: string]: unknown
}

export interface PodTemplate {
  metadata?: { labels?: Record<string, string>; annotations?: Record<string, string>; [key: string]: unknown }
  spec: {
    containers: ContainerSpec[]
    initContainers?: ContainerSpec[]
    nodeName?: string
    [key: string]: unknown
  }
}

export interface LabelSelectorSpec {
  matchLabels?: Record<string, string>
  matchExpressions?: Array<{ key: string; operator: string; values?: string[] }>
}

export interface ContainerState {
  waiting?: { reason: string; message?: string }
  running?: { startedAt: string }
  terminated?: {
    exitCode: number
    reason: string
    startedAt: string
    finishedAt: string
    containerID?: string
  }
}

export interface ContainerStatus {
  name: string
  image: string
  imageID: string
  containerID?: string
  ready: boolean
  started: boolean
  restartCount: number
  state: ContainerState
  lastState: ContainerState
}

export interface Pod extends KObj {
  spec: PodTemplate['spec'] & { restartPolicy?: string }
  status: {
    phase?: string
    conditions?: Condition[]
    hostIP?: string
    podIP?: string
    podIPs?: Array<{ ip: string }>
    startTime?: string
    containerStatuses?: ContainerStatus[]
    qosClass?: string
    reason?: string
    [key: string]: unknown
  }
}

export interface ReplicaSet extends KObj {
  spec: { replicas?: number; minReadySeconds?: number; selector: LabelSelectorSpec; template: PodTemplate }
  status: {
    replicas: number
    fullyLabeledReplicas?: number
    readyReplicas?: number
    availableReplicas?: number
    observedGeneration?: number
  }
}

export interface Deployment extends KObj {
  spec: {
    replicas?: number
    selector: LabelSelectorSpec
    template: PodTemplate
    strategy?: {
      type?: string
      rollingUpdate?: { maxSurge?: number | string; maxUnavailable?: number | string }
    }
    paused?: boolean
    revisionHistoryLimit?: number
    progressDeadlineSeconds?: number
    minReadySeconds?: number
  }
  status: {
    observedGeneration?: number
    replicas?: number
    updatedReplicas?: number
    readyReplicas?: number
    availableReplicas?: number
    unavailableReplicas?: number
    conditions?: Condition[]
    collisionCount?: number
  }
}

export interface Service extends KObj {
  spec: {
    type?: string
    selector?: Record<string, string>
    clusterIP?: string
    clusterIPs?: string[]
    ports?: Array<{
      port: number
      targetPort?: number | string
      protocol?: string
      name?: string
      nodePort?: number
    }>
    externalIPs?: string[]
    [key: string]: unknown
  }
  status?: { loadBalancer?: { ingress?: Array<{ ip?: string; hostname?: string }> } }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** `parent[key]` as an object, made (and set) empty first when it is not one: for filling in defaults. */
export function recordAt(parent: Record<string, unknown>, key: string): Record<string, unknown> {
  const v = parent[key]
  if (isRecord(v)) return v
  const fresh: Record<string, unknown> = {}
  parent[key] = fresh
  return fresh
}
