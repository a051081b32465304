import { existsSync, writeFileSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { countingRun, createFakeEnv, failure, never, survivors } from '../../../test/support/fake-env'
import type { FakeEnv } from '../../../test/support/fake-env'
import { MinikubeProvider } from './minikube-provider'
import type { ProgressEvent, ProviderEvent } from './types'

let fe: FakeEnv | undefined
afterEach(async () => {
  await fe?.cleanup()
  fe = undefined
})

async function setup(extra: Record<string, string> = {}): Promise<{ fe: FakeEnv; mk: MinikubeProvider }> {
  fe = await createFakeEnv(extra)
  return { fe, mk: new MinikubeProvider({ env: fe.env, probeTimeoutMs: 10_000 }) }
}

const progressOf = (events: ProviderEvent[]): ProgressEvent[] =>
  events.flatMap((e) => (e.type === 'progress' ? [e] : []))

describe('MinikubeProvider with the fake minikube on PATH', { timeout: 60_000 }, () => {
  it('creates with step events, lists, stops, starts, pauses and deletes', async () => {
    const { fe, mk } = await setup()
    const events: ProviderEvent[] = []
    const info = await mk.create(
      { name: 'mk', nodes: 2, cpus: 2, memoryMb: 4000, driver: 'docker', kubernetesVersion: 'v1.33.1' },
      (e) => events.push(e),
      never(),
    )
    expect(info).toEqual({
      name: 'mk',
      provider: 'minikube',
      state: 'running',
      kubernetesVersion: 'v1.33.1',
      nodeCount: 2,
      contextName: 'mk',
    })
    const cmd = events.find((e) => e.type === 'command')
    expect(cmd?.type === 'command' && cmd.argv).toEqual([
      'minikube',
      'start',
      '-p',
      'mk',
      '--driver=docker',
      '--kubernetes-version=v1.33.1',
      '--nodes=2',
      '--cpus=2',
      '--memory=4000',
      '--output=json',
    ])
    const started = progressOf(events).filter((p) => p.state === 'running')
    expect(started.map((p) => p.current)).toEqual([0, 1, 3, 5, 8, 11, 12, 13, 14, 15, 17, 18, 19])
    expect(started.every((p) => p.total === 19)).toBe(true)
    expect(started[4]).toMatchObject({ step: 'Creating Container', title: 'Creating Container ...' })
    expect(progressOf(events).at(-1)).toMatchObject({ step: 'Done', state: 'done' })
    expect(fe.readKubeconfig()).toEqual({ contexts: ['mk'], current: 'mk' })

    await mk.stop('mk', () => {}, never())
    expect((await mk.list())[0]?.state).toBe('stopped')
    // Stopping never clears the person's current context.
    expect(fe.readKubeconfig().current).toBe('mk')
    // Starting again must not take the current context from whatever the person chose.
    const other = new MinikubeProvider({ env: fe.env })
    await other.create({ name: 'other' }, () => {}, never())
    expect(fe.readKubeconfig().current).toBe('other')
    await mk.start('mk', () => {}, never())
    expect(fe.readKubeconfig().current).toBe('other')
    await mk.pause('mk', () => {}, never())
    expect((await mk.list()).map((c) => [c.name, c.state])).toEqual([
      ['mk', 'paused'],
      ['other', 'running'],
    ])
    await mk.unpause('mk', () => {}, never())
    const deleting: ProviderEvent[] = []
    await mk.delete('mk', (e) => deleting.push(e), never())
    expect(
      progressOf(deleting)
        .filter((p) => p.state === 'running')
        .map((p) => p.step),
    ).toEqual(['Deleting', 'Stopping', 'Done', 'Puring home dir'])
    expect((await mk.list()).map((c) => c.name)).toEqual(['other'])
    expect(fe.readKubeconfig().contexts).toEqual(['other'])
  })

  it("engine down: the error event's message, advice and exit code reach the caller", async () => {
    const { mk } = await setup({ FAKE_NO_ENGINE: '1' })
    const err = await failure(mk.create({ name: 'nodocker' }, () => {}, never()))
    expect(err.message).toMatch(
      /^Exiting due to PROVIDER_DOCKER_NOT_RUNNING: .*Cannot connect to the Docker daemon/,
    )
    expect(err.advice).toBe('Restart Docker')
    expect(err.exitCode).toBe(63)
    expect(err.reason).toBe('PROVIDER_DOCKER_NOT_RUNNING')
  })

  it('too little memory and a half-way crash are typed errors; a crash leaves the profile listed', async () => {
    const { fe, mk } = await setup()
    const mem = await failure(mk.create({ name: 'tiny', memoryMb: 1000 }, () => {}, never()))
    expect(mem).toMatchObject({ exitCode: 23, advice: expect.stringContaining('--memory') })

    const crashing = new MinikubeProvider({ env: { ...fe.env, FAKE_MINIKUBE_FAIL_AT_STEP: '13' } })
    const events: ProviderEvent[] = []
    const err = await failure(crashing.create({ name: 'crash' }, (e) => events.push(e), never()))
    expect(err.message).toMatch(/^Exiting due to GUEST_PROVISION/)
    expect(err.exitCode).toBe(80)
    expect(progressOf(events).at(-1)).toMatchObject({ step: 'Booting control plane', state: 'failed' })
    expect(await mk.list()).toEqual([
      expect.objectContaining({ name: 'crash', state: 'unknown', detail: 'minikube status: Starting' }),
    ])
  })

  it('cancel mid-create kills minikube and deletes the half-made profile', async () => {
    const { fe, mk } = await setup({ FAKE_MINIKUBE_HANG_AT_STEP: '11', FAKE_SPAWN_HELPER: '1' })
    const controller = new AbortController()
    const created = mk.create(
      { name: 'half' },
      (e) => {
        if (e.type === 'progress' && e.step === 'Preparing Kubernetes') controller.abort()
      },
      controller.signal,
    )
    const err = await failure(created)
    expect(err.message).toMatch(/cancelled.*deleted/)
    expect(existsSync(join(fe.stateDir, 'minikube', 'profiles', 'half.json'))).toBe(false)
    expect(await mk.list()).toEqual([])
    expect(await survivors(fe)).toEqual([])
  })

  it('refuses bad names and existing profiles before starting minikube', async () => {
    const { fe } = await setup()
    const counting = countingRun()
    const mk = new MinikubeProvider({ env: fe.env, run: counting.run })
    for (const name of ['a', 'stop', '-x', 'a;b', '$(id)'])
      await failure(mk.create({ name }, () => {}, never()))
    expect(counting.calls).toEqual([])
    await mk.create({ name: 'dup' }, () => {}, never())
    const dup = await failure(mk.create({ name: 'dup' }, () => {}, never()))
    expect(dup.message).toBe('A minikube profile named "dup" already exists')
  })

  it('lists invalid profiles and survives garbage', async () => {
    const { fe, mk } = await setup()
    await mkdir(join(fe.stateDir, 'minikube', 'profiles'), { recursive: true })
    writeFileSync(join(fe.stateDir, 'minikube', 'profiles', 'broken.json'), '{not json')
    expect(await mk.list()).toEqual([
      {
        name: 'broken',
        provider: 'minikube',
        state: 'unknown',
        contextName: 'broken',
        detail: expect.stringMatching(/invalid profile/),
      },
    ])
    const garbage = new MinikubeProvider({ env: { ...fe.env, FAKE_GARBAGE: '1' } })
    const err = await failure(garbage.list())
    expect(err.message).toMatch(/not JSON/)
    const d = await garbage.detect()
    expect(d.checks[0]).toMatchObject({ ok: false, explanation: expect.stringMatching(/did not work/) })
  })

  it('detects minikube and its version', async () => {
    const { mk } = await setup()
    const d = await mk.detect()
    expect(d.ready).toBe(true)
    expect(d.checks[0]).toMatchObject({ id: 'binary', ok: true, version: 'v1.36.0' })
    expect(await mk.versions()).toEqual([
      'minikube v1.36.0 (commit f8f52f5de11fc6ad8244afac475e1d0f96841df1)',
    ])
  })
})
