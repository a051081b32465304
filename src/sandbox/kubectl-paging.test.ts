import { CoreV1Api, makeInformer, type V1Pod } from '@kubernetes/client-node'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { eventually } from '../../test/support/eventually'
import { kubeConfigFor } from '../../test/support/kube'
import { kubectlFor, type KubectlRunner } from '../../test/support/kubectl'
import { startSandbox, type RunningSandbox } from './index'

// Paged LIST as real clients use it: kubectl's --chunk-size (JSON and server-side Table), client-node's
// own limit/continue loop while objects change between pages, and an informer over a big namespace.
let sb: RunningSandbox
let kubectl: KubectlRunner
const PODS = 1200

beforeAll(async () => {
  sb = await startSandbox({ name: 'paging', manualClock: true })
  sb.seedPods('paged', PODS)
  kubectl = await kubectlFor(sb)
})
afterAll(async () => {
  await kubectl.cleanup()
  await sb.stop()
})

it('kubectl get --chunk-size pages through every pod, as names and as a Table', async () => {
  const names = (await kubectl.out(['get', 'pods', '-n', 'paged', '--chunk-size=100', '-o', 'name'])).trim()
  expect(names.split('\n')).toHaveLength(PODS)
  const table = await kubectl.run(['get', 'pods', '-n', 'paged', '--chunk-size=250', '-v=6'])
  expect(table.exitCode).toBe(0)
  expect(table.stdout.trim().split('\n')).toHaveLength(PODS + 1) // the header
  expect(table.stderr.match(/GET https:\S+continue=/g)).toHaveLength(Math.ceil(PODS / 250) - 1)
})

it('client-node pages see the first page’s state while pods come and go', async () => {
  const core = kubeConfigFor(sb).makeApiClient(CoreV1Api)
  const first = await core.listNamespacedPod({ namespace: 'paged', limit: 500 })
  expect(first.metadata?.remainingItemCount).toBe(PODS - 500)
  expect(first.metadata?._continue).toBeTruthy()
  // One pod past the first page goes away between pages; it is still listed, as the first page saw it.
  const all = await core.listNamespacedPod({ namespace: 'paged' })
  const gone = all.items.at(-1)?.metadata?.name ?? ''
  await core.deleteNamespacedPod({ name: gone, namespace: 'paged', gracePeriodSeconds: 0 })
  await core.createNamespacedPod({
    namespace: 'paged',
    body: { metadata: { name: 'zz-late' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } },
  })
  const seen = new Set((first.items ?? []).map((p) => p.metadata?.name))
  let cont = first.metadata?._continue
  while (cont) {
    const page = await core.listNamespacedPod({ namespace: 'paged', limit: 500, _continue: cont })
    expect(page.metadata?.resourceVersion).toBe(first.metadata?.resourceVersion)
    for (const p of page.items) seen.add(p.metadata?.name)
    cont = page.metadata?._continue
  }
  expect(seen.size).toBe(PODS)
  expect(seen.has(gone)).toBe(true)
  const now = (await core.listNamespacedPod({ namespace: 'paged' })).items.map((p) => p.metadata?.name)
  expect([now.includes(gone), now.includes('zz-late')]).toEqual([false, true])
  expect(seen.has('zz-late')).toBe(false)
})

it('a client-node informer lists the namespace and follows it from the list’s resourceVersion', async () => {
  const kc = kubeConfigFor(sb)
  const core = kc.makeApiClient(CoreV1Api)
  const informer = makeInformer<V1Pod>(kc, '/api/v1/namespaces/paged/pods', () =>
    core.listNamespacedPod({ namespace: 'paged' }),
  )
  const names = new Set<string>()
  informer.on('add', (p) => names.add(p.metadata?.name ?? ''))
  informer.on('delete', (p) => names.delete(p.metadata?.name ?? ''))
  await informer.start()
  try {
    const items = (await core.listNamespacedPod({ namespace: 'paged' })).items
    const listed = items.length
    const gone = items[0]?.metadata?.name ?? ''
    await eventually(async () => expect(names.size).toBe(listed))
    await core.createNamespacedPod({
      namespace: 'paged',
      body: { metadata: { name: 'zz-after' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } },
    })
    await core.deleteNamespacedPod({ name: gone, namespace: 'paged', gracePeriodSeconds: 0 })
    await eventually(async () => expect([names.has('zz-after'), names.has(gone)]).toEqual([true, false]))
    expect(names.size).toBe(listed)
  } finally {
    await informer.stop()
  }
})
