import { useCallback, useState } from 'react'
import type { JobInfo } from '@shared/contract'
import { isStringArray, readStored, writeStored } from '../components/stored'

const DISMISSED_KEY = 'skiff.dismissedJobs'
const RECENT_MS = 600_000

/** Whether a job the backend reports is worth a card: running, or ended in the last 10 minutes. */
export function isRecent(job: JobInfo, now: number): boolean {
  return job.status === 'running' || now - (job.endedAt ?? 0) < RECENT_MS
}

/** The job cards to show: jobs started here, then recent ones the backend knows of, less the dismissed ones. */
export function shownJobs(
  started: readonly JobInfo[],
  known: readonly JobInfo[],
  dismissed: ReadonlySet<string>,
  now: number,
): JobInfo[] {
  const extra = known.filter((j) => isRecent(j, now) && !started.some((s) => s.id === j.id))
  return [...started, ...extra].filter((j) => !dismissed.has(j.id))
}

/**
 * Cluster jobs as cards. Dismissing one is remembered across visits and reloads (job ids are UUIDs, so the
 * list only needs to outlive the 10 minutes a finished job is shown; the last 100 are kept).
 */
export function useJobs(known: readonly JobInfo[]): {
  jobs: JobInfo[]
  started: (job: JobInfo) => void
  dismiss: (id: string) => void
} {
  const [started, setStarted] = useState<JobInfo[]>([])
  const [dismissed, setDismissed] = useState<string[]>(() => readStored(DISMISSED_KEY, [], isStringArray))
  const dismiss = useCallback((id: string) => {
    setDismissed((d) => {
      const next = [...d.filter((x) => x !== id), id].slice(-100)
      writeStored(DISMISSED_KEY, next)
      return next
    })
  }, [])
  const add = useCallback((job: JobInfo) => setStarted((j) => [job, ...j]), [])
  return { jobs: shownJobs(started, known, new Set(dismissed), Date.now()), started: add, dismiss }
}
