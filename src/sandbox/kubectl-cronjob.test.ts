import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningSandbox } from './index'
import { startSandbox } from './index'
import type { KubectlRunner } from '../../test/support/kubectl'
import { kubectlFor, kubectlSteps } from '../../test/support/kubectl'

// CronJobs with the real kubectl on a manual clock: schedules fire only when the test steps time.
let sb: RunningSandbox
let k: KubectlRunner
const { ok, jsonpath, seconds } = kubectlSteps(
  () => k,
  () => sb,
)

beforeAll(async () => {
  sb = await startSandbox({ name: 'kcron', manualClock: true })
  k = await kubectlFor(sb)
})

afterAll(async () => {
  await k.cleanup()
  await sb.stop()
})

describe('kubectl and CronJobs', () => {
  it('fires on the stepped clock, keeps its history limit and reports its schedule', async () => {
    expect(
      await ok(['create', 'cronjob', 'tick', '--image=busybox:1.36', '--schedule=*/1 * * * *', '--', 'date']),
    ).toBe('cronjob.batch/tick created\n')
    expect(await ok(['get', 'cronjob', 'tick', '--no-headers'])).toMatch(
      /^tick\s+\*\/1 \* \* \* \*\s+<none>\s+false\s+0\s+<none>\s+\d+s\s*$/,
    )
    await seconds(61)
    const first = await ok(['get', 'jobs', '-o', 'name'])
    expect(first).toMatch(/job\.batch\/tick-\d+/)
    expect(await ok(['get', 'cronjob', 'tick', '--no-headers'])).toMatch(
      /tick\s+\S+ \* \* \* \*\s+<none>\s+false\s+[01]\s+\d+s/,
    )
    for (let i = 0; i < 4; i++) await seconds(60)
    // three finished runs are kept (and the current one may still run)
    const runs = (await ok(['get', 'jobs', '--no-headers'])).split('\n').filter((l) => l.startsWith('tick-'))
    expect(runs.filter((l) => /\sComplete\s/.test(l))).toHaveLength(3)
    expect(runs.length).toBeLessThanOrEqual(4)
    const events = await ok(['get', 'events', '--field-selector', 'involvedObject.kind=CronJob'])
    expect(events).toMatch(/Normal\s+SuccessfulCreate\s+cronjob\/tick\s+Created job tick-\d+/)
    expect(events).toMatch(
      /Normal\s+SawCompletedJob\s+cronjob\/tick\s+Saw completed job: tick-\d+, condition: Complete/,
    )
    expect(events).toMatch(/Normal\s+SuccessfulDelete\s+cronjob\/tick\s+Deleted job tick-\d+/)
  })

  it('creates a job from a cronjob by hand and stops firing while suspended', async () => {
    expect(await ok(['create', 'job', 'by-hand', '--from=cronjob/tick'])).toBe('job.batch/by-hand created\n')
    expect(
      await jsonpath('job/by-hand', '{.metadata.annotations.cronjob\\.kubernetes\\.io/instantiate}'),
    ).toBe('manual')
    expect(await jsonpath('job/by-hand', '{.metadata.ownerReferences[0].name}')).toBe('tick')
    await ok(['patch', 'cronjob', 'tick', '-p', '{"spec":{"suspend":true}}'])
    const before = await jsonpath('cronjob/tick', '{.status.lastScheduleTime}')
    await seconds(120)
    expect(await jsonpath('cronjob/tick', '{.status.lastScheduleTime}')).toBe(before)
    expect(await ok(['get', 'cronjob', 'tick', '--no-headers'])).toMatch(
      /tick\s+\S+ \* \* \* \*\s+<none>\s+true/,
    )
  })

  it('skips a run it could not start within startingDeadlineSeconds', async () => {
    const cj = `apiVersion: batch/v1
kind: CronJob
metadata: {name: late}
spec:
  schedule: "* * * * *"
  suspend: true
  startingDeadlineSeconds: 10
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: Never
          containers: [{name: main, image: busybox:1.36, command: [date]}]
`
    await ok(['apply', '-f', '-'], cj)
    const created = Date.parse(await jsonpath('cronjob/late', '{.metadata.creationTimestamp}'))
    // 30 s past the next minute: that run was missed by more than the deadline
    const boundary = Math.ceil((created + 1000) / 60_000) * 60_000
    await sb.advance(boundary + 30_000 - created)
    await ok(['patch', 'cronjob', 'late', '-p', '{"spec":{"suspend":false}}'])
    await seconds(1)
    const events = await ok(['get', 'events', '--field-selector', 'involvedObject.name=late'])
    expect(events).toMatch(
      /Warning\s+MissSchedule\s+cronjob\/late\s+Missed scheduled time to start a job: \w{3}, \d\d \w{3} \d{4} \d\d:\d\d:00 \+0000/,
    )
    expect(await ok(['get', 'jobs', '-o', 'name'])).not.toContain('job.batch/late-')
    await ok(['delete', 'cronjob', 'late'])
  })

  it('does not start a second run while one is active under concurrencyPolicy Forbid', async () => {
    const cj = `apiVersion: batch/v1
kind: CronJob
metadata: {name: long}
spec:
  schedule: "* * * * *"
  timeZone: Asia/Tokyo
  concurrencyPolicy: Forbid
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers: [{name: main, image: busybox:1.36, command: [sleep, "150"]}]
`
    await ok(['apply', '-f', '-'], cj)
    await seconds(130)
    expect(await jsonpath('cronjob/long', '{.status.active[*].name}')).toMatch(/^long-\d+$/)
    const events = await ok(['get', 'events', '--field-selector', 'involvedObject.name=long'])
    expect(events).toContain(
      'Not starting job because prior execution is running and concurrency policy is Forbid',
    )
    expect(await ok(['get', 'cronjob', 'long', '--no-headers'])).toMatch(
      /long\s+\* \* \* \* \*\s+Asia\/Tokyo\s+false\s+1/,
    )
    // Replace: the running job is deleted for the next scheduled one
    const running = await jsonpath('cronjob/long', '{.status.active[0].name}')
    await ok(['patch', 'cronjob', 'long', '-p', '{"spec":{"concurrencyPolicy":"Replace"}}'])
    await seconds(60)
    const next = await jsonpath('cronjob/long', '{.status.active[*].name}')
    expect(next).toMatch(/^long-\d+$/)
    expect(next).not.toBe(running)
    const replaced = await ok([
      'get',
      'events',
      '--field-selector',
      'involvedObject.name=long,reason=SuccessfulDelete',
    ])
    expect(replaced).toContain(`Deleted job ${running}`)
    const bad = await k.run(['apply', '-f', '-'], { input: cj.replace('Asia/Tokyo', 'Mars/Olympus') })
    expect(bad.stderr).toContain(
      'spec.timeZone: Invalid value: "Mars/Olympus": unknown time zone Mars/Olympus',
    )
    const badSchedule = await k.run(['create', 'cronjob', 'x', '--image=busybox', '--schedule=every minute'])
    expect(badSchedule.stderr).toContain('spec.schedule: Invalid value: "every minute"')
  })
})
