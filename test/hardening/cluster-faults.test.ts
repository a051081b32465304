import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { JobEvent, JobInfo } from '@shared/contract'
import { createBackend, type Backend } from '../../src/main/backend'
import { createFakeEnv, isAlive, survivors, type FakeEnv } from '../support/fake-env'
import { KindProvider } from '../../src/main/clusters/kind-provider'
import { MinikubeProvider } from '../../src/main/clusters/minikube-provider'
import { createJobRunner, type JobRunner } from '../../src/main/clusters/jobs'
import { listClusters } from '../../src/main/clusters/overview'

// Child processes end with their job (cancel, timeout, quit), and a tool that hangs, dies mid-output or
// prints garbage ends the job as failed with a sentence a person can read. Uses the fakes in test/fakes.
let fe: FakeEnv | undefined
let backend: Backend | undefined
afterEach(async () => {
  await backend?.close()
  backend = undefined
  await fe?.cleanup()
  fe = undefined
})

async function eventually(what: string, check: () => boolean, ms = 15_000): Promise<void> {
  const until = Date.now() + ms
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 25))
  }
}

const alive = (env: FakeEnv): number[] => env.recordedPids().filter(isAlive)

/** The fake's own pid (not its helper), found by the argv it recorded. */
function toolPid(env: FakeEnv, argvStart: string): number | undefined {
  const dir = join(env.stateDir, 'pids')
  return env
    .recordedPids()
    .filter(isAlive)
    .find((pid) => {
      try {
        return readFileSync(join(dir, String(pid)), 'utf8').startsWith(argvStart)
      } catch {
        return false
      }
    })
}

function expectReadable(job: JobInfo | undefined, pattern: RegExp): string {
  expect(job?.status).toBe('failed')
  const message = job?.error?.message ?? ''
  expect(message).toMatch(pattern)
  expect(message).not.toMatch(/undefined|\n\s+at |\[object /)
  return message
}

async function startBackend(extra: Record<string, string>): Promise<{ env: FakeEnv; backend: Backend }> {
  fe = await createFakeEnv({ FAKE_SPAWN_HELPER: '1', ...extra })
  backend = createBackend({
    transport: 'cli',
    dataDir: join(fe.root, 'data'),
    env: fe.env,
    run: async () => 'Client Version: v1.33.1',
    log: () => {},
  })
  return { env: fe, backend }
}

describe('children end with their job or the app', { timeout: 60_000 }, () => {
  it('backend.close() while kind create hangs kills kind and its helper', async () => {
    const { env, backend: b } = await startBackend({ FAKE_KIND_HANG_AT_STEP: '3' })
    const r = await b.dispatcher.call('clusters.create', { provider: 'kind', spec: { name: 'quitting' } })
    expect(r.ok).toBe(true)
    await eventually('kind and its helper running', () => alive(env).length >= 2)
    const before = alive(env).length
    await b.close()
    backend = undefined
    const after = await survivors(env)
    console.log(`[children] quit during kind create: ${before} live before close, ${after.length} after`)
    expect(after).toEqual([])
  })

  it('jobs.cancel over the dispatcher kills minikube and its helper; the watch ends with cancelled', async () => {
    const { env, backend: b } = await startBackend({ FAKE_MINIKUBE_HANG_AT_STEP: '2' })
    const r = await b.dispatcher.call('clusters.create', { provider: 'minikube', spec: { name: 'cancelme' } })
    if (!r.ok) throw new Error(r.error.message)
    const job = r.value as JobInfo
    const events: JobEvent[] = []
    b.dispatcher.subscribe(
      'jobs.watch',
      { id: job.id },
      (e) => events.push(e as JobEvent),
      () => {},
    )
    await eventually('minikube and its helper running', () => alive(env).length >= 2)
    const before = alive(env).length
    expect(await b.dispatcher.call('jobs.cancel', { id: job.id })).toEqual({
      ok: true,
      value: { cancelled: true },
    })
    await eventually('done event', () => events.some((e) => e.type === 'done'))
    expect(events.at(-1)).toMatchObject({ type: 'done', ok: false, status: 'cancelled' })
    const after = await survivors(env)
    console.log(`[children] cancel during minikube start: ${before} live before, ${after.length} after`)
    expect(after).toEqual([])
    await eventually('no subscriptions left', () => b.dispatcher.activeSubscriptions() === 0)
  })
})

describe('tool faults through the job runner', { timeout: 60_000 }, () => {
  interface Tools {
    jobs: JobRunner
    create(provider: 'kind' | 'minikube', name: string): JobInfo
    list(): ReturnType<typeof listClusters>
  }
  async function service(extra: Record<string, string>, timeoutMs?: number): Promise<Tools> {
    fe = await createFakeEnv({ FAKE_SPAWN_HELPER: '1', ...extra })
    const kind = new KindProvider({ env: fe.env, createTimeoutMs: timeoutMs })
    const minikube = new MinikubeProvider({ env: fe.env, createTimeoutMs: timeoutMs })
    const jobs = createJobRunner({ kind, minikube })
    return {
      jobs,
      create: (provider, name) => jobs.start({ action: 'create', provider, spec: { name } }),
      list: () => listClusters([kind, minikube], jobs),
    }
  }

  it('a hung create times out: failed, readable, nothing left running', async () => {
    const svc = await service({ FAKE_KIND_HANG_AT_STEP: '2', FAKE_MINIKUBE_HANG_AT_STEP: '1' }, 1500)
    for (const provider of ['kind', 'minikube'] as const) {
      const job = svc.create(provider, `hung-${provider}`)
      const message = expectReadable(await svc.jobs.wait(job.id), /did not finish in time/)
      console.log(`[tool faults] ${provider} hangs → "${message}"`)
    }
    await eventually('no fake left running', () => alive(fe!).length === 0, 30_000)
  })

  it('a tool killed mid-output: failed, readable, helpers gone', async () => {
    const svc = await service({ FAKE_KIND_HANG_AT_STEP: '3', FAKE_MINIKUBE_HANG_AT_STEP: '2' })
    for (const [provider, argv] of [
      ['kind', 'create'],
      ['minikube', 'start'],
    ] as const) {
      const job = svc.create(provider, `dies-${provider}`)
      const seen: JobEvent[] = []
      const reading = (async () => {
        for await (const e of svc.jobs.subscribe(job.id)) seen.push(e)
      })()
      await eventually(
        `${provider} mid-output`,
        () => seen.some((e) => e.type === 'progress') && !!toolPid(fe!, argv),
      )
      process.kill(toolPid(fe!, argv)!, 'SIGKILL')
      const message = expectReadable(await svc.jobs.wait(job.id), /was killed before it finished/)
      await reading
      console.log(
        `[tool faults] ${provider} killed after ${seen.length} events → "${message.split('\n')[0]}"`,
      )
    }
    await eventually('helpers gone', () => alive(fe!).length === 0, 30_000)
  })

  it('garbage output: failed, readable, not mistaken for a cluster', async () => {
    const svc = await service({ FAKE_GARBAGE: '1' })
    for (const provider of ['kind', 'minikube'] as const) {
      const job = svc.create(provider, `junk-${provider}`)
      const message = expectReadable(await svc.jobs.wait(job.id), /\w{3,}/)
      console.log(`[tool faults] ${provider} prints garbage → "${message.split('\n')[0]}"`)
    }
    expect((await svc.list()).clusters).toEqual([])
  })
})
