import type { JobAction } from '@shared/contract/clusters'
import type { CreateSpec, ProviderId } from './types'

export type { JobAction, JobEvent, JobInfo, JobStatus } from '@shared/contract/clusters'

export type LifecycleAction = 'delete' | 'start' | 'stop' | 'pause' | 'unpause'

export type JobRequest =
  | { action: 'create'; provider: ProviderId; spec: CreateSpec }
  | { action: LifecycleAction; provider: ProviderId; name: string }
  | { action: 'load-image'; provider: ProviderId; name: string; image: string }
  | { action: 'enable-addon' | 'disable-addon'; provider: ProviderId; name: string; addon: string }
  | { action: 'service-url'; provider: ProviderId; name: string; namespace: string; service: string }

// Keeps JobAction and JobRequest in step: a new action must get a request shape.
export type _Covered = Exclude<JobAction, JobRequest['action']> extends never ? true : never
