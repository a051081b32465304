import type { V1Job, V1Pod } from '@kubernetes/client-node'
import type { JobPod, JobSummary } from '@shared/contract'

const iso = (d: Date | string | undefined): string | undefined =>
  d === undefined ? undefined : new Date(d).toISOString()

const hasCondition = (job: V1Job, type: string): boolean =>
  (job.status?.conditions ?? []).some((c) => c.type === type && c.status === 'True')

/** A Job's state as kubectl's STATUS column words it, with its counts. */
export function summarizeJob(job: V1Job): JobSummary {
  const state: JobSummary['state'] = hasCondition(job, 'Complete')
    ? 'Complete'
    : hasCondition(job, 'Failed')
      ? 'Failed'
      : job.spec?.suspend
        ? 'Suspended'
        : 'Running'
  const out: JobSummary = {
    name: job.metadata?.name ?? '',
    state,
    succeeded: job.status?.succeeded ?? 0,
    failed: job.status?.failed ?? 0,
    active: job.status?.active ?? 0,
    completions: job.spec?.completions ?? 1,
    parallelism: job.spec?.parallelism ?? 1,
    manual: job.metadata?.annotations?.['cronjob.kubernetes.io/instantiate'] === 'manual',
  }
  const created = iso(job.metadata?.creationTimestamp)
  const started = iso(job.status?.startTime)
  const completed = iso(job.status?.completionTime)
  if (created) out.createdAt = created
  if (started) out.startTime = started
  if (completed) out.completionTime = completed
  return out
}

export function summarizePod(pod: V1Pod): JobPod {
  const out: JobPod = {
    name: pod.metadata?.name ?? '',
    phase: pod.metadata?.deletionTimestamp ? 'Terminating' : (pod.status?.phase ?? 'Pending'),
    restarts: (pod.status?.containerStatuses ?? []).reduce((n, c) => n + c.restartCount, 0),
    containers: (pod.spec?.containers ?? []).map((c) => c.name),
  }
  if (pod.spec?.nodeName) out.node = pod.spec.nodeName
  return out
}

/** Newest first, by creation time then name (a CronJob's runs are named by their scheduled minute). */
export function newestFirst(a: JobSummary, b: JobSummary): number {
  return (b.createdAt ?? '').localeCompare(a.createdAt ?? '') || b.name.localeCompare(a.name)
}
