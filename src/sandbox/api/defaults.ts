import { isRecord, recordAt } from '../types'
import { admitPod } from './pod-admission'
import { accessDefaults } from './kinds/access-defaults'
import { applyBatchDefaults } from './kinds/batch-defaults'

// apps/v1 and core/v1 defaulting; applied identically everywhere because new/old ReplicaSet detection
// compares pod templates deeply.

function setDefault(obj: Record<string, unknown>, key: string, value: unknown): void {
  if (obj[key] === undefined || obj[key] === null) obj[key] = value
}

function defaultContainer(c: Record<string, unknown>): void {
  const image = typeof c.image === 'string' ? c.image : ''
  const tag = image.includes('@') ? 'digest' : (/:([^/:]+)$/.exec(image)?.[1] ?? '')
  setDefault(c, 'imagePullPolicy', tag === '' || tag === 'latest' ? 'Always' : 'IfNotPresent')
  setDefault(c, 'terminationMessagePath', '/dev/termination-log')
  setDefault(c, 'terminationMessagePolicy', 'File')
  setDefault(c, 'resources', {})
  if (Array.isArray(c.ports)) for (const p of c.ports) if (isRecord(p)) setDefault(p, 'protocol', 'TCP')
}

export function defaultPodSpec(spec: Record<string, unknown>): void {
  setDefault(spec, 'restartPolicy', 'Always')
  setDefault(spec, 'terminationGracePeriodSeconds', 30)
  setDefault(spec, 'dnsPolicy', 'ClusterFirst')
  setDefault(spec, 'schedulerName', 'default-scheduler')
  setDefault(spec, 'securityContext', {})
  for (const key of ['containers', 'initContainers']) {
    const list = spec[key]
    if (Array.isArray(list)) for (const c of list) if (isRecord(c)) defaultContainer(c)
  }
}

export function defaultTemplate(spec: Record<string, unknown>): void {
  const template = recordAt(spec, 'template')
  const meta = recordAt(template, 'metadata')
  // kubectl's rollout undo sends creationTimestamp: null inside templates; drop it so templates compare equal.
  if (meta.creationTimestamp === null) delete meta.creationTimestamp
  defaultPodSpec(recordAt(template, 'spec'))
}

export function applyDefaults(kind: string, obj: Record<string, unknown>): void {
  accessDefaults(kind, obj)
  if (applyBatchDefaults(kind, obj)) return
  switch (kind) {
    case 'Deployment': {
      const spec = recordAt(obj, 'spec')
      setDefault(spec, 'replicas', 1)
      const strategy = recordAt(spec, 'strategy')
      setDefault(strategy, 'type', 'RollingUpdate')
      if (strategy.type === 'RollingUpdate') {
        const ru = recordAt(strategy, 'rollingUpdate')
        setDefault(ru, 'maxSurge', '25%')
        setDefault(ru, 'maxUnavailable', '25%')
      }
      setDefault(spec, 'revisionHistoryLimit', 10)
      setDefault(spec, 'progressDeadlineSeconds', 600)
      defaultTemplate(spec)
      setDefault(obj, 'status', {})
      break
    }
    case 'ReplicaSet': {
      const spec = recordAt(obj, 'spec')
      setDefault(spec, 'replicas', 1)
      defaultTemplate(spec)
      setDefault(obj, 'status', { replicas: 0 })
      break
    }
    case 'Pod': {
      const spec = recordAt(obj, 'spec')
      defaultPodSpec(spec)
      setDefault(spec, 'serviceAccountName', 'default')
      setDefault(spec, 'enableServiceLinks', true)
      setDefault(spec, 'preemptionPolicy', 'PreemptLowerPriority')
      setDefault(spec, 'priority', 0)
      admitPod(obj)
      const status = recordAt(obj, 'status')
      setDefault(status, 'phase', 'Pending')
      setDefault(status, 'qosClass', 'BestEffort')
      break
    }
    case 'Service': {
      const spec = recordAt(obj, 'spec')
      setDefault(spec, 'type', 'ClusterIP')
      setDefault(spec, 'sessionAffinity', 'None')
      setDefault(spec, 'ipFamilies', ['IPv4'])
      setDefault(spec, 'ipFamilyPolicy', 'SingleStack')
      setDefault(spec, 'internalTrafficPolicy', 'Cluster')
      if (Array.isArray(spec.ports)) {
        for (const p of spec.ports) {
          if (!isRecord(p)) continue
          setDefault(p, 'protocol', 'TCP')
          setDefault(p, 'targetPort', p.port)
        }
      }
      setDefault(obj, 'status', { loadBalancer: {} })
      break
    }
    case 'Secret': {
      setDefault(obj, 'type', 'Opaque')
      // stringData is write-only: merged into data as base64, like the API server does.
      if (isRecord(obj.stringData)) {
        const data = recordAt(obj, 'data')
        for (const [k, v] of Object.entries(obj.stringData))
          data[k] = Buffer.from(String(v)).toString('base64')
      }
      delete obj.stringData
      break
    }
    case 'Namespace': {
      const spec = recordAt(obj, 'spec')
      setDefault(spec, 'finalizers', ['kubernetes'])
      const status = recordAt(obj, 'status')
      setDefault(status, 'phase', 'Active')
      const meta = recordAt(obj, 'metadata')
      const labels = recordAt(meta, 'labels')
      if (typeof meta.name === 'string') labels['kubernetes.io/metadata.name'] = meta.name
      break
    }
    case 'Event':
      if (obj.apiVersion === 'events.k8s.io/v1') break
      setDefault(obj, 'count', 1)
      setDefault(obj, 'type', 'Normal')
      break
  }
}
