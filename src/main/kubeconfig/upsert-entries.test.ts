import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { FANCY_KUBECONFIG } from '../../../test/fixtures/kubeconfig'
import { kubectl, makeTempHome } from '../../../test/support/kubeconfig'
import type { TempHome } from '../../../test/support/kubeconfig'
import { removeEntries, upsertEntries } from './upsert-entries'
import type { UpsertEntry } from './upsert-entries'

let t: TempHome
beforeEach(async () => {
  t = await makeTempHome()
})
afterEach(() => t.cleanup())

const entry = (name: string, server = 'https://127.0.0.1:6443'): UpsertEntry => ({
  cluster: { name: `sandbox-${name}`, server, caData: 'Q0E=' },
  user: { name: `sandbox-${name}`, token: 'tok' },
  context: {
    name: `sandbox-${name}`,
    cluster: `sandbox-${name}`,
    user: `sandbox-${name}`,
    namespace: 'default',
  },
})

describe('upsertEntries / removeEntries', () => {
  it('creates a missing file (and folder) with mode 0600 that kubectl reads', async () => {
    const file = path.join(t.dir, 'kube', 'config')
    await upsertEntries(file, entry('a'), { setCurrent: true })
    expect((await stat(file)).mode & 0o777).toBe(0o600)
    expect((await kubectl(t.dir, [file], ['config', 'current-context'])).trim()).toBe('sandbox-a')
    const view = JSON.parse(await kubectl(t.dir, [file], ['config', 'view', '--raw', '-o', 'json'])) as {
      clusters: Array<{ cluster: Record<string, string> }>
    }
    expect(view.clusters[0]?.cluster).toEqual({
      server: 'https://127.0.0.1:6443',
      'certificate-authority-data': 'Q0E=',
    })
  })

  it('replaces existing entries in place and leaves the rest of a hand-edited file alone', async () => {
    const file = await t.write('config', FANCY_KUBECONFIG)
    await upsertEntries(file, entry('a'), { setCurrent: false })
    const once = await readFile(file, 'utf8')
    expect(once.startsWith(FANCY_KUBECONFIG.slice(0, FANCY_KUBECONFIG.indexOf('- cluster:')))).toBe(true)
    await upsertEntries(file, entry('a', 'https://127.0.0.1:7000'), { setCurrent: false })
    const twice = await readFile(file, 'utf8')
    expect(twice).toBe(once.replace('https://127.0.0.1:6443', 'https://127.0.0.1:7000'))
    expect(parse(twice)['current-context']).toBe('dev')

    await removeEntries(file, { cluster: 'sandbox-a', user: 'sandbox-a', context: 'sandbox-a' })
    expect(await readFile(file, 'utf8')).toBe(FANCY_KUBECONFIG)
    await removeEntries(file, { context: 'absent' })
    await removeEntries(path.join(t.dir, 'no-such-file'), { context: 'x' })
    expect(await readFile(file, 'utf8')).toBe(FANCY_KUBECONFIG)
  })

  it('keeps a backup when given a backup folder', async () => {
    const file = await t.write('config', FANCY_KUBECONFIG)
    await upsertEntries(file, entry('b'), { setCurrent: true, backupDir: t.backups })
    const { createBackupStore } = await import('./backups')
    const backups = await createBackupStore(t.backups).list()
    expect(backups).toHaveLength(1)
  })
})
