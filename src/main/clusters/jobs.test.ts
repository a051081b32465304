import { afterEach, describe, expect, it } from 'vitest'
import { ClusterError } from './errors'
import { createFakeEnv, survivors } from '../../../test/support/fake-env'
import type { FakeEnv } from '../../../test/support/fake-env'
import type { JobEvent } from './job-types'
import { createJobRunner } from './jobs'
import { KindProvider } from './kind-provider'
import type { ClusterProvider, OnProviderEvent } from './types'

/** A provider whose create waits for the test to release it, step by step. */
function scriptedProvider(): { provider: ClusterProvider; release: () => void } {
  let release: () => void = () => {}
  const gate = (): Promise<void> => new Promise((r) => (release = r))
  const provider: ClusterProvider = {
    id: 'sandbox',
    detect: async () => ({ provider: 'sandbox', ready: true, checks: [] }),
    list: async () => [],
    versions: async () => ['fake-tool v9.9.9'],
    async create(spec, onEvent: OnProviderEvent, signal) {
      onEvent({ type: 'command', argv: ['fake', 'create', spec.name] })
      onEvent({ type: 'progress', step: 'One', title: 'One', state: 'running', current: 1, total: 2 })
      onEvent({ type: 'log', stream: 'stderr', line: 'working on it' })
      await new Promise<void>((resolve, reject) => {
        void gate().then(resolve)
        signal.addEventListener('abort', () => reject(new ClusterError('cancelled by request')))
      })
      onEvent({ type: 'progress', step: 'Two', title: 'Two', state: 'running', current: 2, total: 2 })
      if (spec.name === 'fail')
        throw new ClusterError('the tool said no', { advice: 'try again', exitCode: 7 })
      if (spec.name === 'crash') throw new Error('internal oops')
      return { name: spec.name, provider: 'sandbox', state: 'running', contextName: `sandbox-${spec.name}` }
    },
    async delete() {},
  }
  return { provider, release: () => release() }
}

async function collect(iter: AsyncIterable<JobEvent>): Promise<JobEvent[]> {
  const out: JobEvent[] = []
  for await (const e of iter) out.push(e)
  return out
}

const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 10))

describe('job runner', () => {
  it('streams history then live events and ends after done', async () => {
    const { provider, release } = scriptedProvider()
    const jobs = createJobRunner({ sandbox: provider })
    const job = jobs.start({ action: 'create', provider: 'sandbox', spec: { name: 'demo' } })
    expect(job.status).toBe('running')
    await tick()
    const early = collect(jobs.subscribe(job.id))
    release()
    const events = await early
    expect(events.map((e) => e.type)).toEqual(['log', 'progress', 'log', 'progress', 'done'])
    expect(events[0]).toEqual({ type: 'log', stream: 'stderr', line: '$ fake create demo' })
    expect(events.at(-1)).toMatchObject({
      type: 'done',
      ok: true,
      status: 'succeeded',
      summary: expect.stringContaining('"sandbox-demo"'),
    })
    // A late subscriber (a reloaded renderer) gets the same history.
    expect(await collect(jobs.subscribe(job.id))).toEqual(events)
    expect(jobs.get(job.id)).toMatchObject({
      status: 'succeeded',
      progress: { current: 2, total: 2 },
      commands: ['fake create demo'],
    })
  })

  it('refuses a second job on the same cluster, an action the provider lacks, an unknown provider', async () => {
    const { provider, release } = scriptedProvider()
    const jobs = createJobRunner({ sandbox: provider })
    const first = jobs.start({ action: 'create', provider: 'sandbox', spec: { name: 'demo' } })
    expect(() => jobs.start({ action: 'delete', provider: 'sandbox', name: 'demo' })).toThrow(
      /already running/,
    )
    expect(() => jobs.start({ action: 'stop', provider: 'sandbox', name: 'other' })).toThrow(/cannot stop/)
    expect(() => jobs.start({ action: 'create', provider: 'kind', spec: { name: 'x' } })).toThrow(
      /Unknown cluster provider/,
    )
    await tick()
    release()
    await jobs.wait(first.id)
    // Free again once the first job ended.
    const again = jobs.start({ action: 'delete', provider: 'sandbox', name: 'demo' })
    expect((await jobs.wait(again.id)).status).toBe('succeeded')
  })

  it('keeps the log and a plain error after failure; diagnostics carry versions, command and output', async () => {
    const { provider, release } = scriptedProvider()
    const jobs = createJobRunner({ sandbox: provider })
    const job = jobs.start({ action: 'create', provider: 'sandbox', spec: { name: 'fail' } })
    await tick()
    release()
    const done = await jobs.wait(job.id)
    expect(done.status).toBe('failed')
    expect(done.error).toEqual({ message: 'the tool said no', advice: 'try again', exitCode: 7 })
    expect(jobs.log(job.id)).toBe('$ fake create fail\nworking on it')
    const text = await jobs.diagnostics(job.id)
    for (const part of [
      'fake-tool v9.9.9',
      '$ fake create fail',
      'working on it',
      'Error: the tool said no',
      'Advice: try again',
      'Exit code: 7',
    ]) {
      expect(text).toContain(part)
    }

    const crash = jobs.start({ action: 'create', provider: 'sandbox', spec: { name: 'crash' } })
    await tick()
    release()
    const crashed = await jobs.wait(crash.id)
    expect(crashed.error).toEqual({ message: 'internal oops' })
    expect(JSON.stringify(jobs.list())).not.toMatch(/\n\s+at /)
  })

  it('cancel ends the job as cancelled', async () => {
    const { provider } = scriptedProvider()
    const jobs = createJobRunner({ sandbox: provider })
    const job = jobs.start({ action: 'create', provider: 'sandbox', spec: { name: 'demo' } })
    await tick()
    expect(jobs.running()).toHaveLength(1)
    expect(jobs.cancel(job.id)).toBe(true)
    const done = await jobs.wait(job.id)
    expect(done.status).toBe('cancelled')
    expect(jobs.cancel(job.id)).toBe(false)
  })

  it('unsubscribing ends a waiting reader at once, by return() or by signal', async () => {
    const { provider, release } = scriptedProvider()
    const jobs = createJobRunner({ sandbox: provider })
    const job = jobs.start({ action: 'create', provider: 'sandbox', spec: { name: 'demo' } })
    await tick()
    const iter = jobs.subscribe(job.id)
    for (let i = 0; i < 3; i++) await iter.next()
    const pending = iter.next()
    expect(jobs.readerCount(job.id)).toBe(1)
    await iter.return?.()
    expect(await pending).toEqual({ value: undefined, done: true })
    expect(jobs.readerCount(job.id)).toBe(0)

    const controller = new AbortController()
    const seen: JobEvent[] = []
    const loop = (async () => {
      for await (const e of jobs.subscribe(job.id, controller.signal)) seen.push(e)
    })()
    await tick()
    expect(jobs.readerCount(job.id)).toBe(1)
    controller.abort()
    await loop
    expect(seen).toHaveLength(3)
    expect(jobs.readerCount(job.id)).toBe(0)
    release()
    await jobs.wait(job.id)
  })
})

describe('job runner with the fake kind', { timeout: 60_000 }, () => {
  let fe: FakeEnv | undefined
  afterEach(async () => {
    await fe?.cleanup()
    fe = undefined
  })

  it('create reports progress in order; cancelAll kills a running create and cleans up', async () => {
    fe = await createFakeEnv()
    const kind = new KindProvider({ env: fe.env })
    const jobs = createJobRunner({ kind })
    const ended: string[] = []
    jobs.onChange((j) => ended.push(`${j.name}:${j.status}`))
    const ok = jobs.start({ action: 'create', provider: 'kind', spec: { name: 'demo', nodes: 2 } })
    const events = await collect(jobs.subscribe(ok.id))
    const steps = events.flatMap((e) => (e.type === 'progress' && e.state === 'running' ? [e.current] : []))
    expect(steps).toEqual([1, 2, 3, 4, 5, 6, 7, 8])
    expect(events.at(-1)).toMatchObject({ type: 'done', ok: true, cluster: { name: 'demo', nodeCount: 2 } })
    expect(ended).toEqual(['demo:running', 'demo:succeeded'])

    const slow = createJobRunner({
      kind: new KindProvider({ env: { ...fe.env, FAKE_KIND_HANG_AT_STEP: '4' } }),
    })
    const job = slow.start({ action: 'create', provider: 'kind', spec: { name: 'slow' } })
    for await (const e of slow.subscribe(job.id)) if (e.type === 'progress' && e.current === 4) break
    await slow.cancelAll()
    expect(slow.get(job.id)?.status).toBe('cancelled')
    expect(slow.log(job.id)).toContain('$ kind delete cluster --name slow')
    expect((await kind.list()).map((c) => c.name)).toEqual(['demo'])
    expect(await survivors(fe)).toEqual([])
  })
})
