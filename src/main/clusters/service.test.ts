import { afterEach, describe, expect, it } from 'vitest'
import { createFakeEnv, isAlive } from '../../../test/support/fake-env'
import type { FakeEnv } from '../../../test/support/fake-env'
import { KindProvider } from './kind-provider'
import { createClusterService } from './service'

let fe: FakeEnv | undefined
afterEach(async () => {
  await fe?.cleanup()
  fe = undefined
})

describe('cluster service over the fakes', { timeout: 60_000 }, () => {
  it('create → listed with its context present and current → delete → gone everywhere', async () => {
    fe = await createFakeEnv()
    const env = fe.env
    const service = createClusterService({
      providers: [new KindProvider({ env, probeTimeoutMs: 10_000 })],
      contextNames: async () => new Set(fe!.readKubeconfig().contexts),
    })
    const detections = await service.detect()
    expect(detections.map((d) => [d.provider, d.ready])).toEqual([['kind', true]])

    const job = service.create('kind', { name: 'demo' })
    const titles: string[] = []
    for await (const e of service.watch(job.id))
      if (e.type === 'progress' && e.state === 'running') titles.push(e.step)
    expect(titles[0]).toMatch(/^Ensuring node image/)
    expect(titles).toHaveLength(7)
    const listed = await service.list()
    expect(listed.clusters).toEqual([
      expect.objectContaining({ name: 'demo', provider: 'kind', state: 'running', contextPresent: true }),
    ])
    expect(listed.errors).toEqual([])
    expect(listed.jobs.map((j) => j.status)).toEqual(['succeeded'])
    expect(fe.readKubeconfig().current).toBe('kind-demo')

    // The context going missing (e.g. removed in a terminal) shows up on the next list.
    const gone = createClusterService({
      providers: [new KindProvider({ env, probeTimeoutMs: 10_000 })],
      contextNames: async () => new Set(),
    })
    expect((await gone.list()).clusters[0]?.contextPresent).toBe(false)

    const del = service.action('kind', 'demo', 'delete')
    expect(() => service.action('kind', 'demo', 'delete')).toThrow(/already running/)
    await service.jobs.wait(del.id)
    expect((await service.list()).clusters).toEqual([])
    expect(fe.readKubeconfig()).toEqual({ contexts: [], current: '' })

    const failing = createClusterService({
      providers: [new KindProvider({ env: { ...env, FAKE_NO_ENGINE: '1' } })],
    })
    const bad = failing.create('kind', { name: 'x' })
    const done = await failing.jobs.wait(bad.id)
    expect(done.error?.message).toContain('Cannot connect to the Docker daemon')
    expect((await failing.diagnostics(bad.id)).text).toContain('kind v0.33.0 go1.24.6 linux/amd64')
    expect((await failing.list()).errors).toEqual([
      expect.objectContaining({
        provider: 'kind',
        message: expect.stringMatching(/^failed to list clusters/),
        exitCode: 1,
      }),
    ])
    expect(fe.recordedPids().filter(isAlive)).toEqual([])
  })
})
