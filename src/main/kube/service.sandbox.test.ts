import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiError } from '@shared/contract'
import type { ConfigMapRow, PodRow } from '@shared/rows'
import type { RunningSandbox } from '@sandbox'
import type { KubectlRunner } from '../../../test/support/kubectl'
import { startFixture, type SandboxFixture } from '../../../test/support/sandbox-fixture'
import { resourceMethods, resourceStreams } from '@shared/contract/resources'
import { createResourceHandlers } from '../handlers/resources'
import { createKubeService, type KubeService } from './service'
import { collect, kubeConfigFor, openSockets, quietSockets } from '../../../test/support/kube'

let f: SandboxFixture
let sb: RunningSandbox
let kubectl: KubectlRunner
let svc: KubeService

const watchRows = (input: Parameters<KubeService['watch']>[0]): ReturnType<typeof collect> => {
  const abort = new AbortController()
  return collect(svc.watch(input, abort.signal), abort)
}

const ok = (args: string[], input?: string): Promise<string> => kubectl.out(args, { input })

beforeAll(async () => {
  f = await startFixture('kube-it', 50)
  sb = f.sandbox
  kubectl = f.kubectl
  svc = createKubeService({ getKubeConfig: f.deps.getKubeConfig, watchOptions: { batchMs: 20 } })
})

afterAll(async () => {
  svc?.close()
  await f?.stop()
})

describe('resources against the sandbox, with kubectl making the changes', () => {
  it('sends a snapshot, then deltas for scale and pod deletion', async () => {
    await ok(['create', 'deployment', 'web', '--image=nginx:1.27', '--replicas=2'])
    const pods = watchRows({ kind: 'pods', namespaces: ['default'] })
    // A list this small is one page: the snapshot comes in one part or as that page and an empty last part.
    const complete = (): number => pods.events.findIndex((e) => e.type === 'snapshot' && !e.more)
    await pods.waitFor('the snapshot', () => complete() >= 0)
    expect(pods.events.slice(0, complete() + 1).every((e) => e.type === 'snapshot')).toBe(true)
    const webPods = (): PodRow[] =>
      [...pods.rows.values()].filter((r): r is PodRow => r.name.startsWith('web-'))
    await pods.waitFor(
      '2 running web pods',
      () => webPods().filter((p) => p.status === 'Running').length === 2,
    )

    await ok(['scale', 'deployment', 'web', '--replicas=4'])
    await pods.waitFor(
      '4 running web pods',
      () => webPods().filter((p) => p.status === 'Running').length === 4,
    )
    expect(webPods()[0]).toMatchObject({ ready: '1/1', owner: { kind: 'ReplicaSet' }, namespace: 'default' })

    const victim = webPods()[0]?.name ?? ''
    await ok(['delete', 'pod', victim, '--wait=false'])
    await pods.waitFor(`${victim} to go`, () => !pods.rows.has(`default/${victim}`))
    await pods.waitFor('a replacement', () => webPods().filter((p) => p.status === 'Running').length === 4)
    expect(pods.events.slice(complete() + 1).every((e) => e.type === 'delta')).toBe(true)
    await pods.stop()
  })

  it('a configmap created with kubectl reaches the subscriber as a delta', async () => {
    const cms = watchRows({ kind: 'configmaps', namespaces: ['default'] })
    await cms.waitFor('the snapshot', () => cms.events.length > 0)
    await ok(['create', 'configmap', 'cfg', '--from-literal=a=1', '--from-literal=b=2'])
    await cms.waitFor('cfg', () => cms.rows.has('default/cfg'))
    const delta = cms.events.find((e) => e.type === 'delta' && e.upserts.some((r) => r.key === 'default/cfg'))
    expect(delta).toBeDefined()
    expect((cms.rows.get('default/cfg') as ConfigMapRow).data).toBe(2)
    await cms.stop()
  })

  it('two subscribers share one watch, and nothing stays open after the last leaves', async () => {
    const baseline = await quietSockets() // sockets of earlier tests close asynchronously
    const a = watchRows({ kind: 'services', namespaces: ['default'] })
    const b = watchRows({ kind: 'services', namespaces: ['default'] })
    await a.waitFor('snapshot a', () => a.events.length > 0)
    await b.waitFor('snapshot b', () => b.events.length > 0)
    expect(a.rows.has('default/kubernetes')).toBe(true)
    expect([...svc.activeWatches()]).toEqual([[expect.stringMatching(/\|services\|default$/), 2]])
    // One watch = one client socket + its server end in this process.
    await a.waitFor('the watch socket', () => openSockets() - baseline === 2)

    await a.stop()
    expect([...svc.activeWatches().values()]).toEqual([1])
    expect(openSockets() - baseline).toBe(2)
    await b.stop()
    expect(svc.activeWatches().size).toBe(0)
    await b.waitFor('sockets to close', () => openSockets() === baseline)
    expect(await a.ended).toBeUndefined()
  })

  it('a prewarmed pods watch is taken over by the view that asks for it, or let go after its hold', async () => {
    await svc.prewarm(60_000)
    await svc.prewarm(60_000) // a page loaded again extends the hold; it does not take a second lease
    expect([...svc.activeWatches()]).toEqual([[expect.stringMatching(/\|pods\|\*$/), 1]])
    const pods = watchRows({ kind: 'pods' })
    await pods.waitFor('the snapshot', () => pods.events.some((e) => e.type === 'snapshot' && !e.more))
    expect(pods.rows.size).toBeGreaterThan(0)
    // The view holds the watch now, and only the view: it ends with it.
    expect([...svc.activeWatches().values()]).toEqual([1])
    await pods.stop()
    expect(svc.activeWatches().size).toBe(0)

    await svc.prewarm(0) // nobody comes: the hold ends by itself
    expect(svc.activeWatches().size).toBe(1)
    await pods.waitFor('the hold to end', () => svc.activeWatches().size === 0)
  })

  it('several namespaces: one cache per namespace, one merged snapshot', async () => {
    const ns = watchRows({ kind: 'pods', namespaces: ['kube-system', 'default', 'kube-system'] })
    await ns.waitFor('the snapshot', () => ns.events.length > 0)
    expect([...svc.activeWatches().keys()].map((k) => k.split('|').slice(1).join('|')).sort()).toEqual([
      'pods|default',
      'pods|kube-system',
    ])
    const namespaces = new Set([...ns.rows.values()].map((r) => r.namespace))
    expect(namespaces.has('default')).toBe(true)
    await ns.stop()
    expect(svc.activeWatches().size).toBe(0)
  })
})

describe('single-object calls', () => {
  it('detail follows pod → ReplicaSet → Deployment; yaml has no managedFields; events list', async () => {
    const pod = (await ok(['get', 'pods', '-o', 'name'])).split('\n').find((n) => n.startsWith('pod/web-'))
    const name = pod?.slice(4) ?? ''
    const detail = await svc.detail({ kind: 'pods', namespace: 'default', name })
    const owner = detail.links.find((l) => l.relation === 'Controlled by')
    expect(owner?.ref.kind).toBe('replicasets')
    const rs = await svc.detail(owner?.ref as { kind: 'replicasets'; namespace: string; name: string })
    expect(rs.links.find((l) => l.relation === 'Controlled by')?.ref).toEqual({
      kind: 'deployments',
      namespace: 'default',
      name: 'web',
    })
    expect(rs.links.filter((l) => l.relation === 'Controls').map((l) => l.ref.name)).toContain(name)
    const deployment = await svc.detail({ kind: 'deployments', namespace: 'default', name: 'web' })
    expect(deployment.links).toContainEqual({ relation: 'Controls', ref: owner?.ref })
    expect(detail.sections.map((s) => s.title)).toContain('Container nginx')
    const { yaml } = await svc.yaml({ kind: 'deployments', namespace: 'default', name: 'web' })
    expect(yaml).toMatch(/^apiVersion: apps\/v1\nkind: Deployment\n/)
    expect(yaml).not.toContain('managedFields')
    const events = await svc.events({ kind: 'deployments', namespace: 'default', name: 'web' })
    // A Deployment's events include its ReplicaSets' and pods', and nobody else's.
    const rsName = owner?.ref.name ?? ''
    const about = new Set(events.map((e) => e.object))
    expect(about).toContain('deployment/web')
    expect(about).toContain(`replicaset/${rsName}`)
    for (const o of about)
      expect(
        o === 'deployment/web' || o.startsWith(`replicaset/${rsName}`) || o.startsWith(`pod/${rsName}-`),
      ).toBe(true)
  })

  it('API errors carry the server message; an unreachable server says so', async () => {
    await expect(svc.detail({ kind: 'pods', namespace: 'default', name: 'nope' })).rejects.toEqual(
      new ApiError('NotFound', 'pods "nope" not found'),
    )
    const bad = createKubeService({ getKubeConfig: async () => kubeConfigFor(sb, 'wrong-token') })
    const abort = new AbortController()
    const denied = collect(bad.watch({ kind: 'pods' }, abort.signal), abort)
    expect(await denied.ended).toMatchObject({ code: 'Unauthorized' })
    expect(bad.activeWatches().size).toBe(0)
    const gone = createKubeService({
      getKubeConfig: async () => kubeConfigFor({ ...sb, url: 'https://127.0.0.1:1' }),
    })
    await expect(gone.yaml({ kind: 'namespaces', name: 'default' })).rejects.toMatchObject({
      code: 'Unavailable',
      message: expect.stringContaining('Cannot reach the Kubernetes API server at https://127.0.0.1:1'),
    })
  })

  it('reveals secret values, text or binary', async () => {
    await ok(['create', 'secret', 'generic', 'creds', '--from-literal=password=s3cret'])
    const binary = Buffer.from([0xff, 0x00, 0xfe, 0x10]).toString('base64')
    await ok(['patch', 'secret', 'creds', '--type=merge', '-p', JSON.stringify({ data: { blob: binary } })])
    expect(await svc.revealSecret({ namespace: 'default', name: 'creds', key: 'password' })).toEqual({
      value: 's3cret',
      binary: false,
      size: 6,
    })
    expect(await svc.revealSecret({ namespace: 'default', name: 'creds', key: 'blob' })).toEqual({
      value: binary,
      binary: true,
      size: 4,
    })
    await expect(
      svc.revealSecret({ namespace: 'default', name: 'creds', key: 'nope' }),
    ).rejects.toMatchObject({
      code: 'NotFound',
    })
    const { yaml } = await svc.yaml({ kind: 'secrets', namespace: 'default', name: 'creds' })
    expect(yaml).not.toContain('czNjcmV0')
  })

  it('creates a namespace and deletes objects, as kubectl then sees', async () => {
    expect(await svc.createNamespace({ name: 'team-a' })).toEqual({ name: 'team-a' })
    await ok(['get', 'namespace', 'team-a'])
    await expect(svc.createNamespace({ name: 'team-a' })).rejects.toMatchObject({
      code: 'Conflict',
      message: 'namespaces "team-a" already exists',
    })
    await ok(['create', 'configmap', 'doomed', '-n', 'team-a'])
    expect(
      await svc.delete({ kind: 'configmaps', namespace: 'team-a', name: 'doomed', gracePeriodSeconds: 0 }),
    ).toEqual({
      deleted: true,
    })
    const r = await kubectl.run(['get', 'configmap', 'doomed', '-n', 'team-a'])
    expect(r.stderr).toContain('configmaps "doomed" not found')
  })

  it('the handlers cover exactly the contract and reach the service', async () => {
    const handlers = createResourceHandlers(svc)
    expect(Object.keys(handlers.methods).sort()).toEqual(Object.keys(resourceMethods).sort())
    expect(Object.keys(handlers.streams)).toEqual(Object.keys(resourceStreams))
    const input = resourceMethods['namespaces.create'].input.parse({ name: 'via-handler' })
    expect(await handlers.methods['namespaces.create'](input)).toEqual({ name: 'via-handler' })
    const abort = new AbortController()
    const stream = handlers.streams['resources.watch']({ kind: 'namespaces' }, abort.signal)
    const first = await stream[Symbol.asyncIterator]().next()
    expect(first.value).toMatchObject({ type: 'snapshot' })
    abort.abort()
    await (stream as AsyncGenerator<unknown>).return(undefined)
    expect(svc.activeWatches().size).toBe(0)
  })
})
