import { existsSync } from 'node:fs'
import { mkdirSync } from 'node:fs'
import { chmod, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createBackend, type Backend } from '../backend'
import { execPluginKubeconfig } from '../../../test/fixtures/exec-kubeconfig'

// Issue #21 item 4: a kubeconfig user's `exec` command never runs, and is never imported, without the person
// having seen it and allowed it once (remembered per command + arguments in the data folder).
let root: string
let marker: string
let plugin: string
let kubeconfig: string

const execKubeconfig = (name: string, args: string[]): string =>
  execPluginKubeconfig(name, plugin, args, true)

const backendIn = (dataDir: string): Backend => {
  mkdirSync(dataDir, { recursive: true })
  return createBackend({
    transport: 'cli',
    dataDir,
    env: { HOME: root, KUBECONFIG: kubeconfig, PATH: process.env.PATH },
    run: async () => 'Client Version: v1.33.1',
    log: () => {},
  })
}

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'skiff-exec-'))
  marker = join(root, 'plugin-ran')
  plugin = join(root, 'get-token.sh')
  // The "credential plugin": records that it ran, then prints a valid ExecCredential.
  await writeFile(
    plugin,
    `#!/bin/sh\necho "$@" >> ${marker}\necho '{"apiVersion":"client.authentication.k8s.io/v1beta1","kind":"ExecCredential","status":{"token":"t"}}'\n`,
  )
  await chmod(plugin, 0o755)
  kubeconfig = join(root, 'kube', 'config')
  await mkdir(join(root, 'kube'))
  await writeFile(kubeconfig, execKubeconfig('eks', ['token', '--cluster', 'prod']), { mode: 0o600 })
})
afterEach(() => rm(root, { recursive: true, force: true }))

const podsOf = (b: Backend) =>
  b.dispatcher.call('resources.detail', { context: 'eks', kind: 'pods', namespace: 'default', name: 'x' })

describe('exec plugins', () => {
  it('the first use of a context asks before its command runs, once per command + args, across restarts', async () => {
    const dataDir = join(root, 'data')
    let backend = backendIn(dataDir)
    const first = await podsOf(backend)
    expect(first).toMatchObject({ ok: false, error: { code: 'NeedsApproval' } })
    expect(!first.ok && first.error.message).toContain(`${plugin} token --cluster prod`)
    expect(existsSync(marker)).toBe(false)

    expect(await backend.dispatcher.call('contexts.execPlugin', { name: 'eks' })).toEqual({
      ok: true,
      value: {
        context: 'eks',
        user: 'eks',
        command: plugin,
        args: ['token', '--cluster', 'prod'],
        approved: false,
      },
    })
    expect(await backend.dispatcher.call('contexts.approveExec', { name: 'eks' })).toMatchObject({
      ok: true,
      value: { approved: true },
    })
    expect((await stat(join(dataDir, 'exec-approvals.json'))).mode & 0o777).toBe(0o600)
    // Now it runs (and the call fails further on: nothing listens on port 1).
    const second = await podsOf(backend)
    expect(second).toMatchObject({ ok: false })
    expect(!second.ok && second.error.code).not.toBe('NeedsApproval')
    expect(await readFile(marker, 'utf8')).toContain('token --cluster prod')
    await backend.close()

    // Remembered in the data folder: a new Skiff does not ask again...
    backend = backendIn(dataDir)
    expect(await podsOf(backend)).not.toMatchObject({ error: { code: 'NeedsApproval' } })
    // ...but different arguments are a different command.
    await writeFile(kubeconfig, execKubeconfig('eks', ['token', '--cluster', 'other']))
    expect(await podsOf(backend)).toMatchObject({ ok: false, error: { code: 'NeedsApproval' } })
    await backend.close()
  })

  it('import shows the commands and refuses until they are allowed; allowing remembers them', async () => {
    await writeFile(kubeconfig, 'apiVersion: v1\nkind: Config\nclusters: []\ncontexts: []\nusers: []\n')
    const backend = backendIn(join(root, 'data'))
    const content = execKubeconfig('gke', ['--login'])
    expect(await backend.dispatcher.call('contexts.inspectImport', { content })).toEqual({
      ok: true,
      value: { execPlugins: [{ user: 'gke', command: plugin, args: ['--login'], approved: false }] },
    })
    const refused = await backend.dispatcher.call('contexts.import', { content, targetFile: kubeconfig })
    expect(refused).toMatchObject({ ok: false, error: { code: 'NeedsApproval' } })
    expect(await readFile(kubeconfig, 'utf8')).not.toContain('gke')

    const done = await backend.dispatcher.call('contexts.import', {
      content,
      targetFile: kubeconfig,
      allowExec: true,
    })
    expect(done, JSON.stringify(done)).toMatchObject({ ok: true })
    expect(await readFile(kubeconfig, 'utf8')).toContain('gke')
    expect(await backend.dispatcher.call('contexts.execPlugin', { name: 'gke' })).toMatchObject({
      ok: true,
      value: { approved: true },
    })
    expect(existsSync(marker)).toBe(false) // importing never runs it
    await backend.close()
  })
})
