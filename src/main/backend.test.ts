import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { createBackend, type Backend } from './backend'
import type * as loadFileModule from './kubeconfig/load-file'

// Every read of a kubeconfig file, counted: a warmed contexts list must answer the page without one.
const reads = vi.hoisted(() => ({ count: 0 }))
vi.mock('./kubeconfig/load-file', async (importOriginal) => {
  const real = await importOriginal<typeof loadFileModule>()
  return {
    ...real,
    loadFile: (path: string) => {
      reads.count++
      return real.loadFile(path)
    },
  }
})

const CONFIG = [
  'apiVersion: v1',
  'kind: Config',
  'current-context: warm',
  'clusters:',
  '- name: c',
  '  cluster: { server: "https://127.0.0.1:1" }',
  'users:',
  '- name: u',
  '  user: { token: t }',
  'contexts:',
  '- name: warm',
  '  context: { cluster: c, user: u, namespace: team }',
  '',
].join('\n')

type ContextsAnswer = { currentContext: string; contexts: { name: string }[] }

async function listContexts(): Promise<ContextsAnswer> {
  const r = await backend.dispatcher.call('contexts.list', {})
  if (!r.ok) throw new Error(r.error.message)
  return r.value as ContextsAnswer
}

let root: string
let config: string
let backend: Backend

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'skiff-warm-'))
  await mkdir(join(root, 'data'))
  config = join(root, 'config')
  backend = createBackend({
    transport: 'cli',
    dataDir: join(root, 'data'),
    env: { HOME: root, KUBECONFIG: config, PATH: '' },
    run: async () => 'Client Version: v1.33.1',
    log: () => {},
  })
})
afterAll(async () => {
  await backend.close()
  await rm(root, { recursive: true, force: true })
})
beforeEach(async () => {
  await writeFile(config, CONFIG)
  // A file changed in the last two seconds is never trusted for later calls (stamped-cache.ts, "racy").
  const past = new Date(Date.now() - 60_000)
  await utimes(config, past, past)
  reads.count = 0
})

describe('the backend reads the contexts before a page asks', () => {
  it('warm(): the first contexts.list answers from what it read', async () => {
    await backend.warm()
    expect(reads.count).toBe(1)
    const state = await listContexts()
    expect(state.currentContext).toBe('warm')
    expect(state.contexts.map((c) => c.name)).toEqual(['warm'])
    expect(reads.count).toBe(1)
  })

  it('prewarm() (a page requested) reads them too, and a change since is read afresh by the call', async () => {
    backend.prewarm()
    await vi.waitFor(() => expect(reads.count).toBe(1))
    await listContexts()
    expect(reads.count).toBe(1)
    await writeFile(config, CONFIG.replace(/warm/g, 'other'))
    const state = await listContexts()
    expect(state.currentContext).toBe('other')
    expect(reads.count).toBe(2)
  })
})
