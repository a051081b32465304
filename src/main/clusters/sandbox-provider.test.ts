import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { never } from '../../../test/support/fake-env'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ClusterError } from './errors'
import { SandboxProvider } from './sandbox-provider'
import type { RunningSandbox, SandboxContextEntry, StartSandbox } from './sandbox-provider'
import type { ProviderEvent } from './types'

interface FakeWorld {
  start: StartSandbox
  started: { name: string; port?: number; nodes?: number; stateFile?: string }[]
  live: Set<string>
  kubeconfig: {
    entries: Map<string, SandboxContextEntry>
    current: string
    upsert(entry: SandboxContextEntry, o: { setCurrent: boolean }): Promise<void>
    remove(names: string[]): Promise<void>
  }
}

function fakeWorld(): FakeWorld {
  const started: FakeWorld['started'] = []
  const live = new Set<string>()
  let nextPort = 40000
  const start: StartSandbox = async (options) => {
    started.push(options)
    if (options.port === 1) throw new Error('EADDRINUSE')
    const port = options.port ?? nextPort++
    live.add(options.name)
    const sandbox: RunningSandbox = {
      name: options.name,
      url: `https://127.0.0.1:${port}`,
      port,
      token: `token-${options.name}`,
      caData: 'Q0E=',
      stop: async () => {
        live.delete(options.name)
      },
      save: (file) => writeFile(file, JSON.stringify({ saved: options.name })),
      images: { load: () => {}, setHostImages: () => {}, loaded: () => [] },
      ingressPort: port + 1,
    }
    return sandbox
  }
  const kubeconfig: FakeWorld['kubeconfig'] = {
    entries: new Map(),
    current: '',
    async upsert(entry, o) {
      this.entries.set(entry.context.name, entry)
      if (o.setCurrent) this.current = entry.context.name
    },
    async remove(names) {
      for (const n of names) this.entries.delete(n)
      if (names.includes(this.current)) this.current = ''
    },
  }
  return { start, started, live, kubeconfig }
}

let dataDir = ''
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'skiff-sandbox-provider-'))
})
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true })
})

describe('SandboxProvider', () => {
  it('creates, writes a current context, stops, starts without switching, and deletes', async () => {
    const w = fakeWorld()
    const p = new SandboxProvider({ start: w.start, dataDir, kubeconfig: w.kubeconfig })
    const events: ProviderEvent[] = []
    const info = await p.create({ name: 'dev', nodes: 3 }, (e) => events.push(e), never())
    expect(info).toEqual({
      name: 'dev',
      provider: 'sandbox',
      state: 'running',
      nodeCount: 3,
      contextName: 'sandbox-dev',
      kubernetesVersion: 'v1.32.0',
      simulated: true,
    })
    expect(
      events.filter((e) => e.type === 'progress').map((e) => e.type === 'progress' && e.current),
    ).toEqual([1, 2, 2])
    expect(w.kubeconfig.entries.get('sandbox-dev')).toEqual({
      cluster: { name: 'sandbox-dev', server: 'https://127.0.0.1:40000', caData: 'Q0E=' },
      user: { name: 'sandbox-dev', token: 'token-dev' },
      context: { name: 'sandbox-dev', cluster: 'sandbox-dev', user: 'sandbox-dev' },
    })
    expect(w.kubeconfig.current).toBe('sandbox-dev')

    // Its ingress port goes only to a context whose server is this sandbox, not to one borrowing its name.
    expect(p.ingressPortFor('sandbox-dev', 'https://127.0.0.1:40000/')).toBe(40001)
    expect(p.ingressPortFor('sandbox-dev', 'https://10.0.0.9:6443')).toBeUndefined()
    expect(p.ingressPortFor('kind-dev', 'https://127.0.0.1:40000')).toBeUndefined()

    await p.stop('dev', () => {}, never())
    expect(w.live.has('dev')).toBe(false)
    expect(p.ingressPortFor('sandbox-dev', 'https://127.0.0.1:40000')).toBeUndefined()
    expect(JSON.parse(await readFile(join(dataDir, 'sandboxes', 'dev', 'state.json'), 'utf8'))).toEqual({
      saved: 'dev',
    })
    expect(await p.list()).toEqual([expect.objectContaining({ name: 'dev', state: 'stopped' })])
    expect(w.kubeconfig.entries.has('sandbox-dev')).toBe(true)

    w.kubeconfig.current = 'something-else'
    await p.start('dev', () => {})
    expect(w.started.at(-1)).toEqual({
      name: 'dev',
      nodes: 3,
      port: 40000,
      stateFile: join(dataDir, 'sandboxes', 'dev', 'state.json'),
    })
    expect(w.kubeconfig.current).toBe('something-else')
    expect((await p.list())[0]?.state).toBe('running')

    await p.delete('dev', () => {})
    expect(w.live.size).toBe(0)
    expect(await p.list()).toEqual([])
    expect(w.kubeconfig.entries.size).toBe(0)
    expect(existsSync(join(dataDir, 'sandboxes', 'dev'))).toBe(false)
  })

  it('survives an app restart: shutdown saves, restore brings running sandboxes back', async () => {
    const w = fakeWorld()
    const first = new SandboxProvider({ start: w.start, dataDir, kubeconfig: w.kubeconfig })
    await first.create({ name: 'one' }, () => {}, never())
    await first.create({ name: 'two' }, () => {}, never())
    await first.stop('two', () => {}, never())
    await first.shutdown()
    expect(w.live.size).toBe(0)

    const second = new SandboxProvider({ start: w.start, dataDir, kubeconfig: w.kubeconfig })
    expect((await second.list()).map((c) => [c.name, c.state])).toEqual([
      ['one', 'stopped'],
      ['two', 'stopped'],
    ])
    expect(await second.restore()).toEqual([{ name: 'one' }])
    expect((await second.list()).map((c) => [c.name, c.state])).toEqual([
      ['one', 'running'],
      ['two', 'stopped'],
    ])
    await second.shutdown()
  })

  it('refuses bad and taken names, and falls back to a new port when the old one is gone', async () => {
    const w = fakeWorld()
    const p = new SandboxProvider({ start: w.start, dataDir, kubeconfig: w.kubeconfig })
    await expect(p.create({ name: '../x' }, () => {}, never())).rejects.toBeInstanceOf(ClusterError)
    await expect(p.create({ name: 'big', nodes: 4 }, () => {}, never())).rejects.toThrow('1 to 3 nodes')
    expect(w.started).toEqual([])
    await p.create({ name: 'dev' }, () => {}, never())
    await expect(p.create({ name: 'dev' }, () => {}, never())).rejects.toThrow(
      'A sandbox named "dev" already exists',
    )
    await p.stop('dev', () => {}, never())
    const metaFile = join(dataDir, 'sandboxes', 'dev', 'meta.json')
    const meta = JSON.parse(await readFile(metaFile, 'utf8')) as Record<string, unknown>
    await writeFile(metaFile, JSON.stringify({ ...meta, port: 1 }))
    await p.start('dev', () => {})
    expect(w.kubeconfig.entries.get('sandbox-dev')?.cluster.server).toBe('https://127.0.0.1:40001')
    await p.shutdown()
  })
})
