import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AppsV1Api } from '@kubernetes/client-node'
import { ApiError } from '@shared/contract'
import { scale } from './scale'
import { eventually, startFixture, type SandboxFixture } from '../../../test/support/sandbox-fixture'

let f: SandboxFixture

beforeAll(async () => {
  f = await startFixture('scale-test')
  const created = await f.kubectl.run(['create', 'deployment', 'web', '--image=nginx:1.25', '--replicas=2'])
  expect(created.exitCode).toBe(0)
}, 30_000)
afterAll(() => f?.stop())

describe('scale against the sandbox', () => {
  it('scales through the scale subresource and kubectl get deploy shows it', async () => {
    expect(
      await scale(f.deps, { kind: 'deployments', namespace: 'default', name: 'web', replicas: 5 }),
    ).toEqual({
      replicas: 5,
    })
    const out = await eventually(
      async () => {
        const r = await f.kubectl.run(['get', 'deploy', 'web', '--no-headers'])
        return /^web\s+5\/5\s+5\s+5\s/.test(r.stdout) ? r.stdout : undefined
      },
      15_000,
      'kubectl get deploy to show 5/5',
    )
    expect(out).toMatch(/^web\s+5\/5/)
  })

  it('scales to zero and scales a ReplicaSet', async () => {
    await scale(f.deps, { kind: 'deployments', namespace: 'default', name: 'web', replicas: 0 })
    const r = await f.kubectl.run(['get', 'deploy', 'web', '-o', 'jsonpath={.spec.replicas}'])
    expect(r.stdout.trim()).toBe('0')
    const rs = await f.kubeConfig
      .makeApiClient(AppsV1Api)
      .listNamespacedReplicaSet({ namespace: 'default', labelSelector: 'app=web' })
    const name = rs.items[0]?.metadata?.name ?? ''
    expect(await scale(f.deps, { kind: 'replicasets', namespace: 'default', name, replicas: 1 })).toEqual({
      replicas: 1,
    })
  })

  it('refuses bad counts before calling the server, and reports the server words for a missing object', async () => {
    const base = { kind: 'deployments' as const, namespace: 'default', name: 'web' }
    await expect(scale(f.deps, { ...base, replicas: -1 })).rejects.toThrow('Replicas cannot be negative.')
    await expect(scale(f.deps, { ...base, replicas: 1.5 })).rejects.toThrow('whole number')
    await expect(scale(f.deps, { ...base, replicas: 101 })).rejects.toThrow('needs a confirmation')
    const err = await scale(f.deps, { ...base, name: 'nope', replicas: 1 }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ApiError)
    expect((err as ApiError).code).toBe('NotFound')
    expect((err as ApiError).message).toContain('deployments.apps "nope" not found')
  })
})
