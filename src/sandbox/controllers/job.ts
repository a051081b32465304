import { deleteObject } from '../api/deletion'
import { deepEqual } from '../api/deep-equal'
import { resourceByKind } from '../api/resources'
import type { KObj, Pod } from '../types'
import type { Sync } from './index'
import type { JobStatus } from './job-status'
import {
  failureBackoffMs,
  hasJobCondition,
  isTerminal,
  jobCondition,
  jobFinishedAt,
  jobStatusOf,
  podFinishedAt,
  setJobCondition,
} from './job-status'
import { missingIndexes, parseIndexes, podIndex } from './job-indexed'
import { COMPONENT, countFinished, createPod, deletePods, specOf } from './job-pods'
import { isPodReady, ownedBy } from './owned'

// The Job controller (pkg/controller/job): runs pods until `completions` succeed, at most `parallelism` at
// once; counts finished pods once through the job-tracking finalizer; recreates failed pods after an
// exponential back-off until `backoffLimit`; fails the Job at `activeDeadlineSeconds`; and the TTL
// controller deletes a finished Job `ttlSecondsAfterFinished` later.

function writeStatus(sync: Sync, job: KObj, status: JobStatus): void {
  if (deepEqual(status, job.status)) return
  sync.api.update(
    resourceByKind('Job'),
    job.metadata.namespace ?? '',
    job.metadata.name,
    { ...structuredClone(job), status },
    { internal: true, subresource: 'status' },
  )
}

function expireFinished(sync: Sync, job: KObj, status: JobStatus): void {
  const ttl = specOf(job).ttlSecondsAfterFinished
  const finished = jobFinishedAt(status)
  if (typeof ttl !== 'number' || !finished) return
  const due = Date.parse(finished) + ttl * 1000
  const ns = job.metadata.namespace ?? ''
  if (sync.clock.now() < due) return sync.after(`Job|${ns}|${job.metadata.name}`, due - sync.clock.now())
  deleteObject(sync.api, resourceByKind('Job'), ns, job.metadata.name, { propagationPolicy: 'Foreground' })
}

export function syncJob(sync: Sync, ns: string, name: string): void {
  const entry = sync.api.store.get(resourceByKind('Job'), ns, name)
  if (!entry || entry.obj.metadata.deletionTimestamp) return
  const job = entry.obj
  const spec = specOf(job)
  const key = `Job|${ns}|${name}`
  const now = sync.clock.now()
  const at = sync.api.timestamp()
  const status = jobStatusOf(job)
  const pods = ownedBy(sync.api, 'Pod', job) as Pod[]
  const indexed = (spec as { completionMode?: string }).completionMode === 'Indexed'
  countFinished(sync, pods, status, indexed)
  const active = pods.filter((p) => !isTerminal(p) && !p.metadata.deletionTimestamp)
  const terminating = pods.filter((p) => !isTerminal(p) && p.metadata.deletionTimestamp).length

  if (hasJobCondition(status, 'Complete') || hasJobCondition(status, 'Failed')) {
    writeStatus(sync, job, finishStatus(status, [], terminating))
    return expireFinished(sync, job, status)
  }
  if (spec.suspend === true) {
    deletePods(sync, job, active)
    if (!hasJobCondition(status, 'Suspended')) {
      setJobCondition(status, jobCondition('Suspended', 'JobSuspended', 'Job suspended', at))
      sync.events.record(job, 'Normal', 'Suspended', 'Job suspended', COMPONENT)
    }
    delete status.startTime
    return writeStatus(sync, job, finishStatus(status, [], terminating + active.length))
  }
  if (hasJobCondition(status, 'Suspended')) {
    setJobCondition(status, {
      ...jobCondition('Suspended', 'JobResumed', 'Job resumed', at),
      status: 'False',
    })
    sync.events.record(job, 'Normal', 'Resumed', 'Job resumed', COMPONENT)
  }
  status.startTime ??= at
  const completions = typeof spec.completions === 'number' ? spec.completions : undefined
  const succeeded = status.succeeded ?? 0
  const failed = status.failed ?? 0

  // Failure: past the back-off limit or the deadline. FailureTarget first, Failed once no pod is left.
  const deadline =
    typeof spec.activeDeadlineSeconds === 'number'
      ? Date.parse(status.startTime) + spec.activeDeadlineSeconds * 1000
      : undefined
  if (!hasJobCondition(status, 'FailureTarget')) {
    const limit = spec.backoffLimit ?? 6
    const why =
      failed > limit || restartsPastLimit(active, limit)
        ? (['BackoffLimitExceeded', 'Job has reached the specified backoff limit'] as const)
        : deadline !== undefined && now >= deadline
          ? (['DeadlineExceeded', 'Job was active longer than specified deadline'] as const)
          : undefined
    if (why) {
      setJobCondition(status, jobCondition('FailureTarget', why[0], why[1], at))
      sync.events.record(job, 'Warning', why[0], why[1], COMPONENT)
    }
  }
  const failure = status.conditions?.find((c) => c.type === 'FailureTarget' && c.status === 'True')
  if (failure) {
    deletePods(sync, job, active)
    if (terminating + active.length === 0)
      setJobCondition(status, jobCondition('Failed', failure.reason ?? '', failure.message ?? '', at))
    return writeStatus(sync, job, finishStatus(status, [], terminating + active.length))
  }
  if (deadline !== undefined) sync.after(key, deadline - now)

  // Success: enough pods succeeded (or, without completions, one did and the rest are done).
  const done = indexed
    ? parseIndexes(status.completedIndexes).size >= (completions ?? 1)
    : completions !== undefined
      ? succeeded >= completions
      : succeeded > 0 && active.length === 0
  if (done || hasJobCondition(status, 'SuccessCriteriaMet')) {
    if (!hasJobCondition(status, 'SuccessCriteriaMet'))
      setJobCondition(
        status,
        jobCondition(
          'SuccessCriteriaMet',
          'CompletionsReached',
          'Reached expected number of succeeded pods',
          at,
        ),
      )
    deletePods(sync, job, active)
    if (terminating + active.length === 0) {
      setJobCondition(
        status,
        jobCondition('Complete', 'CompletionsReached', 'Reached expected number of succeeded pods', at),
      )
      status.completionTime = at
      sync.events.record(job, 'Normal', 'Completed', 'Job completed', COMPONENT)
    }
    writeStatus(sync, job, finishStatus(status, [], terminating + active.length))
    return expireFinished(sync, job, status)
  }

  // Keep `parallelism` pods running (fewer near the end), waiting out the failure back-off first.
  const parallelism = spec.parallelism ?? 1
  const remaining = indexed
    ? (completions ?? 1) - parseIndexes(status.completedIndexes).size
    : (completions ?? 0) - succeeded
  const want = completions !== undefined ? Math.min(parallelism, remaining) : succeeded > 0 ? 0 : parallelism
  if (active.length < want) {
    const lastFailure = Math.max(
      0,
      ...pods.filter((p) => p.status.phase === 'Failed').map((p) => podFinishedAt(p) ?? 0),
    )
    const readyAt = failed > 0 && lastFailure > 0 ? lastFailure + failureBackoffMs(failed) : now
    if (now < readyAt) sync.after(key, readyAt - now)
    else if (indexed) {
      const running = new Set(active.map(podIndex).filter((i): i is number => i !== undefined))
      const succeededIndexes = parseIndexes(status.completedIndexes)
      for (const i of missingIndexes(completions ?? 1, succeededIndexes, running, want - active.length))
        createPod(sync, job, i)
    } else for (let i = active.length; i < want; i++) createPod(sync, job)
  } else if (active.length > want) deletePods(sync, job, active.slice(want))
  const fresh = ownedBy(sync.api, 'Pod', job) as Pod[]
  const running = fresh.filter((p) => !isTerminal(p) && !p.metadata.deletionTimestamp)
  writeStatus(sync, job, finishStatus(status, running, terminating))
}

// With restartPolicy OnFailure the kubelet restarts failing containers and their restarts count as failures.
function restartsPastLimit(active: Pod[], limit: number): boolean {
  const restarts = active
    .filter((p) => p.spec.restartPolicy === 'OnFailure')
    .flatMap((p) => p.status.containerStatuses ?? [])
    .reduce((sum, s) => sum + s.restartCount, 0)
  return limit === 0 ? restarts > 0 : restarts >= limit && restarts > 0
}

// The counters as the API shows them: active/succeeded/failed omitted at 0, ready and terminating kept.
function finishStatus(status: JobStatus, active: Pod[], terminating: number): JobStatus {
  const out: JobStatus = { ...status }
  if (active.length > 0) out.active = active.length
  else delete out.active
  out.ready = active.filter(isPodReady).length
  out.terminating = terminating
  if (!out.succeeded) delete out.succeeded
  if (!out.failed) delete out.failed
  out.uncountedTerminatedPods = {}
  return out
}
