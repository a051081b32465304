import type { ContainerSpec, KObj, LabelSelectorSpec } from '../types'
import { isRecord } from '../types'
import { ageOf, humanDuration } from './age'
import { selectorToString } from './selectors'
import type { ColumnDef, KindPrinter } from './table-columns'

// kube-apiserver's printJob, printCronJob and printHorizontalPodAutoscaler (pkg/printers/internalversion).
function col(name: string, type = 'string', priority = 0, format = ''): ColumnDef {
  return { name, type, format, description: name, priority }
}
const NAME = col('Name', 'string', 0, 'name')
const AGE = col('Age')
const WIDE = [col('Containers', 'string', 1), col('Images', 'string', 1), col('Selector', 'string', 1)]

function rec(v: unknown): Record<string, unknown> {
  return isRecord(v) ? v : {}
}

function containers(template: unknown): [string, string] {
  const cs = (rec(rec(template).spec).containers ?? []) as ContainerSpec[]
  return [cs.map((c) => c.name).join(','), cs.map((c) => c.image).join(',')]
}

function hasCondition(status: Record<string, unknown>, type: string): boolean {
  const conditions = Array.isArray(status.conditions) ? status.conditions : []
  return conditions.some((c) => isRecord(c) && c.type === type && c.status === 'True')
}

export function jobStatusText(job: KObj): string {
  const status = rec(job.status)
  if (hasCondition(status, 'Complete')) return 'Complete'
  if (hasCondition(status, 'Failed')) return 'Failed'
  if (job.metadata.deletionTimestamp) return 'Terminating'
  if (hasCondition(status, 'Suspended')) return 'Suspended'
  if (hasCondition(status, 'FailureTarget')) return 'FailureTarget'
  return 'Running'
}

const jobPrinter: KindPrinter = {
  columns: [NAME, col('Status'), col('Completions'), col('Duration'), AGE, ...WIDE],
  cells(job, now) {
    const spec = rec(job.spec)
    const status = rec(job.status)
    const succeeded = Number(status.succeeded ?? 0)
    const parallelism = Number(spec.parallelism ?? 0)
    const completions =
      typeof spec.completions === 'number'
        ? `${succeeded}/${spec.completions}`
        : parallelism > 1
          ? `${succeeded}/1 of ${parallelism}`
          : `${succeeded}/1`
    const start = typeof status.startTime === 'string' ? Date.parse(status.startTime) : undefined
    const end = typeof status.completionTime === 'string' ? Date.parse(status.completionTime) : now
    const [names, images] = containers(spec.template)
    return [
      job.metadata.name,
      jobStatusText(job),
      completions,
      start === undefined ? '' : humanDuration(end - start),
      ageOf(job.metadata.creationTimestamp, now),
      names,
      images,
      selectorToString(spec.selector as LabelSelectorSpec | undefined),
    ]
  },
}

const cronJobPrinter: KindPrinter = {
  columns: [
    NAME,
    col('Schedule'),
    col('Timezone'),
    col('Suspend', 'boolean'),
    col('Active', 'integer'),
    col('Last Schedule'),
    AGE,
    ...WIDE,
  ],
  cells(cj, now) {
    const spec = rec(cj.spec)
    const status = rec(cj.status)
    const jobSpec = rec(rec(spec.jobTemplate).spec)
    const [names, images] = containers(jobSpec.template)
    return [
      cj.metadata.name,
      String(spec.schedule ?? ''),
      typeof spec.timeZone === 'string' ? spec.timeZone : '<none>',
      typeof spec.suspend === 'boolean' ? String(spec.suspend) : '<unset>',
      Array.isArray(status.active) ? status.active.length : 0,
      status.lastScheduleTime ? ageOf(status.lastScheduleTime, now) : '<none>',
      ageOf(cj.metadata.creationTimestamp, now),
      names,
      images,
      selectorToString(jobSpec.selector as LabelSelectorSpec | undefined),
    ]
  },
}

// formatHPAMetrics, for the metric kinds the sandbox can measure (resource metrics) and the rest by shape.
function hpaTargets(specs: unknown[], statuses: unknown[]): string {
  if (specs.length === 0) return '<none>'
  const list = specs.map((raw, i) => {
    const spec = rec(raw)
    const type = String(spec.type ?? '')
    const key = type === 'ContainerResource' ? 'containerResource' : type.toLowerCase()
    const source = rec(spec[key])
    const target = rec(source.target)
    const current = rec(rec(rec(statuses[i])[key]).current)
    const prefix = type === 'Resource' || type === 'ContainerResource' ? `${String(source.name)}: ` : ''
    if (target.averageValue !== undefined) {
      const avg = type === 'External' || type === 'Object' ? ' (avg)' : ''
      return `${prefix}${String(current.averageValue ?? '<unknown>')}/${String(target.averageValue)}${avg}`
    }
    if (type === 'Resource' || type === 'ContainerResource') {
      const cur =
        typeof current.averageUtilization === 'number' ? `${current.averageUtilization}%` : '<unknown>'
      const tgt = typeof target.averageUtilization === 'number' ? `${target.averageUtilization}%` : '<auto>'
      return `${prefix}${cur}/${tgt}`
    }
    if (type === 'External' || type === 'Object')
      return `${String(current.value ?? '<unknown>')}/${String(target.value)}`
    return '<unknown type>'
  })
  const shown = list.slice(0, 2).join(', ')
  return list.length > 2 ? `${shown} + ${list.length - 2} more...` : shown
}

const hpaPrinter: KindPrinter = {
  columns: [
    NAME,
    col('Reference'),
    col('Targets'),
    col('MinPods'),
    col('MaxPods', 'integer'),
    col('Replicas', 'integer'),
    AGE,
  ],
  cells(hpa, now) {
    const spec = rec(hpa.spec)
    const status = rec(hpa.status)
    const ref = rec(spec.scaleTargetRef)
    return [
      hpa.metadata.name,
      `${String(ref.kind ?? '')}/${String(ref.name ?? '')}`,
      hpaTargets(
        Array.isArray(spec.metrics) ? spec.metrics : [],
        Array.isArray(status.currentMetrics) ? status.currentMetrics : [],
      ),
      typeof spec.minReplicas === 'number' ? String(spec.minReplicas) : '<unset>',
      Number(spec.maxReplicas ?? 0),
      Number(status.currentReplicas ?? 0),
      ageOf(hpa.metadata.creationTimestamp, now),
    ]
  },
}

export const BATCH_PRINTERS: Record<string, KindPrinter> = {
  Job: jobPrinter,
  CronJob: cronJobPrinter,
  HorizontalPodAutoscaler: hpaPrinter,
}
