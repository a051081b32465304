import type { Condition, KObj, Pod } from '../types'
import { isRecord } from '../types'

// Job status helpers: conditions as the job controller writes them, and when a pod finished.
export interface JobStatus {
  active?: number
  ready?: number
  succeeded?: number
  failed?: number
  terminating?: number
  startTime?: string
  completionTime?: string
  conditions?: Condition[]
  uncountedTerminatedPods?: Record<string, unknown>
  completedIndexes?: string
  [key: string]: unknown
}

export function jobStatusOf(job: KObj): JobStatus {
  return isRecord(job.status) ? (structuredClone(job.status) as JobStatus) : {}
}

export function hasJobCondition(status: JobStatus, type: string): boolean {
  return !!status.conditions?.some((c) => c.type === type && c.status === 'True')
}

export function jobCondition(type: string, reason: string, message: string, at: string): Condition {
  return { type, status: 'True', lastProbeTime: at, lastTransitionTime: at, reason, message }
}

/** Sets a condition, keeping lastTransitionTime when its status does not change. */
export function setJobCondition(status: JobStatus, next: Condition): void {
  const list = status.conditions ?? []
  const i = list.findIndex((c) => c.type === next.type)
  if (i < 0) list.push(next)
  else if (list[i]?.status !== next.status || list[i]?.reason !== next.reason) list[i] = next
  status.conditions = list
}

export function jobFinishedAt(status: JobStatus): string | undefined {
  if (status.completionTime) return status.completionTime
  return status.conditions?.find((c) => c.type === 'Failed' && c.status === 'True')?.lastTransitionTime
}

export function isTerminal(pod: Pod): boolean {
  return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed'
}

/** When a pod's last container finished (for the failure back-off), or undefined if none did. */
export function podFinishedAt(pod: Pod): number | undefined {
  let last: number | undefined
  for (const s of pod.status?.containerStatuses ?? []) {
    const at = s.state.terminated?.finishedAt ?? s.lastState.terminated?.finishedAt
    if (at) last = Math.max(last ?? 0, Date.parse(at))
  }
  return last
}

// The job controller's pod failure back-off: 10 s doubled per failure, at most 10 minutes (MaxJobPodFailureBackOff).
export function failureBackoffMs(failures: number): number {
  return Math.min(600_000, 10_000 * 2 ** Math.max(0, failures - 1))
}
