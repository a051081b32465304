import type { JobAction } from '@shared/contract/clusters'
import type { CreateSpec, ProviderId } from './types'

export type { JobAction, JobEvent, JobInfo, JobStatus } from '@shared/contract/clusters'

export type JobRequest =
  | { action: 'create'; provider: ProviderId; spec: CreateSpec }
  | { action: Exclude<JobAction, 'create'>; provider: ProviderId; name: string }
