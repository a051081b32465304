import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DeploymentRow, PodRow } from '@shared/rows'
import type { KubectlRunner } from '../../../test/support/kubectl'
import { startFixture, type SandboxFixture } from '../../../test/support/sandbox-fixture'
import { createKubeService, type KubeService } from './service'
import { collect } from '../../../test/support/kube'

let f: SandboxFixture
let kubectl: KubectlRunner
let svc: KubeService

beforeAll(async () => {
  // Speed 5: the container runs 0.3 s before each crash and backs off 2 s, 4 s… in real time.
  f = await startFixture('crashloop-it', 5)
  kubectl = f.kubectl
  svc = createKubeService({ getKubeConfig: f.deps.getKubeConfig, watchOptions: { batchMs: 20 } })
})

afterAll(async () => {
  svc?.close()
  await f?.stop()
})

describe('a Deployment whose only pod crash-loops', () => {
  it('is never shown ready or Available while its pod sits in CrashLoopBackOff', async () => {
    const r = await kubectl.run(['create', 'deployment', 'bad', '--image=busybox-crashloop'])
    expect(r.exitCode, r.stderr).toBe(0)
    const abort = new AbortController()
    const deployments = collect(
      svc.watch({ kind: 'deployments', namespaces: ['default'] }, abort.signal),
      abort,
    )
    const podAbort = new AbortController()
    const pods = collect(svc.watch({ kind: 'pods', namespaces: ['default'] }, podAbort.signal), podAbort)
    const pod = (): PodRow | undefined =>
      [...pods.rows.values()].find((p): p is PodRow => p.name.startsWith('bad-'))
    const deploy = (): DeploymentRow | undefined => deployments.rows.get('default/bad') as DeploymentRow
    try {
      for (const restart of [1, 2]) {
        await pods.waitFor(`crash ${restart}`, () => {
          const p = pod()
          return p?.status === 'CrashLoopBackOff' && p.restarts === restart
        })
        // The two watches batch separately; give the deployment's row a moment to catch up.
        await deployments.waitFor('the deployment to catch up', () => deploy()?.ready === '0/1')
        // Then, for as long as the pod stays backed off, the deployment must agree with it.
        while (pod()?.status === 'CrashLoopBackOff' && pod()?.restarts === restart) {
          expect(deploy()).toMatchObject({ ready: '0/1', available: 0 })
          expect(deploy()?.health).not.toBe('available')
          await new Promise((resolve) => setTimeout(resolve, 50))
        }
      }
    } finally {
      await deployments.stop()
      await pods.stop()
    }
  }, 30_000)
})
