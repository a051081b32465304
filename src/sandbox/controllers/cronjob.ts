import { deleteObject } from '../api/deletion'
import { deepEqual } from '../api/deep-equal'
import { rfc3339 } from '../api/names'
import { resourceByKind } from '../api/resources'
import { ApiError } from '../api/status'
import type { KObj } from '../types'
import { isRecord } from '../types'
import { nextScheduleAfter } from './cron-schedule'
import type { Sync } from './index'
import { hasJobCondition, jobStatusOf } from './job-status'
import { controllerRef, ownedBy } from './owned'

// The CronJob controller (pkg/controller/cronjob, v2): creates a Job for each scheduled time on the sandbox
// clock, in spec.timeZone; honours suspend, startingDeadlineSeconds and concurrencyPolicy; keeps
// status.active and the last schedule/success times; prunes finished Jobs beyond the history limits.
const COMPONENT = 'cronjob-controller'
// kube-controller-manager gives up on a CronJob that missed more than 100 start times
const MAX_MISSED = 100

interface CronJobSpec {
  schedule: string
  timeZone?: string
  startingDeadlineSeconds?: number
  concurrencyPolicy?: 'Allow' | 'Forbid' | 'Replace'
  suspend?: boolean
  successfulJobsHistoryLimit?: number
  failedJobsHistoryLimit?: number
  jobTemplate?: {
    metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> }
    spec?: unknown
  }
}

interface CronJobStatus {
  active?: Array<Record<string, unknown>>
  lastScheduleTime?: string
  lastSuccessfulTime?: string
}

function finishedType(job: KObj): 'Complete' | 'Failed' | undefined {
  const status = jobStatusOf(job)
  if (hasJobCondition(status, 'Complete')) return 'Complete'
  if (hasJobCondition(status, 'Failed')) return 'Failed'
  return undefined
}

function jobRef(job: KObj): Record<string, unknown> {
  return {
    kind: 'Job',
    namespace: job.metadata.namespace,
    name: job.metadata.name,
    uid: job.metadata.uid,
    apiVersion: 'batch/v1',
    resourceVersion: job.metadata.resourceVersion,
  }
}

// The latest schedule time in (since, now], and how many were missed on the way.
function mostRecentSchedule(spec: CronJobSpec, since: number, now: number): number | undefined {
  let t = nextScheduleAfter(spec.schedule, spec.timeZone, since)
  let latest: number | undefined
  for (let n = 0; t !== undefined && t <= now && n <= MAX_MISSED; n++) {
    latest = t
    t = nextScheduleAfter(spec.schedule, spec.timeZone, t)
  }
  return latest
}

// Go's time.RFC1123Z in UTC: "Mon, 02 Jan 2006 15:04:05 +0000"
function rfc1123z(ms: number): string {
  return new Date(ms).toUTCString().replace('GMT', '+0000')
}

function pruneHistory(sync: Sync, cj: KObj, finished: KObj[], type: string, limit: number | undefined): void {
  const mine = finished
    .filter((j) => finishedType(j) === type)
    .sort((a, b) => (a.metadata.creationTimestamp < b.metadata.creationTimestamp ? -1 : 1))
  if (limit === undefined || mine.length <= limit) return
  for (const job of mine.slice(0, mine.length - limit)) {
    deleteObject(sync.api, resourceByKind('Job'), job.metadata.namespace ?? '', job.metadata.name, {
      propagationPolicy: 'Background',
    })
    sync.events.record(cj, 'Normal', 'SuccessfulDelete', `Deleted job ${job.metadata.name}`, COMPONENT)
  }
}

function createJob(sync: Sync, cj: KObj, spec: CronJobSpec, scheduled: number): KObj | undefined {
  const ns = cj.metadata.namespace ?? ''
  const name = `${cj.metadata.name}-${Math.floor(scheduled / 60_000)}`
  const template = structuredClone(spec.jobTemplate ?? {})
  try {
    const job = sync.api.create(
      resourceByKind('Job'),
      ns,
      {
        metadata: {
          name,
          namespace: ns,
          labels: { ...template.metadata?.labels },
          annotations: {
            ...template.metadata?.annotations,
            'batch.kubernetes.io/cronjob-scheduled-timestamp': rfc3339(scheduled),
          },
          ownerReferences: [controllerRef(cj)],
        },
        spec: template.spec,
      },
      { internal: true },
    )
    sync.events.record(cj, 'Normal', 'SuccessfulCreate', `Created job ${name}`, COMPONENT)
    return job
  } catch (err) {
    if (err instanceof ApiError && err.code === 409) return undefined
    throw err
  }
}

export function syncCronJob(sync: Sync, ns: string, name: string): void {
  const cjDef = resourceByKind('CronJob')
  const entry = sync.api.store.get(cjDef, ns, name)
  if (!entry || entry.obj.metadata.deletionTimestamp) return
  const cj = entry.obj
  const spec = (isRecord(cj.spec) ? cj.spec : {}) as unknown as CronJobSpec
  const before = (isRecord(cj.status) ? structuredClone(cj.status) : {}) as CronJobStatus
  const status: CronJobStatus = structuredClone(before)
  const now = sync.clock.now()

  // Which owned Jobs still run; the ones that finished since the last pass are "seen" once.
  const jobs = ownedBy(sync.api, 'Job', cj)
  const wasActive = new Set((status.active ?? []).map((r) => String(r.uid)))
  const active: KObj[] = []
  for (const job of jobs) {
    const type = finishedType(job)
    if (!type) {
      if (!job.metadata.deletionTimestamp) active.push(job)
      continue
    }
    if (wasActive.has(job.metadata.uid)) {
      sync.events.record(
        cj,
        'Normal',
        'SawCompletedJob',
        `Saw completed job: ${job.metadata.name}, condition: ${type}`,
        COMPONENT,
      )
    }
    if (type === 'Complete') {
      const done = jobStatusOf(job).completionTime
      if (done && (!status.lastSuccessfulTime || done > status.lastSuccessfulTime))
        status.lastSuccessfulTime = done
    }
  }
  const finished = jobs.filter((j) => finishedType(j) !== undefined)
  pruneHistory(sync, cj, finished, 'Complete', spec.successfulJobsHistoryLimit)
  pruneHistory(sync, cj, finished, 'Failed', spec.failedJobsHistoryLimit)

  if (spec.suspend !== true) {
    const since = Date.parse(status.lastScheduleTime ?? cj.metadata.creationTimestamp)
    const scheduled = mostRecentSchedule(spec, since, now)
    const deadline = spec.startingDeadlineSeconds
    const tooLate = scheduled !== undefined && deadline !== undefined && now > scheduled + deadline * 1000
    if (scheduled !== undefined && tooLate) {
      sync.events.record(
        cj,
        'Warning',
        'MissSchedule',
        `Missed scheduled time to start a job: ${rfc1123z(scheduled)}`,
        COMPONENT,
      )
      // like kube-controller-manager, lastScheduleTime stays, so the miss is noticed (and counted) each pass
    } else if (scheduled !== undefined) {
      const policy = spec.concurrencyPolicy ?? 'Allow'
      if (policy === 'Forbid' && active.length > 0) {
        sync.events.record(
          cj,
          'Normal',
          'JobAlreadyActive',
          'Not starting job because prior execution is running and concurrency policy is Forbid',
          COMPONENT,
        )
      } else {
        if (policy === 'Replace') {
          for (const job of active.splice(0)) {
            deleteObject(sync.api, resourceByKind('Job'), ns, job.metadata.name, {
              propagationPolicy: 'Background',
            })
            sync.events.record(
              cj,
              'Normal',
              'SuccessfulDelete',
              `Deleted job ${job.metadata.name}`,
              COMPONENT,
            )
          }
        }
        const job = createJob(sync, cj, spec, scheduled)
        if (job) active.push(job)
        status.lastScheduleTime = rfc3339(scheduled)
      }
    }
    const next = nextScheduleAfter(spec.schedule, spec.timeZone, now)
    // the controller wakes 100 ms after the next schedule time
    if (next !== undefined) sync.after(`CronJob|${ns}|${name}`, next - now + 100)
  }

  // a Job keeps the reference it was first listed with
  const listed = new Map((before.active ?? []).map((r) => [String(r.uid), r]))
  if (active.length > 0) status.active = active.map((j) => listed.get(j.metadata.uid) ?? jobRef(j))
  else delete status.active
  if (!deepEqual(status, before)) {
    sync.api.update(
      cjDef,
      ns,
      name,
      { ...structuredClone(cj), status },
      { internal: true, subresource: 'status' },
    )
  }
}
