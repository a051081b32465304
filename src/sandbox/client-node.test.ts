import { PassThrough } from 'node:stream'
import { AppsV1Api, CoreV1Api, Log, PatchStrategy, Watch, setHeaderOptions } from '@kubernetes/client-node'
import type { V1ConfigMap, KubeConfig } from '@kubernetes/client-node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningSandbox } from './index'
import { startSandbox } from './index'
import { eventually } from '../../test/support/eventually'
import { kubeConfigFor } from '../../test/support/kube'

// @kubernetes/client-node 1.4 over HTTPS with the sandbox CA: list, watch with resume, patch, log stream.
let sb: RunningSandbox
let kc: KubeConfig

beforeAll(async () => {
  sb = await startSandbox({ name: 'clientnode', speed: 20 })
  kc = kubeConfigFor(sb)
})
afterAll(async () => {
  await sb.stop()
})

describe('@kubernetes/client-node', () => {
  it('lists namespaces and nodes', async () => {
    const core = kc.makeApiClient(CoreV1Api)
    const ns = await core.listNamespace()
    expect(ns.items.map((n) => n.metadata?.name)).toEqual([
      'default',
      'kube-node-lease',
      'kube-public',
      'kube-system',
      'local-path-storage',
    ])
    expect(ns.items[0]?.metadata?.creationTimestamp).toBeInstanceOf(Date)
    const nodes = await core.listNode()
    expect(nodes.items[0]?.status?.conditions?.find((c) => c.type === 'Ready')?.status).toBe('True')
  })

  it('surfaces Status errors as ApiException with the code', async () => {
    const core = kc.makeApiClient(CoreV1Api)
    await expect(core.readNamespacedPod({ name: 'nope', namespace: 'default' })).rejects.toMatchObject({
      code: 404,
    })
  })

  it('watches from a resourceVersion and resumes after a disconnect', async () => {
    const core = kc.makeApiClient(CoreV1Api)
    const list = await core.listNamespacedConfigMap({ namespace: 'default' })
    const rv = list.metadata?.resourceVersion ?? ''
    const seen: string[] = []
    let lastRv = rv
    const watch = new Watch(kc)
    const path = '/api/v1/namespaces/default/configmaps'
    const onEvent = (type: string, obj: V1ConfigMap): void => {
      seen.push(`${type} ${obj.metadata?.name}`)
      lastRv = obj.metadata?.resourceVersion ?? lastRv
    }
    const first = await watch.watch(path, { resourceVersion: rv }, onEvent, () => undefined)
    await core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: 'cn-1' } } })
    await eventually(async () => expect(seen).toEqual(['ADDED cn-1']))
    first.abort()
    // Changes made while disconnected arrive after resuming from the last seen resourceVersion.
    await core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: 'cn-2' } } })
    await core.deleteNamespacedConfigMap({ name: 'cn-1', namespace: 'default' })
    const second = await watch.watch(path, { resourceVersion: lastRv }, onEvent, () => undefined)
    await eventually(async () => expect(seen).toEqual(['ADDED cn-1', 'ADDED cn-2', 'DELETED cn-1']))
    second.abort()
  })

  it('patches a deployment scale with a merge patch and a JSON patch', async () => {
    const apps = kc.makeApiClient(AppsV1Api)
    await apps.createNamespacedDeployment({
      namespace: 'default',
      body: {
        metadata: { name: 'cn' },
        spec: {
          selector: { matchLabels: { app: 'cn' } },
          template: {
            metadata: { labels: { app: 'cn' } },
            spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] },
          },
        },
      },
    })
    const scale = await apps.patchNamespacedDeploymentScale(
      { name: 'cn', namespace: 'default', body: { spec: { replicas: 3 } } },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    )
    expect(scale.spec?.replicas).toBe(3)
    const patched = await apps.patchNamespacedDeployment({
      name: 'cn',
      namespace: 'default',
      body: [{ op: 'replace', path: '/spec/replicas', value: 1 }],
    })
    expect(patched.spec?.replicas).toBe(1)
    expect(patched.metadata?.generation).toBe(3)
  })

  it('reads a following log stream', async () => {
    const core = kc.makeApiClient(CoreV1Api)
    await core.createNamespacedPod({
      namespace: 'default',
      body: { metadata: { name: 'logger' }, spec: { containers: [{ name: 'app', image: 'myapp:2' }] } },
    })
    await eventually(async () => {
      const pod = await core.readNamespacedPod({ name: 'logger', namespace: 'default' })
      expect(pod.status?.phase).toBe('Running')
    })
    const out = new PassThrough()
    let text = ''
    out.on('data', (d: Buffer) => (text += d.toString()))
    const abort = await new Log(kc).log('default', 'logger', 'app', out, { follow: true, tailLines: 1 })
    await eventually(async () => expect(text.trim().split('\n').length).toBeGreaterThanOrEqual(3))
    abort.abort()
    expect(text).toMatch(/ (INFO|WARN) {2}/)
  })
})
