import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { actionMethods } from '@shared/contract/actions'
import type { CronJobState, JobState } from '@shared/contract'
import { eventually, startFixture, type SandboxFixture } from '../../../test/support/sandbox-fixture'
import { createActionHandlers } from '../handlers/actions'
import { nextRun } from './cronjob'

// A CronJob's schedule and history, suspend/resume and "run now"; a Job's completions and pods.

let f: SandboxFixture

beforeAll(async () => {
  f = await startFixture('cronjob-views', 50)
})
afterAll(async () => {
  await f?.stop()
})

type M = 'cronjobs.state' | 'cronjobs.suspend' | 'cronjobs.runNow' | 'jobs.state'
async function call(m: M, input: unknown): Promise<unknown> {
  const handler = createActionHandlers(f.deps).methods[m] as (i: unknown) => Promise<unknown>
  return handler(actionMethods[m].input.parse(input))
}
const ref = { namespace: 'default', name: 'tick' }

describe('cron job and job views', () => {
  it('next run follows the schedule in its time zone', () => {
    const from = new Date('2026-01-01T10:07:00Z')
    expect(nextRun('*/5 * * * *', undefined, from)?.toISOString()).toBe('2026-01-01T10:10:00.000Z')
    expect(nextRun('0 9 * * *', 'Europe/Paris', from)?.toISOString()).toBe('2026-01-02T08:00:00.000Z')
    expect(nextRun('not a schedule', undefined, from)).toBeUndefined()
  })

  it('runs now, lists the run as manual, follows its pod to completion, suspends and resumes as skiff', async () => {
    await f.kubectl.out([
      'create',
      'cronjob',
      'tick',
      '--image=busybox',
      '--schedule=0 0 1 1 *',
      '--',
      'echo',
      'hello',
    ])
    const before = (await call('cronjobs.state', ref)) as CronJobState
    expect(before).toMatchObject({
      schedule: '0 0 1 1 *',
      suspend: false,
      concurrencyPolicy: 'Allow',
      jobs: [],
    })
    expect(before.nextScheduleTime).toMatch(/-01-01T00:00:00.000Z$/)

    const { job } = (await call('cronjobs.runNow', ref)) as { job: string }
    expect(job).toMatch(/^tick-manual-[0-9a-f]{5}$/)
    const after = (await call('cronjobs.state', ref)) as CronJobState
    expect(after.jobs).toEqual([expect.objectContaining({ name: job, manual: true, completions: 1 })])

    const done = await eventually(
      async () => {
        const s = (await call('jobs.state', { namespace: 'default', name: job })) as JobState
        return s.state === 'Complete' ? s : undefined
      },
      30_000,
      'the manual job to complete',
    )
    expect(done).toMatchObject({ succeeded: 1, failed: 0 })
    expect(done.pods).toEqual([expect.objectContaining({ phase: 'Succeeded', containers: ['tick'] })])
    expect(await f.kubectl.out(['logs', `job/${job}`])).toContain('hello')

    expect(await call('cronjobs.suspend', { ...ref, suspend: true })).toEqual({ suspend: true })
    const suspended = (await call('cronjobs.state', ref)) as CronJobState
    expect(suspended.suspend).toBe(true)
    expect(suspended.nextScheduleTime).toBeUndefined()
    expect(await call('cronjobs.suspend', { ...ref, suspend: false })).toEqual({ suspend: false })
    const managers = await f.kubectl.out([
      'get',
      'cronjob',
      'tick',
      '--show-managed-fields',
      '-o',
      'jsonpath={.metadata.managedFields[*].manager}',
    ])
    expect(managers.split(' ')).toContain('skiff')
    const jobManagers = await f.kubectl.out([
      'get',
      'job',
      job,
      '--show-managed-fields',
      '-o',
      'jsonpath={.metadata.managedFields[*].manager}',
    ])
    expect(jobManagers.split(' ')).toContain('skiff')
  })
})
