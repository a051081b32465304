import { isRecord, recordAt } from '../types'
import { defaultTemplate } from './defaults'

// apps/v1 StatefulSet and DaemonSet, core/v1 PersistentVolume(Claim) and storage.k8s.io/v1 StorageClass
// defaulting, as pkg/apis/*/v1/defaults.go applies it.
function setDefault(obj: Record<string, unknown>, key: string, value: unknown): void {
  if (obj[key] === undefined || obj[key] === null) obj[key] = value
}

function defaultClaim(claim: Record<string, unknown>): void {
  setDefault(recordAt(claim, 'spec'), 'volumeMode', 'Filesystem')
  setDefault(recordAt(claim, 'status'), 'phase', 'Pending')
}

export function applyStorageAndAppsDefaults(kind: string, obj: Record<string, unknown>): void {
  switch (kind) {
    case 'StatefulSet': {
      const spec = recordAt(obj, 'spec')
      setDefault(spec, 'replicas', 1)
      setDefault(spec, 'podManagementPolicy', 'OrderedReady')
      const strategy = recordAt(spec, 'updateStrategy')
      setDefault(strategy, 'type', 'RollingUpdate')
      if (strategy.type === 'RollingUpdate') setDefault(recordAt(strategy, 'rollingUpdate'), 'partition', 0)
      setDefault(spec, 'revisionHistoryLimit', 10)
      const retention = recordAt(spec, 'persistentVolumeClaimRetentionPolicy')
      setDefault(retention, 'whenDeleted', 'Retain')
      setDefault(retention, 'whenScaled', 'Retain')
      if (Array.isArray(spec.volumeClaimTemplates)) {
        for (const t of spec.volumeClaimTemplates) {
          if (!isRecord(t)) continue
          setDefault(t, 'apiVersion', 'v1')
          setDefault(t, 'kind', 'PersistentVolumeClaim')
          defaultClaim(t)
        }
      }
      defaultTemplate(spec)
      setDefault(obj, 'status', { replicas: 0, availableReplicas: 0 })
      break
    }
    case 'DaemonSet': {
      const spec = recordAt(obj, 'spec')
      const strategy = recordAt(spec, 'updateStrategy')
      setDefault(strategy, 'type', 'RollingUpdate')
      if (strategy.type === 'RollingUpdate') {
        const ru = recordAt(strategy, 'rollingUpdate')
        setDefault(ru, 'maxUnavailable', 1)
        setDefault(ru, 'maxSurge', 0)
      }
      setDefault(spec, 'revisionHistoryLimit', 10)
      defaultTemplate(spec)
      setDefault(obj, 'status', {
        currentNumberScheduled: 0,
        numberMisscheduled: 0,
        desiredNumberScheduled: 0,
        numberReady: 0,
      })
      break
    }
    case 'PersistentVolumeClaim':
      defaultClaim(obj)
      break
    case 'PersistentVolume': {
      const spec = recordAt(obj, 'spec')
      setDefault(spec, 'persistentVolumeReclaimPolicy', 'Retain')
      setDefault(spec, 'volumeMode', 'Filesystem')
      setDefault(recordAt(obj, 'status'), 'phase', 'Pending')
      break
    }
    case 'StorageClass':
      setDefault(obj, 'reclaimPolicy', 'Delete')
      setDefault(obj, 'volumeBindingMode', 'Immediate')
      break
  }
}
