import type { GraphGroup } from '@shared/contract'
import type { WirePod, WireWorkload } from '../kube/rows/wire'
import { graphPod, imagesOf, row, type KindSnapshot, type Watched } from './snapshot'

// A Job: pods run until enough succeed (completions, parallelism at a time); failed pods are retried with
// back-off until the backoff limit, after which the Job fails.

interface WireJob extends WireWorkload {
  spec?: WireWorkload['spec'] & {
    completions?: number | null
    parallelism?: number
    backoffLimit?: number
    completionMode?: string
    suspend?: boolean
  }
  status?: Omit<NonNullable<WireWorkload['status']>, 'conditions'> & {
    active?: number
    succeeded?: number
    failed?: number
    ready?: number
    conditions?: { type?: string; status?: string; reason?: string; message?: string }[]
  }
}

const condition = (j: WireJob | undefined, type: string): { reason?: string; message?: string } | undefined =>
  j?.status?.conditions?.find((c) => c.type === type && c.status === 'True')

export function jobSnapshot(w: Watched, name: string): KindSnapshot {
  const job = w.workload as WireJob | undefined
  const st = job?.status ?? {}
  // completions unset: a work queue, done when any pod succeeds and the rest finish.
  const completions = job?.spec?.completions ?? undefined
  const target = completions ?? 1
  const parallelism = job?.spec?.parallelism ?? 1
  const limit = job?.spec?.backoffLimit ?? 6
  const succeeded = st.succeeded ?? 0
  const failed = st.failed ?? 0
  const complete = condition(job, 'Complete')
  const failure = condition(job, 'Failed') ?? condition(job, 'FailureTarget')
  const suspended = Boolean(job?.spec?.suspend)
  const finished = Boolean(complete || failure)
  const running = finished || suspended ? 0 : Math.min(parallelism, Math.max(0, target - succeeded))
  const pods = ([...w.pods] as WirePod[])
    .sort((a, b) => (a.metadata?.creationTimestamp ?? '').localeCompare(b.metadata?.creationTimestamp ?? ''))
    .map(graphPod)
  const groups: GraphGroup[] = pods.length
    ? [
        {
          kind: 'Pods',
          name,
          images: imagesOf(job),
          ready: pods.filter((p) => p.phase === 'Succeeded').length,
          current: true,
          pods,
        },
      ]
    : []
  const verdict = complete
    ? {
        text: `Complete: ${succeeded} pod${succeeded === 1 ? '' : 's'} succeeded. Nothing runs any more.`,
        level: 'normal' as const,
      }
    : failure
      ? {
          text: `Failed: ${failure.reason ?? 'Failed'}. ${failure.message ?? ''}`.trim(),
          level: 'warning' as const,
        }
      : suspended
        ? { text: 'Suspended: no pods run until it is resumed.', level: 'warning' as const }
        : failed > 0
          ? {
              text: `${failed} pod${failed === 1 ? '' : 's'} failed: the Job controller retries with back-off, up to ${limit} failures.`,
              level: 'warning' as const,
            }
          : undefined
  return {
    goal:
      completions === undefined
        ? `one success (work queue), ${parallelism} at a time`
        : `${target} completion${target === 1 ? '' : 's'}, ${parallelism} at a time`,
    facts: [
      { label: 'Image', value: imagesOf(job).join(', ') },
      { label: 'Completion mode', value: job?.spec?.completionMode ?? 'NonIndexed' },
      { label: 'Backoff limit', value: `${limit} (failed so far: ${failed})` },
    ],
    rows: [
      { ...row('Succeeded', target, succeeded), differs: !finished && succeeded < target },
      row('Running now', running, st.active ?? 0),
    ],
    ...(verdict ? { verdict } : {}),
    groups,
    lists: [],
  }
}
