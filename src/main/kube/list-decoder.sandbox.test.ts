import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox } from '@sandbox'
import type { Row } from '@shared/rows'
import { eventually } from '../../../test/support/eventually'
import { startRestartableSandbox } from '../../../test/support/restartable-sandbox'
import { kubeConfigFor } from '../../../test/support/kube'
import { kubectlFor, type KubectlRunner } from '../../../test/support/kubectl'
import { createKubeGet } from './kube-request'
import { createListDecoder } from './list-decoder'
import { kubeListWatchSource } from './list-watch-source'
import { projectors, type WireObject } from './rows'
import { createWatchCache } from './watch-cache'

// The list decoder's worker path against a real API server: a paged first list, watch events after it, and a
// relist after a restart (which keeps no watch history: the watch's resourceVersion is gone, 410).
const NS = 'decode'
const PODS = 1200
let dir: string
let sb: RunningSandbox
let kubectl: KubectlRunner
const decoder = createListDecoder({ worker: true, minBytes: 0 })
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'skiff-list-decoder-'))
  sb = await startRestartableSandbox({ name: 'list-decoder', stateFile: join(dir, 'state.json') })
  sb.seedPods(NS, PODS)
  kubectl = await kubectlFor(sb)
  await decoder.started()
})
afterAll(async () => {
  await decoder.close()
  await kubectl?.cleanup()
  await sb?.stop()
  await rm(dir, { recursive: true, force: true })
})

/** The namespace's pods as rows projected on this thread, from one unpaged LIST. */
async function truth(): Promise<Row[]> {
  const get = createKubeGet(kubeConfigFor(sb))
  try {
    const list = (await get(`/api/v1/namespaces/${NS}/pods`)) as { items: WireObject[] }
    return list.items.map((o) => projectors.pods(o)).sort((a, b) => (a.key < b.key ? -1 : 1))
  } finally {
    get.close()
  }
}
const sorted = (rows: Row[]): Row[] => rows.slice().sort((a, b) => (a.key < b.key ? -1 : 1))

it('lists pages on the worker, follows the watch after them, and relists through it after a restart', async () => {
  const cache = createWatchCache({
    source: kubeListWatchSource(kubeConfigFor(sb), 'pods', NS, { rowsOf: 'pods', decoder }),
    project: projectors.pods,
    pageSize: 500,
    batchMs: 20,
    backoffMs: { initial: 100, max: 400 },
  })
  try {
    const pages: number[] = []
    cache.subscribe((e) => {
      if (e.type === 'page') pages.push(e.rows.length)
    })
    await cache.ready
    expect(decoder.mode()).toBe('worker')
    expect(pages).toEqual([500, 500, 200])
    expect(sorted(cache.rows())).toEqual(await truth())

    // The list's resourceVersion came back from the worker: the watch starts there and sees what follows.
    await kubectl.out(['delete', 'pod', '-n', NS, 'seed-7', '--grace-period=0', '--force'])
    await eventually(async () => expect(cache.rows().some((r) => r.name === 'seed-7')).toBe(false))

    const port = sb.port
    await sb.stop()
    sb = await startSandbox({ name: 'list-decoder', port, stateFile: join(dir, 'state.json') })
    await kubectl.out(['delete', 'pod', '-n', NS, 'seed-8', '--grace-period=0', '--force'])
    await eventually(async () => {
      expect(cache.state().state).toBe('live')
      expect(sorted(cache.rows())).toEqual(await truth())
    })
    expect(cache.rows()).toHaveLength(PODS - 2)
  } finally {
    cache.stop()
  }
})
