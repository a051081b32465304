import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningSandbox } from './index'
import { startSandbox } from './index'
import type { KubectlRunner } from '../../test/support/kubectl'
import { kubectlFor } from '../../test/support/kubectl'

// Jobs and CronJobs with the real kubectl on a manual clock: nothing moves until the test steps time.
let sb: RunningSandbox
let k: KubectlRunner

async function ok(args: string[], input?: string): Promise<string> {
  const r = await k.run(args, input !== undefined ? { input } : {})
  expect(r.exitCode, `kubectl ${args.join(' ')}\n${r.stderr}`).toBe(0)
  return r.stdout
}
const jsonpath = (what: string, path: string): Promise<string> =>
  ok(['get', ...what.split(' '), '-o', `jsonpath=${path}`])
// steps simulated time; the manual clock fires every timer on the way, in order
async function seconds(n: number): Promise<void> {
  await sb.advance(n * 1000)
}

function job(name: string, spec: string, command: string, image = 'busybox:1.36'): string {
  return `apiVersion: batch/v1
kind: Job
metadata: {name: ${name}}
spec:
${spec}
  template:
    spec:
      restartPolicy: Never
      containers:
      - {name: main, image: ${image}, command: ["sh", "-c", "${command}"]}
`
}

beforeAll(async () => {
  sb = await startSandbox({ name: 'kbatch', manualClock: true })
  k = await kubectlFor(sb)
})

afterAll(async () => {
  await k.cleanup()
  await sb.stop()
})

describe('kubectl and Jobs', () => {
  it('runs a created job to completion, with the controller’s events and columns', async () => {
    expect(
      await ok([
        'create',
        'job',
        'pi',
        '--image=perl:5.34',
        '--',
        'perl',
        '-Mbignum=bpi',
        '-wle',
        'print bpi(20)',
      ]),
    ).toBe('job.batch/pi created\n')
    expect(await jsonpath('job/pi', '{.spec.selector.matchLabels}')).toMatch(
      /^\{"batch.kubernetes.io\/controller-uid":"[0-9a-f-]{36}"\}$/,
    )
    await seconds(2)
    expect(await ok(['get', 'job', 'pi', '--no-headers'])).toMatch(/^pi\s+Running\s+0\/1\s+\d+s\s+\d+s\s*$/)
    const pod = await jsonpath('pods', '{.items[0].metadata.name}')
    expect(pod).toMatch(/^pi-[a-z0-9]{5}$/)
    expect(await jsonpath(`pod/${pod}`, '{.metadata.finalizers}')).toBe(
      '["batch.kubernetes.io/job-tracking"]',
    )
    await seconds(5)
    expect(await ok(['get', 'job', 'pi', '--no-headers'])).toMatch(/^pi\s+Complete\s+1\/1\s+\d+s\s+\d+s\s*$/)
    expect(await ok(['get', 'pod', pod, '--no-headers'])).toMatch(/0\/1\s+Completed\s+0/)
    expect(await jsonpath(`pod/${pod}`, '{.metadata.finalizers}')).toBe('')
    expect(await jsonpath('job/pi', '{.status.conditions[*].type}')).toBe('SuccessCriteriaMet Complete')
    expect(await ok(['logs', 'job/pi'])).toBe('3.1415926535897932384\n')
    expect(await ok(['wait', '--for=condition=complete', 'job/pi', '--timeout=10s'])).toBe(
      'job.batch/pi condition met\n',
    )
    const events = await ok(['get', 'events', '--field-selector', 'involvedObject.kind=Job', '--no-headers'])
    expect(events).toMatch(new RegExp(`Normal\\s+SuccessfulCreate\\s+job/pi\\s+Created pod: ${pod}`))
    expect(events).toMatch(/Normal\s+Completed\s+job\/pi\s+Job completed/)
  })

  it('runs completions with parallelism', async () => {
    await ok(['apply', '-f', '-'], job('batch3', '  completions: 3\n  parallelism: 2', 'sleep 4'))
    await seconds(3)
    expect(await jsonpath('job/batch3', '{.status.active}')).toBe('2')
    await seconds(12)
    expect(await ok(['get', 'job', 'batch3', '--no-headers'])).toMatch(/batch3\s+Complete\s+3\/3/)
    expect(
      (await ok(['get', 'pods', '-l', 'job-name=batch3', '-o', 'name'])).trim().split('\n'),
    ).toHaveLength(3)
  })

  it('gives each pod of an Indexed job its completion index', async () => {
    await ok(
      ['apply', '-f', '-'],
      job('indexed', '  completions: 3\n  parallelism: 3\n  completionMode: Indexed', 'sleep 2'),
    )
    await seconds(3)
    const names = (await ok(['get', 'pods', '-l', 'job-name=indexed', '-o', 'name']))
      .trim()
      .split('\n')
      .sort()
    expect(names.map((n) => n.replace(/-[a-z0-9]{5}$/, ''))).toEqual([
      'pod/indexed-0',
      'pod/indexed-1',
      'pod/indexed-2',
    ])
    const pod = (names[1] ?? '').slice('pod/'.length)
    expect(
      await jsonpath(`pod/${pod}`, '{.metadata.annotations.batch\\.kubernetes\\.io/job-completion-index}'),
    ).toBe('1')
    expect(await jsonpath(`pod/${pod}`, '{.spec.hostname}')).toBe('indexed-1')
    await seconds(10)
    expect(await jsonpath('job/indexed', '{.status.completedIndexes}')).toBe('0-2')
    expect(await ok(['get', 'job', 'indexed', '--no-headers'])).toMatch(/indexed\s+Complete\s+3\/3/)
  })

  it('fails a job whose pods keep failing once backoffLimit is passed, backing off between them', async () => {
    await ok(['apply', '-f', '-'], job('flaky', '  backoffLimit: 2', 'echo boom; exit 3'))
    await seconds(5)
    expect(await jsonpath('job/flaky', '{.status.failed}')).toBe('1')
    expect((await ok(['get', 'pods', '-l', 'job-name=flaky', '-o', 'name'])).trim().split('\n')).toHaveLength(
      1,
    )
    // the second pod waits out a 10 s back-off, the third 20 s
    await seconds(17)
    expect(await jsonpath('job/flaky', '{.status.failed}')).toBe('2')
    await seconds(28)
    expect(await ok(['get', 'job', 'flaky', '--no-headers'])).toMatch(/flaky\s+Failed\s+0\/1/)
    expect(await jsonpath('job/flaky', '{.status.failed}')).toBe('3')
    expect(await jsonpath('job/flaky', '{.status.conditions[?(@.type=="Failed")].reason}')).toBe(
      'BackoffLimitExceeded',
    )
    const created = (await jsonpath('pods -l job-name=flaky', '{.items[*].metadata.creationTimestamp}'))
      .split(' ')
      .map((t) => Date.parse(t))
      .sort((a, b) => a - b)
    expect(created).toHaveLength(3)
    expect((created[1] ?? 0) - (created[0] ?? 0)).toBeGreaterThanOrEqual(10_000 + 2000)
    expect((created[2] ?? 0) - (created[1] ?? 0)).toBeGreaterThanOrEqual(20_000 + 2000)
    const pods = await ok(['get', 'pods', '-l', 'job-name=flaky', '--no-headers'])
    expect(pods.trim().split('\n')).toHaveLength(3)
    for (const line of pods.trim().split('\n')) expect(line).toMatch(/0\/1\s+Error\s+0/)
    expect(await ok(['logs', 'job/flaky'])).toBe('boom\n')
    const events = await ok(['get', 'events', '--field-selector', 'involvedObject.name=flaky'])
    expect(events).toMatch(
      /Warning\s+BackoffLimitExceeded\s+job\/flaky\s+Job has reached the specified backoff limit/,
    )
  })

  it('counts restarts of OnFailure pods against backoffLimit', async () => {
    const spec = job('restarts', '  backoffLimit: 2', 'exit 1').replace(
      'restartPolicy: Never',
      'restartPolicy: OnFailure',
    )
    await ok(['apply', '-f', '-'], spec)
    await seconds(60)
    expect(await jsonpath('job/restarts', '{.status.conditions[?(@.type=="Failed")].reason}')).toBe(
      'BackoffLimitExceeded',
    )
    expect(await ok(['get', 'pods', '-l', 'job-name=restarts', '-o', 'name'])).toBe('')
  })

  it('stops a job at activeDeadlineSeconds and deletes finished jobs after their TTL', async () => {
    await ok(['apply', '-f', '-'], job('slow', '  activeDeadlineSeconds: 5', 'sleep 600'))
    await ok(['apply', '-f', '-'], job('brief', '  ttlSecondsAfterFinished: 10', 'echo done'))
    await seconds(6)
    expect(await jsonpath('job/slow', '{.status.conditions[?(@.type=="Failed")].reason}')).toBe(
      'DeadlineExceeded',
    )
    expect(await ok(['get', 'pods', '-l', 'job-name=slow', '-o', 'name'])).toBe('')
    expect(await ok(['get', 'job', 'brief', '--no-headers'])).toMatch(/Complete/)
    await seconds(10)
    const gone = await k.run(['get', 'job', 'brief'])
    expect(gone.stderr).toBe('Error from server (NotFound): jobs.batch "brief" not found\n')
    expect(await ok(['get', 'pods', '-l', 'job-name=brief', '-o', 'name'])).toBe('')
  })

  it('suspends a job (its pods go) and resumes it', async () => {
    await ok(['apply', '-f', '-'], job('later', '  completions: 1', 'sleep 10'))
    await seconds(3)
    await ok(['patch', 'job', 'later', '--type=merge', '-p', '{"spec":{"suspend":true}}'])
    await seconds(2)
    expect(await ok(['get', 'job', 'later', '--no-headers'])).toMatch(/later\s+Suspended\s+0\/1/)
    expect(
      await ok([
        'get',
        'pods',
        '-l',
        'job-name=later',
        '--field-selector=status.phase=Running',
        '-o',
        'name',
      ]),
    ).toBe('')
    await ok(['patch', 'job', 'later', '--type=merge', '-p', '{"spec":{"suspend":false}}'])
    await seconds(15)
    expect(await ok(['get', 'job', 'later', '--no-headers'])).toMatch(/later\s+Complete\s+1\/1/)
    const events = await ok([
      'get',
      'events',
      '--field-selector',
      'involvedObject.name=later',
      '--no-headers',
    ])
    expect(events).toMatch(/Normal\s+Suspended\s+job\/later\s+Job suspended/)
    expect(events).toMatch(/Normal\s+Resumed\s+job\/later\s+Job resumed/)
  })

  it('refuses a job whose pods would restart forever', async () => {
    const bad = job('always', '  completions: 1', 'true').replace(
      'restartPolicy: Never',
      'restartPolicy: Always',
    )
    const r = await k.run(['apply', '-f', '-'], { input: bad })
    expect(r.stderr).toContain(
      'The Job "always" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"',
    )
  })
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
