import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createFakeEnv, isAlive } from '../../../test/support/fake-env'
import type { FakeEnv } from '../../../test/support/fake-env'
import { KindProvider } from './kind-provider'
import { run } from './run'

let fe: FakeEnv | undefined
afterEach(async () => {
  await fe?.cleanup()
  fe = undefined
})

describe('fake kind backed by a real sandbox (FAKE_BACKING_SANDBOX=1)', { timeout: 90_000 }, () => {
  it('kubectl reaches the new context; delete stops the sandbox', async () => {
    fe = await createFakeEnv({ FAKE_BACKING_SANDBOX: '1' })
    const kind = new KindProvider({ env: fe.env })
    await kind.create({ name: 'live', nodes: 2 }, () => {}, new AbortController().signal)
    const state = JSON.parse(await readFile(join(fe.stateDir, 'kind', 'live.json'), 'utf8')) as {
      backingPid: number
    }
    expect(isAlive(state.backingPid)).toBe(true)

    const kubectl = await run('kubectl', ['get', 'nodes', '-o', 'name'], {
      timeoutMs: 30_000,
      env: { KUBECONFIG: fe.kubeconfig, KUBECACHEDIR: join(fe.root, 'kubecache') },
    })
    expect(kubectl.startError).toBeUndefined()
    expect(kubectl.stdout.split('\n').filter(Boolean)).toEqual([
      'node/fake-kind-live-control-plane',
      'node/fake-kind-live-worker',
    ])

    await kind.delete('live', () => {}, new AbortController().signal)
    expect(isAlive(state.backingPid)).toBe(false)
  })
})
