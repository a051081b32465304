import { lstat, readdir, readFile, stat, symlink, utimes, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AtomicWriteOps } from './atomic-write'
import { writeFileAtomic } from './atomic-write'
import { createBackupStore } from './backups'
import { KubeconfigError } from './errors'
import { createKubeconfigService } from './service'
import { makeTempHome, twoContexts } from '../../../test/support/kubeconfig'
import type { TempHome } from '../../../test/support/kubeconfig'

let t: TempHome
beforeEach(async () => {
  t = await makeTempHome()
})
afterEach(() => t.cleanup())

const service = (files: string[], extra: Partial<Parameters<typeof createKubeconfigService>[0]> = {}) =>
  createKubeconfigService({
    env: { KUBECONFIG: files.join(path.delimiter) },
    homedir: t.home,
    backupDir: t.backups,
    ...extra,
  })

async function expectCode(promise: Promise<unknown>, code: string): Promise<KubeconfigError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(err).toBeInstanceOf(KubeconfigError)
  expect((err as KubeconfigError).code).toBe(code)
  return err as KubeconfigError
}

describe('kubectl lock', () => {
  it('fails with Locked while <file>.lock exists, leaves the file unchanged and keeps the lock', async () => {
    const file = await t.write('config', twoContexts('k', 'k-a'))
    await writeFile(`${file}.lock`, '')
    const err = await expectCode(service([file]).use('k-b'), 'Locked')
    expect(err.message).toContain('Another program is writing')
    expect(err.message).toContain(`${file}.lock`)
    expect(await readFile(file, 'utf8')).toBe(twoContexts('k', 'k-a'))
    expect((await stat(`${file}.lock`)).isFile()).toBe(true)
  })

  it('reports a lock older than the stale limit as StaleLock instead of stealing it', async () => {
    const file = await t.write('config', twoContexts('k', 'k-a'))
    await writeFile(`${file}.lock`, '')
    const old = new Date(Date.now() - 10 * 60_000)
    await utimes(`${file}.lock`, old, old)
    const err = await expectCode(service([file]).use('k-b'), 'StaleLock')
    expect(err.message).toContain('Delete the lock file')
    expect(await readFile(file, 'utf8')).toBe(twoContexts('k', 'k-a'))
  })

  it('releases the lock after a write and after a failed write', async () => {
    const file = await t.write('config', twoContexts('k', 'k-a'))
    const svc = service([file])
    await svc.use('k-b')
    await expectCode(svc.use('nope'), 'NotFound')
    await expectCode(svc.rename('k-a', 'k-b'), 'Conflict')
    expect((await readdir(t.dir)).sort()).toEqual(['backups', 'config'])
  })
})

describe('atomic write', () => {
  const failing = (step: 'write' | 'rename'): AtomicWriteOps => ({
    write: async (handle, content) => {
      await handle.writeFile(content.slice(0, content.length / 2))
      if (step === 'write') throw new Error('disk full (simulated)')
    },
    rename: async () => {
      throw new Error('crash before rename (simulated)')
    },
  })

  for (const step of ['write', 'rename'] as const) {
    it(`a failure during ${step} leaves the original intact and no temp file behind`, async () => {
      const file = await t.write('config', twoContexts('k', 'k-a'))
      const err = await service([file], { atomicOps: failing(step) })
        .use('k-b')
        .catch((e: unknown) => e)
      expect(String(err)).toContain('simulated')
      expect(await readFile(file, 'utf8')).toBe(twoContexts('k', 'k-a'))
      expect((await readdir(t.dir)).sort()).toEqual(['backups', 'config'])
    })
  }

  it('keeps the file mode (0600 stays 0600, 0640 stays 0640) and follows symlinks', async () => {
    const file = await t.write('config', twoContexts('k', 'k-a'), 0o600)
    await service([file]).use('k-b')
    expect((await stat(file)).mode & 0o777).toBe(0o600)
    const other = await t.write('other', 'a: 1\n', 0o640)
    await writeFileAtomic(other, 'a: 2\n', 0o640)
    expect((await stat(other)).mode & 0o777).toBe(0o640)
    const link = path.join(t.dir, 'link')
    await symlink(other, link)
    await writeFileAtomic(link, 'a: 3\n', 0o640)
    expect((await lstat(link)).isSymbolicLink()).toBe(true)
    expect(await readFile(other, 'utf8')).toBe('a: 3\n')
  })
})

describe('backups', () => {
  it('saves the previous content before every change and restores it', async () => {
    const file = await t.write('config', twoContexts('k', 'k-a'))
    const svc = service([file])
    await svc.use('k-b')
    const afterUse = await readFile(file, 'utf8')
    await svc.setNamespace('k-a', 'dev')
    const backups = await svc.listBackups()
    expect(backups).toHaveLength(2)
    expect(backups.every((b) => b.file === file)).toBe(true)
    // newest first: the content before setNamespace
    await svc.restoreBackup(backups[0]!.id)
    expect(await readFile(file, 'utf8')).toBe(afterUse)
    await svc.restoreBackup(backups[1]!.id)
    expect(await readFile(file, 'utf8')).toBe(twoContexts('k', 'k-a'))
    const mode = (await stat(path.join(t.backups, backups[0]!.id))).mode & 0o777
    expect(mode).toBe(0o600)
    await expectCode(svc.restoreBackup('../../etc/passwd'), 'Invalid')
  })

  it('keeps at most 20 per file', async () => {
    let clock = 1_000
    const store = createBackupStore(t.backups, () => clock++)
    for (let i = 0; i < 25; i++) await store.save('/some/config', `v${i}`)
    await store.save('/other/config', 'x')
    const all = await store.list()
    const some = all.filter((b) => b.file === '/some/config')
    expect(some).toHaveLength(20)
    expect((await store.read(some[0]!.id)).content).toBe('v24')
    expect((await store.read(some[19]!.id)).content).toBe('v5')
    expect(all.filter((b) => b.file === '/other/config')).toHaveLength(1)
  })
})
