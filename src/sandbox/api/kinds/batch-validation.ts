import { isRecord } from '../../types'
import type { StatusCause } from '../status'
import { invalidValue, required, validateContainers } from '../validation'
import { cronScheduleError, timeZoneError } from '../../controllers/cron-schedule'

// Validation for Jobs, CronJobs and HorizontalPodAutoscalers with kube-apiserver's field paths and texts.
function rec(v: unknown): Record<string, unknown> {
  return isRecord(v) ? v : {}
}

function nonNegative(path: string, value: unknown): StatusCause[] {
  return typeof value === 'number' && value < 0
    ? [invalidValue(path, value, 'must be greater than or equal to 0')]
    : []
}

function validateJobSpec(path: string, spec: Record<string, unknown>): StatusCause[] {
  const causes: StatusCause[] = []
  for (const key of ['parallelism', 'completions', 'backoffLimit', 'activeDeadlineSeconds'])
    causes.push(...nonNegative(`${path}.${key}`, spec[key]))
  if (typeof spec.activeDeadlineSeconds === 'number' && spec.activeDeadlineSeconds === 0)
    causes.push(invalidValue(`${path}.activeDeadlineSeconds`, 0, 'must be greater than 0'))
  causes.push(...nonNegative(`${path}.ttlSecondsAfterFinished`, spec.ttlSecondsAfterFinished))
  if (spec.completionMode === 'Indexed' && typeof spec.completions !== 'number')
    causes.push(required(`${path}.completions`, 'when completion mode is Indexed'))
  const podSpec = rec(rec(spec.template).spec)
  causes.push(...validateContainers(`${path}.template.spec`, podSpec))
  const policy = podSpec.restartPolicy
  if (policy !== 'OnFailure' && policy !== 'Never') {
    causes.push({
      reason: 'FieldValueNotSupported',
      message: `Unsupported value: ${JSON.stringify(policy ?? '')}: supported values: "OnFailure", "Never"`,
      field: `${path}.template.spec.restartPolicy`,
    })
  }
  return causes
}

export function validateBatch(kind: string, obj: Record<string, unknown>): StatusCause[] {
  const spec = rec(obj.spec)
  switch (kind) {
    case 'Job':
      return validateJobSpec('spec', spec)
    case 'CronJob': {
      const causes: StatusCause[] = []
      const schedule = typeof spec.schedule === 'string' ? spec.schedule : ''
      if (schedule === '') causes.push(required('spec.schedule'))
      else {
        const err = cronScheduleError(schedule)
        if (err) causes.push(invalidValue('spec.schedule', schedule, err))
      }
      if (typeof spec.timeZone === 'string') {
        const err = timeZoneError(spec.timeZone)
        if (err) causes.push(invalidValue('spec.timeZone', spec.timeZone, err))
      }
      for (const key of ['startingDeadlineSeconds', 'successfulJobsHistoryLimit', 'failedJobsHistoryLimit'])
        causes.push(...nonNegative(`spec.${key}`, spec[key]))
      const policy = spec.concurrencyPolicy
      if (policy !== 'Allow' && policy !== 'Forbid' && policy !== 'Replace') {
        causes.push({
          reason: 'FieldValueNotSupported',
          message: `Unsupported value: ${JSON.stringify(policy)}: supported values: "Allow", "Forbid", "Replace"`,
          field: 'spec.concurrencyPolicy',
        })
      }
      causes.push(...validateJobSpec('spec.jobTemplate.spec', rec(rec(spec.jobTemplate).spec)))
      return causes
    }
    case 'HorizontalPodAutoscaler': {
      const causes: StatusCause[] = []
      const ref = rec(spec.scaleTargetRef)
      if (!ref.kind) causes.push(required('spec.scaleTargetRef.kind'))
      if (!ref.name) causes.push(required('spec.scaleTargetRef.name'))
      const min = typeof spec.minReplicas === 'number' ? spec.minReplicas : 1
      const max = spec.maxReplicas
      if (typeof max !== 'number') causes.push(required('spec.maxReplicas'))
      else if (max < 1) causes.push(invalidValue('spec.maxReplicas', max, 'must be greater than 0'))
      else if (max < min)
        causes.push(invalidValue('spec.maxReplicas', max, 'must be greater than or equal to `minReplicas`'))
      if (min < 1) causes.push(invalidValue('spec.minReplicas', min, 'must be greater than or equal to 1'))
      return causes
    }
  }
  return []
}
