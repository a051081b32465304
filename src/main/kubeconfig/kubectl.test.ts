import { readFile } from 'node:fs/promises'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { FANCY_KUBECONFIG } from '../../../test/fixtures/kubeconfig'
import type { KubeconfigService } from './service'
import { kubectl, makeTempHome, serviceIn, twoContexts } from '../../../test/support/kubeconfig'
import type { TempHome } from '../../../test/support/kubeconfig'

let t: TempHome
beforeEach(async () => {
  t = await makeTempHome()
})
afterEach(() => t.cleanup())

const service = (files: string[]): KubeconfigService => serviceIn(t, files)

/** `kubectl config get-contexts` rows as [current, name, cluster, user, namespace]. */
async function getContexts(files: string[]): Promise<string[][]> {
  const out = await kubectl(t.dir, files, ['config', 'get-contexts', '--no-headers'])
  return out
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => [line.startsWith('*') ? '*' : '', ...line.replace(/^\*/, '').trim().split(/\s+/)])
}

async function serviceRows(files: string[]): Promise<string[][]> {
  const list = await service(files).list()
  return list.contexts
    .map((c) => [c.isCurrent ? '*' : '', c.name, c.cluster, c.user, ...(c.namespace ? [c.namespace] : [])])
    .sort((a, b) => a[1]!.localeCompare(b[1]!))
}

describe('round trip with the real kubectl', () => {
  it('kubectl agrees after the service switches, renames, sets a namespace and deletes (two-file list)', async () => {
    const files = [
      await t.write('one', twoContexts('one', null)),
      await t.write('two', twoContexts('two', 'two-a')),
    ]
    const svc = service(files)
    expect(await getContexts(files)).toEqual(await serviceRows(files))

    await svc.use('one-b')
    expect((await kubectl(t.dir, files, ['config', 'current-context'])).trim()).toBe('one-b')
    await svc.rename('one-b', 'one-renamed')
    expect((await kubectl(t.dir, files, ['config', 'current-context'])).trim()).toBe('one-renamed')
    await svc.setNamespace('two-b', 'payments')
    await svc.delete('one-a', { withClusterAndUser: true })
    const rows = await getContexts(files)
    expect(rows).toEqual(await serviceRows(files))
    expect(rows).toContainEqual(['*', 'one-renamed', 'one-cluster', 'one-user', 'team'])
    expect(rows).toContainEqual(['', 'two-b', 'two-cluster', 'two-user', 'payments'])
    expect(rows.map((r) => r[1])).not.toContain('one-a')

    const view = JSON.parse(await kubectl(t.dir, files, ['config', 'view', '-o', 'json', '--raw'])) as {
      clusters: Array<{ name: string; cluster: { server: string } }>
      users: Array<{ name: string }>
    }
    expect(view.clusters.map((c) => c.name).sort()).toEqual(['one-cluster', 'two-cluster'])
    expect(view.users.map((u) => u.name).sort()).toEqual(['one-user', 'two-user'])
  })

  it('the service sees what kubectl wrote (use-context, set-context, rename-context)', async () => {
    const files = [
      await t.write('one', twoContexts('one', null)),
      await t.write('two', twoContexts('two', 'two-a')),
    ]
    await kubectl(t.dir, files, ['config', 'use-context', 'one-a'])
    await kubectl(t.dir, files, ['config', 'set-context', 'two-b', '--namespace=kube-system'])
    await kubectl(t.dir, files, ['config', 'rename-context', 'one-b', 'from-kubectl'])
    const list = await service(files).list()
    expect(list.currentContext).toBe('one-a')
    expect(list.contexts.find((c) => c.name === 'two-b')?.namespace).toBe('kube-system')
    expect(list.contexts.map((c) => c.name)).toContain('from-kubectl')
    expect(await getContexts(files)).toEqual(await serviceRows(files))
  })

  it('kubectl reads the hand-edited fixture the same way after the service edits it', async () => {
    const file = await t.write('fancy', FANCY_KUBECONFIG)
    const svc = service([file])
    await svc.use('prod-admin')
    await svc.setNamespace('dev', 'web')
    expect(await getContexts([file])).toEqual(await serviceRows([file]))
    expect(await readFile(file, 'utf8')).toContain('# prod is dangerous')
    // Names kubectl's YAML 1.1 reader could misread, or with slashes (EKS ARNs) and spaces.
    for (const name of ['arn:aws:eks:eu-west-1:1:cluster/prod x', 'yes', '0777']) {
      await svc.rename((await svc.list()).currentContext, name)
      expect((await kubectl(t.dir, [file], ['config', 'current-context'])).trim()).toBe(name)
    }
  })
})
