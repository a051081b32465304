import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { execa } from 'execa'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningSandbox } from './index'
import { startSandbox } from './index'
import type { KubectlRunner } from '../../test/support/kubectl'
import { kubectlFor, kubectlSteps } from '../../test/support/kubectl'

// HorizontalPodAutoscalers with the real kubectl on a manual clock, and batch/autoscaling objects across a
// sandbox restart.
let sb: RunningSandbox
let k: KubectlRunner
const { ok, jsonpath, seconds } = kubectlSteps(
  () => k,
  () => sb,
)

// the app's CPU demand in millicores, shared by its running replicas (see metrics/usage.ts)
const load = (millis: number): string =>
  JSON.stringify({
    spec: { template: { metadata: { annotations: { 'sandbox.skiff.dev/load': `${millis}m` } } } },
  })

beforeAll(async () => {
  sb = await startSandbox({ name: 'khpa', manualClock: true })
  k = await kubectlFor(sb)
  await ok(['create', 'deployment', 'web', '--image=nginx:1.27'])
  await ok(['set', 'resources', 'deployment/web', '--requests=cpu=100m'])
  await seconds(5)
})

afterAll(async () => {
  await k.cleanup()
  await sb.stop()
})

describe('kubectl autoscale', () => {
  it('creates an HPA that reads the simulated CPU of the target’s pods', async () => {
    expect(await ok(['autoscale', 'deployment/web', '--cpu-percent=50', '--min=1', '--max=4'])).toBe(
      'horizontalpodautoscaler.autoscaling/web autoscaled\n',
    )
    await seconds(16)
    expect(await ok(['get', 'hpa', 'web', '--no-headers'])).toMatch(
      /^web\s+Deployment\/web\s+cpu: \d%\/50%\s+1\s+4\s+1\s+\d+s\s*$/,
    )
    expect(await jsonpath('hpa/web', '{.status.conditions[?(@.type=="ScalingActive")].reason}')).toBe(
      'ValidMetricFound',
    )
  })

  it('scales out under load, up to maxReplicas', async () => {
    // 600m over 4 replicas is 150 % of each 100m request: the jitter (±2.5 % of demand plus nginx's idle CPU)
    // cannot take it out of the 1xx % the printer check below expects (400m sat at 98–102 %).
    await ok(['patch', 'deployment/web', '-p', load(600)])
    await seconds(45)
    expect(await jsonpath('deployment/web', '{.spec.replicas}')).toBe('4')
    const events = await ok([
      'get',
      'events',
      '--field-selector',
      'involvedObject.kind=HorizontalPodAutoscaler',
    ])
    expect(events).toMatch(
      /Normal\s+SuccessfulRescale\s+horizontalpodautoscaler\/web\s+New size: 4; reason: cpu resource utilization \(percentage of request\) above target/,
    )
    await seconds(20)
    expect(await ok(['get', 'hpa', 'web', '--no-headers'])).toMatch(/cpu: 1\d\d%\/50%\s+1\s+4\s+4/)
    expect(await jsonpath('hpa/web', '{.status.conditions[?(@.type=="ScalingLimited")].reason}')).toBe(
      'TooManyReplicas',
    )
  })

  it('scales back in only after the stabilization window', async () => {
    await ok(['patch', 'deployment/web', '-p', load(0)])
    await seconds(90)
    expect(await jsonpath('deployment/web', '{.spec.replicas}')).toBe('4')
    expect(await jsonpath('hpa/web', '{.status.conditions[?(@.type=="AbleToScale")].reason}')).toBe(
      'ScaleDownStabilized',
    )
    await seconds(240)
    expect(await jsonpath('deployment/web', '{.spec.replicas}')).toBe('1')
    const events = await ok([
      'get',
      'events',
      '--field-selector',
      'involvedObject.name=web,reason=SuccessfulRescale',
    ])
    expect(events).toContain('New size: 1; reason: All metrics below target')
  })

  it('says why it cannot scale a target without CPU requests', async () => {
    await ok(['create', 'deployment', 'bare', '--image=nginx:1.27'])
    await ok(['autoscale', 'deployment/bare', '--max=3'])
    await seconds(20)
    expect(await ok(['get', 'hpa', 'bare', '--no-headers'])).toMatch(
      /bare\s+Deployment\/bare\s+cpu: <unknown>\/80%/,
    )
    const events = await ok([
      'get',
      'events',
      '--field-selector',
      'involvedObject.name=bare,reason=FailedGetResourceMetric',
    ])
    expect(events).toMatch(
      /failed to get cpu utilization: missing request for cpu in container nginx of Pod bare-/,
    )
    const v1 = await ok([
      'get',
      '--raw',
      '/apis/autoscaling/v1/namespaces/default/horizontalpodautoscalers/bare',
    ])
    expect(JSON.parse(v1)).toMatchObject({
      apiVersion: 'autoscaling/v1',
      spec: { maxReplicas: 3, minReplicas: 1 },
    })
  })
})

describe('OpenAPI for the batch and autoscaling kinds', () => {
  it('explains their fields and takes server-side apply', async () => {
    expect(await ok(['explain', 'cronjob.spec.timeZone'])).toContain('FIELD: timeZone <string>')
    expect(await ok(['explain', 'hpa.spec.behavior.scaleDown'])).toContain('stabilizationWindowSeconds')
    const cj = `apiVersion: batch/v1
kind: CronJob
metadata: {name: report}
spec:
  schedule: "30 6 * * 1-5"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: Never
          containers: [{name: report, image: busybox, command: [echo, ready]}]
`
    expect(await ok(['apply', '--server-side', '-f', '-'], cj)).toBe(
      'cronjob.batch/report serverside-applied\n',
    )
    expect(await ok(['apply', '--server-side', '-f', '-'], cj)).toBe(
      'cronjob.batch/report serverside-applied\n',
    )
    expect(await jsonpath('cronjob/report', '{.metadata.managedFields[0].manager}')).toBe('kubectl')
    expect(await jsonpath('cronjob/report', '{.spec.successfulJobsHistoryLimit}')).toBe('3')
  })
})

// Debian's python3-kubernetes (typed models, autoscaling/v1) reads what the controllers wrote.
const PYTHON = '/usr/bin/python3'
const pythonClient =
  existsSync(PYTHON) && (await execa(PYTHON, ['-c', 'import kubernetes'], { reject: false })).exitCode === 0

describe.skipIf(!pythonClient && process.env.CI !== 'true')('python3-kubernetes', () => {
  it('creates a Job and reads Jobs, CronJobs and HPAs through its typed models', async () => {
    await ok(['create', 'job', 'done', '--image=busybox', '--', 'echo', 'ok'])
    await ok(['create', 'cronjob', 'nightly', '--image=busybox', '--schedule=0 3 * * *', '--', 'date'])
    await seconds(8)
    const script = new URL('../../test/support/python_batch_flows.py', import.meta.url).pathname
    const r = await execa(PYTHON, [script, k.kubeconfig], { reject: false, timeout: 60_000 })
    expect(r.exitCode, String(r.stderr)).toBe(0)
    expect(JSON.parse(String(r.stdout))).toEqual({
      created: [6, 1, 'NonIndexed'],
      done: ['SuccessCriteriaMet', 'Complete', 1],
      cron: [
        ['nightly', '0 3 * * *', 'Allow'],
        ['report', '30 6 * * 1-5', 'Allow'],
      ],
      hpa: [4, 50],
    })
  })
})

describe('persistence', () => {
  it('keeps Jobs, CronJobs and HPAs across a restart', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'skiff-batch-state-'))
    const stateFile = join(dir, 'state.json')
    let first: RunningSandbox | undefined = await startSandbox({
      name: 'kbatchstate',
      manualClock: true,
      stateFile,
    })
    let kc = await kubectlFor(first)
    try {
      const run = async (args: string[]): Promise<string> => {
        const r = await kc.run(args)
        expect(r.exitCode, r.stderr).toBe(0)
        return r.stdout
      }
      await run(['create', 'job', 'once', '--image=busybox', '--', 'echo', 'hi'])
      await run(['create', 'cronjob', 'nightly', '--image=busybox', '--schedule=0 3 * * *', '--', 'date'])
      await run(['create', 'deployment', 'api', '--image=nginx'])
      await run(['autoscale', 'deployment/api', '--max=5', '--cpu-percent=60'])
      for (let i = 0; i < 8; i++) await first.advance(1000)
      expect(await run(['get', 'job', 'once', '-o', 'jsonpath={.status.succeeded}'])).toBe('1')
      await kc.cleanup()
      await first.stop()
      first = undefined
      const second = await startSandbox({ name: 'kbatchstate', manualClock: true, stateFile })
      kc = await kubectlFor(second)
      try {
        expect(await run(['get', 'jobs,cronjobs,hpa', '-o', 'name'])).toBe(
          'job.batch/once\ncronjob.batch/nightly\nhorizontalpodautoscaler.autoscaling/api\n',
        )
        expect(await run(['get', 'job', 'once', '--no-headers'])).toMatch(/once\s+Complete\s+1\/1/)
        expect(await run(['get', 'hpa', 'api', '-o', 'jsonpath={.spec.metrics[0].resource.target}'])).toBe(
          '{"averageUtilization":60,"type":"Utilization"}',
        )
      } finally {
        await kc.cleanup()
        await second.stop()
      }
    } finally {
      if (first) {
        await kc.cleanup()
        await first.stop()
      }
      await rm(dir, { recursive: true, force: true })
    }
  })
})
