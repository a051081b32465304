import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox } from '@sandbox'
import { kubectlFor, type KubectlRunner } from '../../../test/support/kubectl'
import { createKubeService } from './service'
import { collect, kubeConfigFor } from '../../../test/support/kube'
import { startRestartableSandbox } from '../../../test/support/restartable-sandbox'

const cleanups: (() => Promise<unknown>)[] = []
afterAll(async () => {
  for (const c of cleanups.reverse()) await c()
})

const ok = (kubectl: KubectlRunner, args: string[]): Promise<string> => kubectl.out(args)

it('recovers when the API server restarts mid-watch, without losing or duplicating rows', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'skiff-kube-restart-'))
  cleanups.push(() => rm(dir, { recursive: true, force: true }))
  const stateFile = join(dir, 'state.json')
  let sb: RunningSandbox = await startRestartableSandbox({ name: 'kube-restart', stateFile })
  cleanups.push(() => sb.stop())
  const kubectl = await kubectlFor(sb)
  cleanups.push(() => kubectl.cleanup())
  const svc = createKubeService({
    getKubeConfig: async () => kubeConfigFor(sb),
    watchOptions: { batchMs: 20, backoffMs: { initial: 100, max: 400 } },
  })
  cleanups.push(async () => svc.close())

  await ok(kubectl, ['create', 'configmap', 'before'])
  const abort = new AbortController()
  const cms = collect(svc.watch({ kind: 'configmaps', namespaces: ['default'] }, abort.signal), abort)
  await cms.waitFor('before', () => cms.rows.has('default/before'))

  const port = sb.port
  await sb.stop()
  await cms.waitFor('reconnecting', () =>
    cms.events.some((e) => e.type === 'status' && e.state === 'reconnecting'),
  )
  await new Promise((r) => setTimeout(r, 600)) // a few failed attempts while the server is down
  sb = await startSandbox({ name: 'kube-restart', port, stateFile })
  await ok(kubectl, ['create', 'configmap', 'early']) // likely before the watch is back
  await cms.waitFor('live', () => {
    const last = cms.events.filter((e) => e.type === 'status').at(-1)
    return last?.type === 'status' && last.state === 'live'
  })

  await ok(kubectl, ['create', 'configmap', 'after'])
  await ok(kubectl, ['delete', 'configmap', 'before'])
  await cms.waitFor(
    'after, without before',
    () => cms.rows.has('default/after') && !cms.rows.has('default/before'),
  )
  const names = (await ok(kubectl, ['get', 'configmaps', '-o', 'name']))
    .trim()
    .split('\n')
    .map((n) => `default/${n.replace('configmap/', '')}`)
  expect([...cms.rows.keys()].sort()).toEqual(names.sort())
  expect(cms.events[0]?.type).toBe('snapshot')
  // One snapshot (however many parts it came in); the restart is corrected with deltas, not a new snapshot.
  expect(cms.events.filter((e) => e.type === 'snapshot' && !e.more)).toHaveLength(1)
  const last = cms.events.findIndex((e) => e.type === 'snapshot' && !e.more)
  expect(cms.events.slice(last + 1).some((e) => e.type === 'snapshot')).toBe(false)
  expect(cms.rows.has('default/early')).toBe(true)

  await cms.stop()
  expect(svc.activeWatches().size).toBe(0)
})
