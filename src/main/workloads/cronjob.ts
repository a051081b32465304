import { randomBytes } from 'node:crypto'
import { BatchV1Api, CoreV1Api, PatchStrategy, setHeaderOptions } from '@kubernetes/client-node'
import { Cron } from 'croner'
import type { CronJobState, JobState } from '@shared/contract'
import { formatLabelSelector } from '@shared/format-selector'
import type { ActionDeps } from './deps'
import { kubeCall } from '../errors/policy'
import { FIELD_MANAGER } from '../kube/object-writes'
import { newestFirst, summarizeJob, summarizePod } from './job-summary'

interface Ref {
  context?: string
  namespace: string
  name: string
}

const batchFor = async (deps: ActionDeps, context?: string): Promise<BatchV1Api> =>
  (await deps.getKubeConfig(context)).makeApiClient(BatchV1Api)

/**
 * The schedule's next time after `from`. The controller runs on the cluster's clock, which a sandbox runs fast,
 * so `from` is the later of now and the last scheduled time. Undefined when croner cannot read the schedule.
 */
export function nextRun(schedule: string, timeZone: string | undefined, from: Date): Date | undefined {
  try {
    const spec = schedule.trim().replace(/^TZ=\S+\s+|^CRON_TZ=\S+\s+/, '')
    return (
      new Cron(spec, { paused: true, ...(timeZone ? { timezone: timeZone } : {}) }).nextRun(from) ?? undefined
    )
  } catch {
    return undefined
  }
}

/** A CronJob's schedule, last and next runs, and the Jobs it owns (its history), newest first. */
export async function cronJobState(deps: ActionDeps, input: Ref & { now?: Date }): Promise<CronJobState> {
  const batch = await batchFor(deps, input.context)
  const doing = `read cron job "${input.name}"`
  const [cj, jobs] = await Promise.all([
    kubeCall(doing, () => batch.readNamespacedCronJob({ name: input.name, namespace: input.namespace })),
    kubeCall(doing, () => batch.listNamespacedJob({ namespace: input.namespace })),
  ])
  const uid = cj.metadata?.uid
  const owned = jobs.items.filter((j) =>
    j.metadata?.ownerReferences?.some((o) => o.uid === uid && o.controller),
  )
  const last = cj.status?.lastScheduleTime ? new Date(cj.status.lastScheduleTime) : undefined
  const now = deps.now?.() ?? new Date()
  const next = nextRun(cj.spec?.schedule ?? '', cj.spec?.timeZone, last && last > now ? last : now)
  const out: CronJobState = {
    schedule: cj.spec?.schedule ?? '',
    suspend: cj.spec?.suspend === true,
    concurrencyPolicy: cj.spec?.concurrencyPolicy ?? 'Allow',
    jobs: owned.map(summarizeJob).sort(newestFirst),
  }
  if (cj.spec?.timeZone) out.timeZone = cj.spec.timeZone
  if (last) out.lastScheduleTime = last.toISOString()
  if (cj.status?.lastSuccessfulTime)
    out.lastSuccessfulTime = new Date(cj.status.lastSuccessfulTime).toISOString()
  if (next && !out.suspend) out.nextScheduleTime = next.toISOString()
  return out
}

/** `kubectl patch cronjob x -p '{"spec":{"suspend":true}}'`. */
export async function suspendCronJob(
  deps: ActionDeps,
  input: Ref & { suspend: boolean },
): Promise<{ suspend: boolean }> {
  const batch = await batchFor(deps, input.context)
  const cj = await kubeCall(`${input.suspend ? 'suspend' : 'resume'} cron job "${input.name}"`, () =>
    batch.patchNamespacedCronJob(
      {
        name: input.name,
        namespace: input.namespace,
        body: { spec: { suspend: input.suspend } },
        fieldManager: FIELD_MANAGER,
      },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    ),
  )
  return { suspend: cj.spec?.suspend === true }
}

/**
 * "Run now": what `kubectl create job --from=cronjob/x` creates, a Job from the template, owned by the CronJob
 * (so it shows in its history and goes with it), annotated `cronjob.kubernetes.io/instantiate: manual`.
 */
export async function runCronJobNow(deps: ActionDeps, input: Ref): Promise<{ job: string }> {
  const batch = await batchFor(deps, input.context)
  const cj = await kubeCall(`read cron job "${input.name}"`, () =>
    batch.readNamespacedCronJob({ name: input.name, namespace: input.namespace }),
  )
  const template = cj.spec?.jobTemplate
  // Cron job names are at most 52 characters, so the Job's name stays within the 63 of its job-name label.
  const name = `${input.name}-manual-${randomBytes(3).toString('hex').slice(0, 5)}`
  const job = await kubeCall(`run cron job "${input.name}" now`, () =>
    batch.createNamespacedJob({
      namespace: input.namespace,
      fieldManager: FIELD_MANAGER,
      body: {
        apiVersion: 'batch/v1',
        kind: 'Job',
        metadata: {
          name,
          namespace: input.namespace,
          annotations: { ...template?.metadata?.annotations, 'cronjob.kubernetes.io/instantiate': 'manual' },
          ...(template?.metadata?.labels ? { labels: template.metadata.labels } : {}),
          ownerReferences: [
            {
              apiVersion: 'batch/v1',
              kind: 'CronJob',
              name: input.name,
              uid: cj.metadata?.uid ?? '',
              controller: true,
              blockOwnerDeletion: true,
            },
          ],
        },
        spec: template?.spec ?? { template: {} },
      },
    }),
  )
  return { job: job.metadata?.name ?? name }
}

/** A Job's completions and its pods (by the controller's uid label, as `kubectl describe job` finds them). */
export async function jobState(deps: ActionDeps, input: Ref): Promise<JobState> {
  const config = await deps.getKubeConfig(input.context)
  const batch = config.makeApiClient(BatchV1Api)
  const core = config.makeApiClient(CoreV1Api)
  const job = await kubeCall(`read job "${input.name}"`, () =>
    batch.readNamespacedJob({ name: input.name, namespace: input.namespace }),
  )
  const selector = formatLabelSelector(job.spec?.selector)
  const pods = selector
    ? await kubeCall(`list the pods of job "${input.name}"`, () =>
        core.listNamespacedPod({ namespace: input.namespace, labelSelector: selector }),
      )
    : { items: [] }
  return {
    ...summarizeJob(job),
    pods: pods.items.map(summarizePod).sort((a, b) => a.name.localeCompare(b.name)),
  }
}
