import { deleteObject } from '../api/deletion'
import { resourceByKind } from '../api/resources'
import type { KObj, Pod } from '../types'
import { isRecord } from '../types'
import type { Sync } from './index'
import type { JobStatus } from './job-status'
import { isTerminal } from './job-status'
import { formatIndexes, indexPodTemplate, parseIndexes, podIndex } from './job-indexed'
import { controllerRef } from './owned'

// The job controller's pod work: counting finished pods once (the job-tracking finalizer), creating pods
// from the template (with a completion index for Indexed Jobs) and deleting them.
const TRACKING = 'batch.kubernetes.io/job-tracking'
export const COMPONENT = 'job-controller'

export interface JobSpec {
  parallelism?: number
  completions?: number | null
  backoffLimit?: number
  activeDeadlineSeconds?: number
  ttlSecondsAfterFinished?: number
  suspend?: boolean
  template?: { metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> } }
}

export function specOf(job: KObj): JobSpec {
  return isRecord(job.spec) ? (job.spec as JobSpec) : {}
}

// Counts newly finished pods (and pods deleted before they finished, as failures) and lets them go.
export function countFinished(sync: Sync, pods: Pod[], status: JobStatus, indexed: boolean): void {
  const podDef = resourceByKind('Pod')
  for (const pod of pods) {
    const finalizers = pod.metadata.finalizers ?? []
    if (!finalizers.includes(TRACKING)) continue
    const done = isTerminal(pod)
    if (!done && !pod.metadata.deletionTimestamp) continue
    if (pod.status.phase === 'Succeeded') {
      status.succeeded = (status.succeeded ?? 0) + 1
      const index = indexed ? podIndex(pod) : undefined
      if (index !== undefined)
        status.completedIndexes = formatIndexes(parseIndexes(status.completedIndexes).add(index))
    } else status.failed = (status.failed ?? 0) + 1
    const next = structuredClone(pod)
    next.metadata.finalizers = finalizers.filter((f) => f !== TRACKING)
    if (next.metadata.finalizers.length === 0) delete next.metadata.finalizers
    sync.api.update(podDef, pod.metadata.namespace ?? '', pod.metadata.name, next, { internal: true })
  }
}

export function deletePods(sync: Sync, job: KObj, pods: Pod[]): void {
  const podDef = resourceByKind('Pod')
  for (const pod of pods) {
    deleteObject(sync.api, podDef, pod.metadata.namespace ?? '', pod.metadata.name, {})
    sync.events.record(job, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`, COMPONENT)
  }
}

export function createPod(sync: Sync, job: KObj, index?: number): void {
  const ns = job.metadata.namespace ?? ''
  const template = structuredClone(specOf(job).template ?? {}) as {
    metadata?: KObj['metadata']
    spec?: Record<string, unknown>
  }
  const labels = { ...template.metadata?.labels }
  const annotations = { ...template.metadata?.annotations }
  const spec = template.spec ?? {}
  const generateName =
    index === undefined
      ? `${job.metadata.name}-`
      : indexPodTemplate(job.metadata.name, index, { labels, annotations }, spec)
  const pod = sync.api.create(
    resourceByKind('Pod'),
    ns,
    {
      metadata: {
        generateName,
        namespace: ns,
        labels,
        ...(Object.keys(annotations).length > 0 ? { annotations } : {}),
        ownerReferences: [controllerRef(job)],
        finalizers: [TRACKING],
      },
      spec,
    },
    { internal: true },
  )
  sync.events.record(job, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`, COMPONENT)
}
