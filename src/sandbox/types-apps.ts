import type { Condition, KObj, LabelSelectorSpec, PodTemplate } from './types'

// Typed views of the apps/v1 StatefulSet, DaemonSet and ControllerRevision objects the controllers read.
export interface StatefulSet extends KObj {
  spec: {
    replicas?: number
    selector: LabelSelectorSpec
    template: PodTemplate
    serviceName?: string
    podManagementPolicy?: string
    updateStrategy?: { type?: string; rollingUpdate?: { partition?: number } }
    volumeClaimTemplates?: PersistentVolumeClaim[]
    revisionHistoryLimit?: number
    minReadySeconds?: number
    persistentVolumeClaimRetentionPolicy?: { whenDeleted?: string; whenScaled?: string }
    ordinals?: { start?: number }
  }
  status?: {
    observedGeneration?: number
    replicas?: number
    readyReplicas?: number
    currentReplicas?: number
    updatedReplicas?: number
    availableReplicas?: number
    currentRevision?: string
    updateRevision?: string
    collisionCount?: number
  }
}

export interface DaemonSet extends KObj {
  spec: {
    selector: LabelSelectorSpec
    template: PodTemplate
    updateStrategy?: {
      type?: string
      rollingUpdate?: { maxUnavailable?: number | string; maxSurge?: number | string }
    }
    revisionHistoryLimit?: number
    minReadySeconds?: number
  }
  status?: {
    currentNumberScheduled: number
    numberMisscheduled: number
    desiredNumberScheduled: number
    numberReady: number
    observedGeneration?: number
    updatedNumberScheduled?: number
    numberAvailable?: number
    numberUnavailable?: number
    collisionCount?: number
  }
}

export interface ControllerRevision extends KObj {
  data?: unknown
  revision: number
}

export interface PersistentVolumeClaim extends KObj {
  spec: {
    accessModes?: string[]
    resources?: { requests?: Record<string, string> }
    storageClassName?: string | null
    volumeName?: string
    volumeMode?: string
    [key: string]: unknown
  }
  status?: {
    phase?: string
    accessModes?: string[]
    capacity?: Record<string, string>
    conditions?: Condition[]
  }
}

export interface Toleration {
  key?: string
  operator?: string
  value?: string
  effect?: string
  tolerationSeconds?: number
}

export interface Taint {
  key: string
  value?: string
  effect: string
  timeAdded?: string
}
