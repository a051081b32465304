import { mkdtemp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBackend, type Backend } from '../../src/main/backend'
import { twoContexts } from '../support/kubeconfig'
import { hostileStrings } from './hostile'

// Free-text fields (context names, backup ids, job ids, import target, secret keys) may carry `../` or `;`
// past the schema. Through the REAL backend each must end as a typed error, never Internal, and touch no file.
let root: string
let backend: Backend
let kubeconfig: string
let original: string

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'skiff-free-text-'))
  kubeconfig = join(root, 'kube', 'config')
  await mkdir(join(root, 'kube'))
  original = twoContexts('k', 'k-a')
  await writeFile(kubeconfig, original, { mode: 0o600 })
  backend = createBackend({
    transport: 'cli',
    dataDir: join(root, 'data'),
    env: { HOME: root, KUBECONFIG: kubeconfig, PATH: '' },
    run: async () => 'Client Version: v1.33.1',
    log: () => {},
  })
})
afterAll(async () => {
  await backend.close()
  await rm(root, { recursive: true, force: true })
})

const importable = twoContexts('imp', 'imp-a')
const calls = (s: string): [string, Record<string, unknown>][] => [
  ['contexts.use', { name: s }],
  ['contexts.rename', { from: s, to: 'renamed' }],
  ['contexts.delete', { name: s }],
  ['contexts.setNamespace', { name: s, namespace: 'default' }],
  ['contexts.restore', { id: s }],
  ['contexts.compareBackup', { id: s }],
  ['contexts.importPreview', { content: importable, targetFile: s }],
  ['contexts.import', { content: importable, targetFile: s }],
  ['jobs.diagnostics', { id: s }],
  ['resources.yaml', { context: s, kind: 'pods', namespace: 'default', name: 'x' }],
  ['secrets.reveal', { context: s, namespace: 'default', name: 'x', key: s }],
  ['rollout.status', { context: s, namespace: 'default', name: 'x' }],
]

describe('hostile free text through the real backend', () => {
  it('ends as a typed, readable error and leaves the files alone', async () => {
    const codes = new Map<string, number>()
    let tried = 0
    for (const s of hostileStrings) {
      for (const [method, input] of calls(s)) {
        const r = await backend.dispatcher.call(method, input)
        tried++
        expect(r.ok, `${method} ${JSON.stringify(s)}`).toBe(false)
        if (r.ok) continue
        expect(r.error.code, `${method} ${JSON.stringify(s)}: ${r.error.message}`).not.toBe('Internal')
        expect(r.error.message).not.toMatch(/\n\s+at /)
        codes.set(r.error.code, (codes.get(r.error.code) ?? 0) + 1)
      }
      const cancel = await backend.dispatcher.call('jobs.cancel', { id: s })
      tried++
      expect(cancel.ok ? 'ok' : cancel.error.code).not.toBe('Internal')
    }
    expect(await readFile(kubeconfig, 'utf8')).toBe(original)
    expect((await readdir(root)).filter((f) => f !== 'data')).toEqual(['kube'])
    expect(await readdir(join(root, 'kube'))).toEqual(['config'])
    console.log(
      `[free text] ${tried} hostile calls through the real backend; codes: ${JSON.stringify(Object.fromEntries(codes))}`,
    )
  })
})
