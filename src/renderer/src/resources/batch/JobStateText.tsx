import type { ReactNode } from 'react'
import type { JobSummary } from '@shared/contract'

const tone: Record<JobSummary['state'], string> = {
  Running: 'ok',
  Complete: 'off',
  Failed: 'err',
  Suspended: 'warn',
}

/** A Job's state in the list's colours: running green, complete grey, failed red, suspended amber. */
export function JobStateText({ job }: { job: JobSummary }): ReactNode {
  return <span className={`status-text tone-${tone[job.state]}`}>{job.state}</span>
}

export const completionsText = (j: JobSummary): string => `${j.succeeded}/${j.completions}`
