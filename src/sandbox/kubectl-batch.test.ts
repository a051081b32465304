import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningSandbox } from './index'
import { startSandbox } from './index'
import type { KubectlRunner } from '../../test/support/kubectl'
import { kubectlFor, kubectlSteps } from '../../test/support/kubectl'

// Jobs with the real kubectl on a manual clock: nothing moves until the test steps time.
let sb: RunningSandbox
let k: KubectlRunner
const { ok, jsonpath, seconds } = kubectlSteps(
  () => k,
  () => sb,
)

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
    // A run-to-completion container starts 1–2.5 s after its pod's start second and runs 2–3 s (both from the
    // pod's name), so it has exited within 5.5 s of the pod's creation: 5 s was not always enough.
    await seconds(6)
    expect(await jsonpath('job/flaky', '{.status.failed}')).toBe('1')
    expect((await ok(['get', 'pods', '-l', 'job-name=flaky', '-o', 'name'])).trim().split('\n')).toHaveLength(
      1,
    )
    // the second pod waits out a 10 s back-off, the third 20 s
    await seconds(17)
    expect(await jsonpath('job/flaky', '{.status.failed}')).toBe('2')
    await seconds(28)
    expect(await jsonpath('job/flaky', '{.status.failed}')).toBe('3')
    expect(await ok(['get', 'job', 'flaky', '--no-headers'])).toMatch(/flaky\s+Failed\s+0\/1/)
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
