import { isRecord, recordAt } from '../../types'
import { defaultTemplate } from '../defaults'

// Defaulting for batch/v1 and autoscaling/v2 as kube-apiserver's SetDefaults_* functions do it, and the
// selector a Job gets at creation (the batch strategy's generateSelector).

function setDefault(obj: Record<string, unknown>, key: string, value: unknown): void {
  if (obj[key] === undefined || obj[key] === null) obj[key] = value
}

function defaultJobSpec(spec: Record<string, unknown>): void {
  if (spec.completions == null && spec.parallelism == null) {
    spec.completions = 1
    spec.parallelism = 1
  }
  setDefault(spec, 'parallelism', 1)
  setDefault(spec, 'backoffLimit', spec.backoffLimitPerIndex != null ? 2147483647 : 6)
  setDefault(spec, 'completionMode', 'NonIndexed')
  setDefault(spec, 'suspend', false)
  setDefault(spec, 'podReplacementPolicy', spec.podFailurePolicy != null ? 'Failed' : 'TerminatingOrFailed')
  defaultTemplate(spec)
}

const SCALE_UP = {
  stabilizationWindowSeconds: 0,
  selectPolicy: 'Max',
  policies: [
    { type: 'Pods', value: 4, periodSeconds: 15 },
    { type: 'Percent', value: 100, periodSeconds: 15 },
  ],
}
const SCALE_DOWN = {
  stabilizationWindowSeconds: 300,
  selectPolicy: 'Max',
  policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }],
}

function defaultRules(rules: Record<string, unknown>, base: typeof SCALE_UP): void {
  setDefault(rules, 'stabilizationWindowSeconds', base.stabilizationWindowSeconds)
  setDefault(rules, 'selectPolicy', base.selectPolicy)
  setDefault(rules, 'policies', structuredClone(base.policies))
}

/** Returns false for kinds this module does not default. */
export function applyBatchDefaults(kind: string, obj: Record<string, unknown>): boolean {
  switch (kind) {
    case 'Job':
      defaultJobSpec(recordAt(obj, 'spec'))
      setDefault(obj, 'status', {})
      return true
    case 'CronJob': {
      const spec = recordAt(obj, 'spec')
      setDefault(spec, 'concurrencyPolicy', 'Allow')
      setDefault(spec, 'suspend', false)
      setDefault(spec, 'successfulJobsHistoryLimit', 3)
      setDefault(spec, 'failedJobsHistoryLimit', 1)
      defaultTemplate(recordAt(recordAt(spec, 'jobTemplate'), 'spec'))
      setDefault(obj, 'status', {})
      return true
    }
    case 'HorizontalPodAutoscaler': {
      const spec = recordAt(obj, 'spec')
      setDefault(spec, 'minReplicas', 1)
      if (!Array.isArray(spec.metrics) || spec.metrics.length === 0) {
        spec.metrics = [
          {
            type: 'Resource',
            resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } },
          },
        ]
      }
      if (isRecord(spec.behavior)) {
        defaultRules(recordAt(spec.behavior, 'scaleUp'), SCALE_UP)
        defaultRules(recordAt(spec.behavior, 'scaleDown'), SCALE_DOWN)
      }
      setDefault(obj, 'status', {})
      return true
    }
  }
  return false
}

/** A new Job's selector and template labels, from its uid (unless spec.manualSelector). */
export function generateJobSelector(obj: Record<string, unknown>, uid: string): void {
  const spec = recordAt(obj, 'spec')
  if (spec.manualSelector === true) return
  const meta = recordAt(obj, 'metadata')
  const name = typeof meta.name === 'string' ? meta.name : ''
  const labels = recordAt(recordAt(recordAt(spec, 'template'), 'metadata'), 'labels')
  labels['batch.kubernetes.io/controller-uid'] = uid
  labels['batch.kubernetes.io/job-name'] = name
  labels['controller-uid'] = uid
  labels['job-name'] = name
  spec.selector = { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } }
}
