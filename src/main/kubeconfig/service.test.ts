import { mkdir, readFile, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { KubeconfigError } from './errors'
import { FANCY_KUBECONFIG } from '../../../test/fixtures/kubeconfig'
import { loadFile, parseKubeconfig } from './load-file'
import { createKubeconfigService } from './service'
import { makeTempHome, twoContexts } from '../../../test/support/kubeconfig'
import type { TempHome } from '../../../test/support/kubeconfig'

let t: TempHome
beforeEach(async () => {
  t = await makeTempHome()
})
afterEach(() => t.cleanup())

const service = (files: string[]) =>
  createKubeconfigService({
    env: { KUBECONFIG: files.join(path.delimiter) },
    homedir: t.home,
    backupDir: t.backups,
  })
const read = async (file: string): Promise<Record<string, unknown>> => parse(await readFile(file, 'utf8'))

async function code(promise: Promise<unknown>): Promise<string> {
  const err = await promise.then(
    () => new Error('expected a failure'),
    (e: unknown) => e,
  )
  return err instanceof KubeconfigError ? err.code : String(err)
}

describe('kubeconfig service with several files', () => {
  it('lists contexts from every file and writes each change to the file kubectl would', async () => {
    const one = await t.write('one', twoContexts('one', null))
    const two = await t.write('two', twoContexts('two', 'two-a'))
    const svc = service([one, path.join(t.dir, 'missing'), two])
    const list = await svc.list()
    expect(list.contexts.map((c) => c.name)).toEqual(['one-a', 'one-b', 'two-a', 'two-b'])
    expect(list.currentContext).toBe('two-a')

    await svc.use('one-b') // current-context lives in the second file: it stays there
    expect((await read(two))['current-context']).toBe('one-b')
    expect((await read(one))['current-context']).toBeUndefined()

    await svc.setNamespace('two-b', 'web') // written where the context is defined
    expect(await readFile(one, 'utf8')).toBe(twoContexts('one', null))
    expect((await svc.list()).contexts.find((c) => c.name === 'two-b')?.namespace).toBe('web')
    await svc.setNamespace('two-b', '')
    expect((await svc.list()).contexts.find((c) => c.name === 'two-b')?.namespace).toBe('')

    await svc.rename('one-b', 'renamed') // context in file one, current-context in file two
    const after = await svc.list()
    expect(after.currentContext).toBe('renamed')
    expect(after.contexts.find((c) => c.name === 'renamed')?.file).toBe(one)
  })

  it('puts current-context in the first file when no file sets one', async () => {
    const one = await t.write('one', twoContexts('one', null))
    const two = await t.write('two', twoContexts('two', null))
    await service([one, two]).use('two-a')
    expect((await read(one))['current-context']).toBe('two-a')
    expect(await readFile(two, 'utf8')).toBe(twoContexts('two', null))
  })

  it('deletes a context, and its cluster and user only when no other context uses them', async () => {
    const one = await t.write('one', twoContexts('one', 'one-a'))
    const svc = service([one])
    await svc.delete('one-a', { withClusterAndUser: true })
    let config = await read(one)
    expect((config.contexts as unknown[]).length).toBe(1)
    expect((config.clusters as unknown[]).length).toBe(1) // still used by one-b
    await svc.delete('one-b', { withClusterAndUser: true })
    config = await read(one)
    expect([config.contexts, config.clusters, config.users]).toEqual([null, null, null])
    expect(await code(svc.delete('one-b'))).toBe('NotFound')
  })

  it('imports another kubeconfig, refusing clashes unless renamed', async () => {
    const one = await t.write('one', twoContexts('one', 'one-a'))
    const other = await t.write('other', twoContexts('one', null))
    const svc = service([one])
    const err = await svc.import(other, one).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(KubeconfigError)
    expect((err as KubeconfigError).code).toBe('Conflict')
    expect((err as KubeconfigError).details.clashes).toHaveLength(4)
    expect(await readFile(one, 'utf8')).toBe(twoContexts('one', 'one-a'))

    await svc.import(other, one, {
      clusters: { 'one-cluster': 'imp-cluster' },
      users: { 'one-user': 'imp-user' },
      contexts: { 'one-a': 'imp-a', 'one-b': 'imp-b' },
    })
    const list = await svc.list()
    expect(list.contexts.find((c) => c.name === 'imp-b')).toMatchObject({
      cluster: 'imp-cluster',
      user: 'imp-user',
      namespace: 'team',
      file: one,
    })
    expect(list.currentContext).toBe('one-a')
  })

  it('imports into a new file, created with mode 0600', async () => {
    const one = await t.write('one', twoContexts('one', 'one-a'))
    const other = await t.write('other', twoContexts('new', null))
    const target = path.join(t.dir, 'made', 'config')
    await service([one]).import(other, target)
    expect(Object.keys(await read(target))).toContain('contexts')
  })

  it('never writes to a broken file, and still loads the others', async () => {
    const broken = await t.write('broken', 'apiVersion: v1\ncurrent-context: [oops\n')
    const good = await t.write('good', twoContexts('g', null))
    const svc = service([broken, good])
    const list = await svc.list()
    expect(list.files[0]).toMatchObject({ status: 'broken', error: { line: expect.any(Number) } })
    expect(list.contexts).toHaveLength(2)
    expect(await code(svc.use('g-b'))).toBe('Broken')
    expect(await readFile(broken, 'utf8')).toBe('apiVersion: v1\ncurrent-context: [oops\n')
    expect(await code(svc.import(good, broken))).toBe('Broken')
  })

  it('validates names and namespaces before writing', async () => {
    const one = await t.write('one', twoContexts('one', 'one-a'))
    const svc = service([one])
    expect(await code(svc.rename('one-a', ''))).toBe('Invalid')
    expect(await code(svc.rename('one-a', 'bad\u0007name'))).toBe('Invalid')
    expect(await code(svc.rename('one-a', 'new\nline'))).toBe('Invalid')
    expect(await code(svc.setNamespace('one-a', 'Not_Valid'))).toBe('Invalid')
    expect(await readFile(one, 'utf8')).toBe(twoContexts('one', 'one-a'))
  })

  it('keeps untouched bytes of a hand-edited file through every action', async () => {
    const file = await t.write('fancy', FANCY_KUBECONFIG)
    const svc = service([file])
    await svc.use('prod-admin')
    await svc.setNamespace('prod-admin', 'ops')
    await svc.rename('prod-admin', 'prod')
    await svc.delete('dev')
    const expected = FANCY_KUBECONFIG.replace('current-context: dev', 'current-context: prod')
      .replace('namespace: payments', 'namespace: ops')
      .replace('    - name: prod-admin', '    - name: prod')
      .replace('    - context: {cluster: dev, user: alice}\n      name: dev\n', '')
    expect(await readFile(file, 'utf8')).toBe(expected)
  })
})

describe('byte preservation through the service', () => {
  it('deleting a context with its cluster and user removes exactly their lines', async () => {
    const file = await t.write('fancy', FANCY_KUBECONFIG)
    await service([file]).delete('prod-admin', { withClusterAndUser: true })
    const cut = (text: string, from: string, to: string): string =>
      text.slice(0, text.indexOf(from)) + text.slice(text.indexOf(to))
    let expected = cut(FANCY_KUBECONFIG, '- cluster:\n    server: "https://127.0.0.1:2', 'contexts:')
    expected = cut(expected, '    - name: prod-admin', 'current-context:')
    expected = cut(expected, '- name: admin', '# trailing comment')
    expect(await readFile(file, 'utf8')).toBe(expected)
  })
})

describe('changed under us', () => {
  it('re-plans on fresh content when the file changed between planning and writing', async () => {
    const one = await t.write('one', twoContexts('one', 'one-a'))
    let stale = 1 // the first plan is made on content an editor has since replaced
    const svc = createKubeconfigService({
      env: { KUBECONFIG: one },
      homedir: t.home,
      backupDir: t.backups,
      loadFile: async (file) =>
        stale-- > 0
          ? parseKubeconfig(file, twoContexts('one', 'one-a').replace('secret', 'old'))
          : loadFile(file),
    })
    await writeFile(one, '# edited\n' + twoContexts('one', 'one-a'))
    await svc.use('one-b')
    expect(await readFile(one, 'utf8')).toBe('# edited\n' + twoContexts('one', 'one-b'))
  })

  it('gives up with Changed when the file keeps changing', async () => {
    const one = await t.write('one', twoContexts('one', 'one-a'))
    const svc = createKubeconfigService({
      env: { KUBECONFIG: one },
      homedir: t.home,
      backupDir: t.backups,
      loadFile: async (file) => parseKubeconfig(file, twoContexts('one', 'one-a').replace('secret', 'old')),
    })
    expect(await code(svc.use('one-b'))).toBe('Changed')
    expect(await readFile(one, 'utf8')).toBe(twoContexts('one', 'one-a'))
  })
})

describe('bad input', () => {
  it('a folder and a 50 MB file in the list are reported, and nothing is written to them', async () => {
    const folder = path.join(t.dir, 'folder')
    await mkdir(folder)
    const huge = await t.write('huge', 'apiVersion: v1\n# ' + 'x'.repeat(50 * 1024 * 1024) + '\n')
    const good = await t.write('good', twoContexts('g', null))
    const svc = service([folder, huge, good])
    const list = await svc.list()
    expect(list.files.map((f) => f.status)).toEqual(['broken', 'broken', 'ok'])
    expect(list.contexts).toHaveLength(2)
    expect(await code(svc.use('g-a'))).toBe('Broken')
    expect(await code(svc.import(good, huge))).toBe('Broken')
    expect((await stat(huge)).size).toBeGreaterThan(50 * 1024 * 1024)
    expect(await readFile(good, 'utf8')).toBe(twoContexts('g', null))
  })

  it('restores a backup over a file that was broken since', async () => {
    const one = await t.write('one', twoContexts('one', 'one-a'))
    const svc = service([one])
    await svc.use('one-b')
    await writeFile(one, 'broken: [\n')
    const [latest] = await svc.listBackups()
    await svc.restoreBackup(latest!.id)
    expect(await readFile(one, 'utf8')).toBe(twoContexts('one', 'one-a'))
    expect(await svc.listBackups()).toHaveLength(2) // the broken content was kept too
  })
})

describe('backups say what they preceded; restore can be previewed', () => {
  it('records the change each backup was taken before', async () => {
    const one = await t.write('one', twoContexts('one', 'one-a'))
    const svc = service([one])
    await svc.use('one-b')
    await svc.setNamespace('one-a', 'web')
    await svc.rename('one-b', 'renamed')
    await svc.delete('renamed')
    const reasons = (await svc.listBackups()).map((b) => b.reason)
    expect(reasons).toEqual([
      'Delete “renamed”',
      'Rename “one-b” to “renamed”',
      'Set the namespace of “one-a” to “web”',
      'Switch to “one-b”',
    ])
    const [latest] = await svc.listBackups()
    await svc.restoreBackup(latest!.id)
    expect((await svc.listBackups())[0]!.reason).toMatch(
      /^Restore the backup taken \d{4}-\d\d-\d\d \d\d:\d\d UTC$/,
    )
  })

  it('compares a backup with the file now, secrets hidden alike on both sides', async () => {
    const one = await t.write('one', twoContexts('one', 'one-a'))
    const svc = service([one])
    await svc.use('one-b')
    const [backup] = await svc.listBackups()
    const cmp = await svc.compareBackup(backup!.id)
    expect(cmp).toMatchObject({ file: one, currentExists: true })
    expect(cmp.backup).toContain('current-context: one-a')
    expect(cmp.current).toContain('current-context: one-b')
    expect(cmp.backup + cmp.current).not.toContain('token: secret')
    expect(cmp.backup).toContain('token: (hidden value 1)')
    expect(cmp.current).toContain('token: (hidden value 1)')
  })

  it('previews an import: every name it brings and which are taken', async () => {
    const one = await t.write('one', twoContexts('one', 'one-a'))
    const svc = service([one])
    const preview = await svc.previewImport(twoContexts('one', null).replace(/one-b/g, 'new-b'), one)
    expect(preview).toEqual({
      contexts: [
        { name: 'one-a', taken: true },
        { name: 'new-b', taken: false },
      ],
      clusters: [{ name: 'one-cluster', taken: true }],
      users: [{ name: 'one-user', taken: true }],
    })
    expect(await code(svc.previewImport('clusters: [\n', one))).toBe('Broken')
  })
})
