import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { countingRun, createFakeEnv, failure, never, survivors } from '../../../test/support/fake-env'
import type { FakeEnv } from '../../../test/support/fake-env'
import { KindProvider } from './kind-provider'
import type { ProviderEvent } from './types'

let fe: FakeEnv | undefined
afterEach(async () => {
  await fe?.cleanup()
  fe = undefined
})

async function setup(extra: Record<string, string> = {}): Promise<{ fe: FakeEnv; kind: KindProvider }> {
  fe = await createFakeEnv(extra)
  return { fe, kind: new KindProvider({ env: fe.env, probeTimeoutMs: 10_000 }) }
}

describe('KindProvider with the fake kind on PATH', { timeout: 60_000 }, () => {
  it('creates with progress, lists, sets the context, then deletes', async () => {
    const { fe } = await setup()
    const verified: string[] = []
    const kind = new KindProvider({ env: fe.env, verifyReady: async (ctx) => void verified.push(ctx) })
    const events: ProviderEvent[] = []
    const info = await kind.create(
      { name: 'demo', nodes: 3, kubernetesVersion: '1.33.1' },
      (e) => events.push(e),
      never(),
    )
    expect(info).toEqual({
      name: 'demo',
      provider: 'kind',
      state: 'running',
      nodeCount: 3,
      kubernetesVersion: 'v1.33.1',
      contextName: 'kind-demo',
    })
    const command = events.find((e) => e.type === 'command')
    expect(command?.type === 'command' && command.argv).toEqual(
      expect.arrayContaining([
        'kind',
        'create',
        'cluster',
        '--name',
        'demo',
        '--wait',
        '5m',
        '--image',
        'kindest/node:v1.33.1',
      ]),
    )
    const progress = events.flatMap((e) => (e.type === 'progress' ? [e] : []))
    const started = progress.filter((p) => p.state === 'running')
    expect(started.map((p) => p.current)).toEqual([1, 2, 3, 4, 5, 6, 7, 8])
    expect(started.every((p) => p.total === 8)).toBe(true)
    expect(started[1]).toMatchObject({ step: 'Preparing nodes', title: 'Preparing nodes (3 nodes)' })
    expect(progress.at(-1)).toMatchObject({
      state: 'done',
      current: 8,
      step: 'Waiting ≤ 5m0s for control-plane = Ready',
    })
    expect(events.some((e) => e.type === 'log' && e.line === 'Set kubectl context to "kind-demo"')).toBe(true)
    expect(fe.readKubeconfig()).toEqual({ contexts: ['kind-demo'], current: 'kind-demo' })
    expect(verified).toEqual(['kind-demo'])

    await kind.delete('demo', () => {}, never())
    expect(await kind.list()).toEqual([])
    expect(fe.readKubeconfig()).toEqual({ contexts: [], current: '' })
  })

  it('refuses a bad name before any process runs', async () => {
    const { fe } = await setup()
    const counting = countingRun()
    const kind = new KindProvider({ env: fe.env, run: counting.run })
    for (const name of ['Bad', 'a;touch x', '$(id)']) {
      const err = await failure(kind.create({ name }, () => {}, never()))
      expect(err.message).toContain('is not a valid cluster name')
    }
    expect((await failure(kind.create({ name: '' }, () => {}, never()))).message).toBe(
      'A cluster needs a name.',
    )
    await failure(kind.delete('x y', () => {}, never()))
    expect(counting.calls).toEqual([])
  })

  it('cancel mid-create kills kind and its helpers and deletes the half-made cluster', async () => {
    const { fe, kind } = await setup({ FAKE_KIND_HANG_AT_STEP: '3', FAKE_SPAWN_HELPER: '1' })
    const controller = new AbortController()
    const events: ProviderEvent[] = []
    const created = kind.create(
      { name: 'half' },
      (e) => {
        events.push(e)
        if (e.type === 'progress' && e.step === 'Writing configuration') controller.abort()
      },
      controller.signal,
    )
    const err = await failure(created)
    expect(err.message).toMatch(/cancelled.*deleted/)
    expect(existsSync(join(fe.stateDir, 'kind', 'half.json'))).toBe(false)
    expect(await kind.list()).toEqual([])
    const pids = fe.recordedPids()
    // The create, its helper, plus the cleanup delete and its helper.
    expect(pids.length).toBeGreaterThanOrEqual(2)
    expect(await survivors(fe)).toEqual([])
    expect(
      events.some((e) => e.type === 'command' && e.argv.join(' ') === 'kind delete cluster --name half'),
    ).toBe(true)
  })

  it("a failing step reports kind's message and exit code, and kind cleans up", async () => {
    const { kind } = await setup({ FAKE_KIND_FAIL_AT_STEP: '4' })
    const events: ProviderEvent[] = []
    const err = await failure(kind.create({ name: 'boom' }, (e) => events.push(e), never()))
    expect(err.message).toMatch(/^failed to create cluster: failed to init node with kubeadm/)
    expect(err.exitCode).toBe(1)
    expect(err.stack === undefined || !err.message.includes('at ')).toBe(true)
    expect(
      events.some(
        (e) => e.type === 'progress' && e.state === 'failed' && e.step === 'Starting control-plane',
      ),
    ).toBe(true)
    expect(await kind.list()).toEqual([])
  })

  it("engine down and name taken reach the caller with the tool's message and advice", async () => {
    const { fe, kind } = await setup()
    await kind.create({ name: 'taken' }, () => {}, never())
    const taken = await failure(kind.create({ name: 'taken' }, () => {}, never()))
    expect(taken.message).toBe(
      'failed to create cluster: node(s) already exist for a cluster with the name "taken"',
    )
    expect(taken.advice).toMatch(/another name/)
    expect(taken.exitCode).toBe(1)

    const down = new KindProvider({ env: { ...fe.env, FAKE_NO_ENGINE: '1' } })
    const err = await failure(down.create({ name: 'other' }, () => {}, never()))
    expect(err.message).toContain('Cannot connect to the Docker daemon')
    expect(err.advice).toMatch(/Start Docker/)
    expect(err.exitCode).toBe(1)
    const listErr = await failure(down.list())
    expect(listErr.message).toMatch(/^failed to list clusters/)
  })

  it('a hung create times out and is cleaned up', async () => {
    const { fe } = await setup({ FAKE_KIND_HANG_AT_STEP: '2' })
    const kind = new KindProvider({ env: fe.env, createTimeoutMs: 1500 })
    const err = await failure(kind.create({ name: 'slow' }, () => {}, never()))
    expect(err.message).toMatch(/did not finish in time/)
    expect(await kind.list()).toEqual([])
    expect(await survivors(fe)).toEqual([])
  })

  it('garbage output is not mistaken for a cluster', async () => {
    const { fe } = await setup({ FAKE_GARBAGE: '1' })
    const kind = new KindProvider({ env: fe.env })
    expect(await kind.list()).toEqual([])
    const err = await failure(kind.create({ name: 'junk' }, () => {}, never()))
    expect(err.message).toMatch(/not listed/)
  })

  it('lists node states from the container engine', async () => {
    const { fe, kind } = await setup()
    await kind.create({ name: 'a' }, () => {}, never())
    await kind.create({ name: 'b', nodes: 2 }, () => {}, never())
    // Stop b's nodes the way `docker stop` would.
    const file = join(fe.stateDir, 'kind', 'b.json')
    const { readFileSync, writeFileSync } = await import('node:fs')
    const state = JSON.parse(readFileSync(file, 'utf8')) as { nodes: { state: string }[] }
    state.nodes.forEach((n) => (n.state = 'exited'))
    writeFileSync(file, JSON.stringify(state))
    const list = await kind.list()
    expect(list.map((c) => [c.name, c.state, c.nodeCount])).toEqual([
      ['a', 'running', 1],
      ['b', 'stopped', 2],
    ])
    expect(readdirSync(join(fe.stateDir, 'kind'))).toHaveLength(2)
  })
})

describe('KindProvider.detect', { timeout: 60_000 }, () => {
  it('reports kind and the engine when both work', async () => {
    const { kind } = await setup()
    const d = await kind.detect()
    expect(d.ready).toBe(true)
    expect(d.checks).toEqual([
      expect.objectContaining({ id: 'binary', ok: true, version: '0.33.0' }),
      expect.objectContaining({ id: 'engine', ok: true, label: 'Docker', version: '28.1.1' }),
    ])
  })

  it('explains a missing kind and a missing engine with install links', async () => {
    const { fe } = await setup()
    const kind = new KindProvider({ env: { ...fe.env, PATH: await fe.pathWith() } })
    const d = await kind.detect()
    expect(d.ready).toBe(false)
    expect(d.checks[0]).toMatchObject({ ok: false, installUrl: expect.stringContaining('kind.sigs.k8s.io') })
    expect(d.checks[0]?.explanation).toMatch(/not installed/)
    expect(d.checks[1]).toMatchObject({ ok: false, installUrl: expect.stringContaining('docker.com') })
    expect(d.checks[1]?.explanation).toMatch(/Neither Docker nor Podman/)
  })

  it('explains a broken kind and a stopped or hung daemon', async () => {
    const { fe } = await setup()
    const broken = new KindProvider({ env: { ...fe.env, FAKE_GARBAGE: '1', FAKE_NO_ENGINE: '1' } })
    const d = await broken.detect()
    expect(d.checks[0]?.ok).toBe(false)
    expect(d.checks[0]?.explanation).toMatch(/was found at .*kind, but `kind version` did not work/)
    expect(d.checks[1]?.explanation).toContain('Cannot connect to the Docker daemon')

    // Without the fake podman, which would answer in docker's place.
    const hungEnv = {
      ...fe.env,
      FAKE_HANG: '1',
      FAKE_DOCKER_HANG: '1',
      PATH: await fe.pathWith('kind', 'docker'),
    }
    const hung = new KindProvider({ env: hungEnv, probeTimeoutMs: 500 })
    const started = Date.now()
    const h = await hung.detect()
    expect(Date.now() - started).toBeLessThan(8000)
    expect(h.checks.map((c) => c.ok)).toEqual([false, false])
    expect(h.checks[1]?.explanation).toMatch(/did not answer within a few seconds/)
  })
})
