// Loose shapes of Kubernetes objects as they arrive on the wire (plain JSON, timestamps as strings).
// Every field is optional: projections must survive partial or odd objects without throwing.

export interface WireOwnerRef {
  apiVersion?: string
  kind?: string
  name?: string
  uid?: string
  controller?: boolean
}

export interface WireMeta {
  name?: string
  namespace?: string
  uid?: string
  resourceVersion?: string
  creationTimestamp?: string
  deletionTimestamp?: string
  labels?: Record<string, string>
  annotations?: Record<string, string>
  ownerReferences?: WireOwnerRef[]
}

export interface WireObject {
  apiVersion?: string
  kind?: string
  metadata?: WireMeta
}

export interface WireCondition {
  type?: string
  status?: string
  reason?: string
  message?: string
  lastTransitionTime?: string
}

export interface WireContainerState {
  waiting?: { reason?: string; message?: string }
  running?: { startedAt?: string }
  terminated?: { exitCode?: number; signal?: number; reason?: string; finishedAt?: string }
}

export interface WireContainerStatus {
  name?: string
  ready?: boolean
  started?: boolean
  restartCount?: number
  state?: WireContainerState
  lastState?: WireContainerState
}

export interface WireContainer {
  name?: string
  image?: string
  restartPolicy?: string
  ports?: { containerPort?: number; protocol?: string; name?: string }[]
}

export interface WirePod extends WireObject {
  spec?: {
    nodeName?: string
    containers?: WireContainer[]
    initContainers?: WireContainer[]
    readinessGates?: { conditionType?: string }[]
  }
  status?: {
    phase?: string
    reason?: string
    nominatedNodeName?: string
    podIP?: string
    podIPs?: { ip?: string }[]
    conditions?: WireCondition[]
    containerStatuses?: WireContainerStatus[]
    initContainerStatuses?: WireContainerStatus[]
  }
}

export interface WireLabelSelector {
  matchLabels?: Record<string, string>
  matchExpressions?: { key?: string; operator?: string; values?: string[] }[]
}

export interface WirePodTemplate {
  metadata?: WireMeta
  spec?: { containers?: WireContainer[] }
}

export interface WireWorkload extends WireObject {
  spec?: { replicas?: number; paused?: boolean; selector?: WireLabelSelector; template?: WirePodTemplate }
  status?: {
    replicas?: number
    readyReplicas?: number
    updatedReplicas?: number
    availableReplicas?: number
    conditions?: WireCondition[]
  }
}

export interface WireService extends WireObject {
  spec?: {
    type?: string
    clusterIP?: string
    clusterIPs?: string[]
    externalIPs?: string[]
    externalName?: string
    selector?: Record<string, string>
    ports?: {
      port?: number
      nodePort?: number
      protocol?: string
      name?: string
      targetPort?: number | string
    }[]
  }
  status?: { loadBalancer?: { ingress?: { ip?: string; hostname?: string }[] } }
}

export interface WireNode extends WireObject {
  spec?: { unschedulable?: boolean }
  status?: {
    conditions?: WireCondition[]
    addresses?: { type?: string; address?: string }[]
    nodeInfo?: {
      kubeletVersion?: string
      osImage?: string
      kernelVersion?: string
      containerRuntimeVersion?: string
    }
  }
}

export interface WireEvent extends WireObject {
  involvedObject?: { kind?: string; name?: string; namespace?: string; fieldPath?: string; uid?: string }
  reason?: string
  message?: string
  type?: string
  count?: number
  firstTimestamp?: string | null
  lastTimestamp?: string | null
  eventTime?: string | null
  series?: { count?: number; lastObservedTime?: string }
  source?: { component?: string; host?: string }
  reportingComponent?: string
  reportingInstance?: string
}

export interface WireDataObject extends WireObject {
  type?: string
  data?: Record<string, string>
  binaryData?: Record<string, string>
  status?: { phase?: string }
}
