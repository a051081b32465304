import { afterEach, describe, expect, it } from 'vitest'
import { createFakeEnv, isAlive } from '../../../test/support/fake-env'
import type { FakeEnv } from '../../../test/support/fake-env'
import { createJobRunner } from '../clusters/jobs'
import { KindProvider } from '../clusters/kind-provider'
import { createClusterHandlers } from './clusters'

let fe: FakeEnv | undefined
afterEach(async () => {
  await fe?.cleanup()
  fe = undefined
})

function handlersFor(kind: KindProvider, contextNames?: () => Promise<ReadonlySet<string>>) {
  const jobs = createJobRunner({ kind })
  return {
    jobs,
    ...createClusterHandlers({ providers: [kind], jobs, contextNames, external: async () => [] }),
  }
}

describe('cluster handlers over the fake kind', { timeout: 60_000 }, () => {
  it('create → listed with its context present and current → delete → gone everywhere', async () => {
    fe = await createFakeEnv()
    const env = fe.env
    const kind = new KindProvider({ env, probeTimeoutMs: 10_000 })
    const { jobs, methods, streams } = handlersFor(kind, async () => new Set(fe!.readKubeconfig().contexts))
    const detections = await methods['clusters.detect']({})
    expect(detections.map((d) => [d.provider, d.ready])).toEqual([['kind', true]])

    const job = await methods['clusters.create']({ provider: 'kind', spec: { name: 'demo' } })
    const titles: string[] = []
    for await (const e of streams['jobs.watch']({ id: job.id }, new AbortController().signal))
      if (e.type === 'progress' && e.state === 'running') titles.push(e.step)
    expect(titles[0]).toMatch(/^Ensuring node image/)
    expect(titles).toHaveLength(7)
    const listed = await methods['clusters.list']({})
    expect(listed.clusters).toEqual([
      expect.objectContaining({ name: 'demo', provider: 'kind', state: 'running', contextPresent: true }),
    ])
    expect(listed.errors).toEqual([])
    expect(listed.jobs.map((j) => j.status)).toEqual(['succeeded'])
    expect(fe.readKubeconfig().current).toBe('kind-demo')

    // The context going missing (e.g. removed in a terminal) shows up on the next list.
    const gone = handlersFor(kind, async () => new Set())
    expect((await gone.methods['clusters.list']({})).clusters[0]?.contextPresent).toBe(false)

    const del = await methods['clusters.action']({ provider: 'kind', name: 'demo', action: 'delete' })
    await expect(
      methods['clusters.action']({ provider: 'kind', name: 'demo', action: 'delete' }),
    ).rejects.toThrow(/already running/)
    await jobs.wait(del.id)
    expect((await methods['clusters.list']({})).clusters).toEqual([])
    expect(fe.readKubeconfig()).toEqual({ contexts: [], current: '' })

    const failing = handlersFor(new KindProvider({ env: { ...env, FAKE_NO_ENGINE: '1' } }))
    const bad = await failing.methods['clusters.create']({ provider: 'kind', spec: { name: 'x' } })
    const done = await failing.jobs.wait(bad.id)
    expect(done.error?.message).toContain('Cannot connect to the Docker daemon')
    expect((await failing.methods['jobs.diagnostics']({ id: bad.id })).text).toContain(
      'kind v0.33.0 go1.24.6 linux/amd64',
    )
    expect((await failing.methods['clusters.list']({})).errors).toEqual([
      expect.objectContaining({
        provider: 'kind',
        message: expect.stringMatching(/^failed to list clusters/),
        exitCode: 1,
      }),
    ])
    expect(fe.recordedPids().filter(isAlive)).toEqual([])
  })

  it('an unknown job ends its stream and its diagnostics with NotFound-worthy errors', async () => {
    fe = await createFakeEnv()
    const { methods, streams } = handlersFor(new KindProvider({ env: fe.env }))
    const events = streams['jobs.watch']({ id: 'job-nope' }, new AbortController().signal)
    await expect(events[Symbol.asyncIterator]().next()).rejects.toMatchObject({ missing: true })
    await expect(methods['jobs.diagnostics']({ id: 'job-nope' })).rejects.toMatchObject({ missing: true })
  })
})
