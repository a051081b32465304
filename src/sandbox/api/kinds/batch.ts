import type { ResourceDef } from '../resources'

// batch/v1: Jobs and CronJobs (controllers/job.ts, controllers/cronjob.ts).
const FULL = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch']
const STATUS_VERBS = ['get', 'patch', 'update']

export const BATCH_RESOURCES: ResourceDef[] = [
  {
    plural: 'jobs',
    singular: 'job',
    kind: 'Job',
    group: 'batch',
    version: 'v1',
    namespaced: true,
    shortNames: [],
    categories: ['all'],
    verbs: FULL,
    subresources: [{ name: 'status', kind: 'Job', verbs: STATUS_VERBS }],
    fieldLabels: ['status.successful'],
  },
  {
    plural: 'cronjobs',
    singular: 'cronjob',
    kind: 'CronJob',
    group: 'batch',
    version: 'v1',
    namespaced: true,
    shortNames: ['cj'],
    categories: ['all'],
    verbs: FULL,
    subresources: [{ name: 'status', kind: 'CronJob', verbs: STATUS_VERBS }],
    fieldLabels: [],
  },
]
