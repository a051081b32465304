import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBackend, type Backend } from '../backend'

// Issue #21 item 6: a broken kubeconfig's error text quoted the lines around the error, bearer token
// included. Every error the backend hands out now has credentials masked.
const TOKEN = 'sha256~VerySecretBearerToken0123456789'
const KEY = 'LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQpNSUlFb3dJQkFBS0NBUUVB'
let root: string
let backend: Backend

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'skiff-redact-'))
  await mkdir(join(root, 'kube'))
  await mkdir(join(root, 'data'))
  // A tab where YAML allows none, right next to the secrets.
  await writeFile(
    join(root, 'kube', 'config'),
    [
      'apiVersion: v1',
      'current-context: c',
      'contexts:',
      '- name: c',
      '  context: {cluster: c, user: u}',
      'users:',
      '- name: u',
      '  user:',
      `    token: ${TOKEN}`,
      `    client-key-data: ${KEY}`,
      '\t  oops: [',
      `    password: ${TOKEN}`,
      '',
    ].join('\n'),
  )
  backend = createBackend({
    transport: 'cli',
    dataDir: join(root, 'data'),
    env: { HOME: root, KUBECONFIG: join(root, 'kube', 'config'), PATH: '' },
    run: async () => 'Client Version: v1.33.1',
    log: () => {},
  })
})
afterAll(async () => {
  await backend.close()
  await rm(root, { recursive: true, force: true })
})

describe('error texts never carry kubeconfig secrets', () => {
  it('a resource call and the contexts list on a broken kubeconfig', async () => {
    const detail = await backend.dispatcher.call('resources.detail', {
      kind: 'pods',
      namespace: 'default',
      name: 'x',
    })
    const list = await backend.dispatcher.call('contexts.list', {})
    const texts = JSON.stringify([detail, list])
    expect(detail.ok).toBe(false)
    expect(texts).not.toContain('VerySecret')
    expect(texts).not.toContain(KEY.slice(0, 10))
    console.log(`[redact] ${!detail.ok ? JSON.stringify(detail.error.message) : ''}`)
  })
})
