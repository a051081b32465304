import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningSandbox } from '../index'
import { startSandbox } from '../index'
import { request } from '../../../test/support/http-client'
import type { Deployment, KObj, Pod, ReplicaSet } from '../types'

// Controllers on a manual clock: nothing moves until the test advances simulated time.
let sb: RunningSandbox
const NS = '/api/v1/namespaces'

beforeAll(async () => {
  sb = await startSandbox({ name: 'ctrl', manualClock: true, nodes: 2 })
})
afterAll(async () => {
  await sb.stop()
})

function deployment(
  name: string,
  image: string,
  replicas: number,
  strategy?: Record<string, unknown>,
): unknown {
  return {
    metadata: { name },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      ...(strategy ? { strategy } : {}),
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'main', image }] } },
    },
  }
}

async function list<T extends KObj>(path: string): Promise<T[]> {
  return (await request(sb, path)).json<{ items: T[] }>().items
}
const pods = (app: string): Promise<Pod[]> => list<Pod>(`${NS}/default/pods?labelSelector=app%3D${app}`)
const replicaSets = (app: string): Promise<ReplicaSet[]> =>
  list<ReplicaSet>(`/apis/apps/v1/namespaces/default/replicasets?labelSelector=app%3D${app}`)
const getDeployment = async (name: string): Promise<Deployment> =>
  (await request(sb, `/apis/apps/v1/namespaces/default/deployments/${name}`)).json<Deployment>()

async function create(path: string, body: unknown): Promise<void> {
  const res = await request(sb, path, { method: 'POST', body })
  expect(res.status, res.text).toBe(201)
}

async function patchDeployment(name: string, body: unknown): Promise<void> {
  const res = await request(sb, `/apis/apps/v1/namespaces/default/deployments/${name}`, {
    method: 'PATCH',
    contentType: 'application/strategic-merge-patch+json',
    body,
  })
  expect(res.status, res.text).toBe(200)
}

describe('deployment → replicaset → pods', () => {
  it('creates a ReplicaSet with pod-template-hash and pods that become Running', async () => {
    await create('/apis/apps/v1/namespaces/default/deployments', deployment('web', 'nginx:1.26', 3))
    await sb.advance(0)
    const [rs] = await replicaSets('web')
    const hash = rs?.metadata.labels?.['pod-template-hash'] ?? ''
    expect(hash).toMatch(/^[456789bcdf]+$/)
    expect(rs?.metadata.name).toBe(`web-${hash}`)
    expect(rs?.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('1')
    expect(rs?.metadata.ownerReferences?.[0]).toMatchObject({
      kind: 'Deployment',
      name: 'web',
      controller: true,
    })
    let ps = await pods('web')
    expect(ps).toHaveLength(3)
    expect(ps.every((p) => p.metadata.name.startsWith(`web-${hash}-`))).toBe(true)
    expect(
      ps.every((p) => p.status.containerStatuses?.[0]?.state.waiting?.reason === 'ContainerCreating'),
    ).toBe(true)
    await sb.advance(3000)
    ps = await pods('web')
    expect(ps.map((p) => p.status.phase)).toEqual(['Running', 'Running', 'Running'])
    expect(new Set(ps.map((p) => p.spec.nodeName)).size).toBe(2)
    const d = await getDeployment('web')
    expect(d.status).toMatchObject({
      observedGeneration: 1,
      replicas: 3,
      updatedReplicas: 3,
      availableReplicas: 3,
    })
    expect(d.status.conditions?.map((c) => `${c.type}=${c.reason}`)).toEqual([
      'Available=MinimumReplicasAvailable',
      'Progressing=NewReplicaSetAvailable',
    ])
  })

  it('rolls out a new template within maxSurge/maxUnavailable and bumps revisions', async () => {
    await patchDeployment('web', {
      spec: { template: { spec: { containers: [{ name: 'main', image: 'nginx:1.27' }] } } },
    })
    await sb.advance(0)
    let d = await getDeployment('web')
    expect(d.metadata.generation).toBe(2)
    const total = (await pods('web')).filter((p) => !p.metadata.deletionTimestamp).length
    expect(total).toBeLessThanOrEqual(4) // replicas + ceil(25% of 3)
    for (let i = 0; i < 10; i++) await sb.advance(1500)
    const rss = await replicaSets('web')
    expect(rss).toHaveLength(2)
    const byRevision = Object.fromEntries(
      rss.map((rs) => [rs.metadata.annotations?.['deployment.kubernetes.io/revision'], rs.spec.replicas]),
    )
    expect(byRevision).toEqual({ '1': 0, '2': 3 })
    d = await getDeployment('web')
    expect(d.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('2')
    expect(d.status).toMatchObject({
      observedGeneration: 2,
      updatedReplicas: 3,
      replicas: 3,
      availableReplicas: 3,
    })
    const images = (await pods('web')).map((p) => p.spec.containers[0]?.image)
    expect(images).toEqual(['nginx:1.27', 'nginx:1.27', 'nginx:1.27'])
  })

  it('gives a reverted template the next revision and records revision-history', async () => {
    await patchDeployment('web', {
      spec: { template: { spec: { containers: [{ name: 'main', image: 'nginx:1.26' }] } } },
    })
    for (let i = 0; i < 10; i++) await sb.advance(1500)
    const rss = await replicaSets('web')
    const old = rss.find((rs) => rs.spec.template.spec.containers[0]?.image === 'nginx:1.26')
    expect(old?.metadata.annotations).toMatchObject({
      'deployment.kubernetes.io/revision': '3',
      'deployment.kubernetes.io/revision-history': '1',
    })
    expect(old?.spec.replicas).toBe(3)
  })

  it('scales through the scale subresource and replaces deleted pods', async () => {
    const res = await request(sb, '/apis/apps/v1/namespaces/default/deployments/web/scale', {
      method: 'PATCH',
      contentType: 'application/merge-patch+json',
      body: { spec: { replicas: 2 } },
    })
    expect(res.json()).toMatchObject({ kind: 'Scale', apiVersion: 'autoscaling/v1', spec: { replicas: 2 } })
    await sb.advance(2000)
    let ps = (await pods('web')).filter((p) => !p.metadata.deletionTimestamp)
    expect(ps).toHaveLength(2)
    await request(sb, `${NS}/default/pods/${ps[0]?.metadata.name}`, { method: 'DELETE' })
    await sb.advance(0)
    ps = (await pods('web')).filter((p) => !p.metadata.deletionTimestamp)
    expect(ps).toHaveLength(2)
    await sb.advance(3000)
    expect((await pods('web')).map((p) => p.status.phase)).toEqual(['Running', 'Running'])
    const events = await list<KObj>(`${NS}/default/events?fieldSelector=involvedObject.kind%3DReplicaSet`)
    expect(events.map((e) => e.reason)).toEqual(
      expect.arrayContaining(['SuccessfulCreate', 'SuccessfulDelete']),
    )
  })

  it('Recreate scales old pods away before starting new ones', async () => {
    await create(
      '/apis/apps/v1/namespaces/default/deployments',
      deployment('rec', 'nginx:1', 2, { type: 'Recreate' }),
    )
    await sb.advance(3000)
    await patchDeployment('rec', {
      spec: { template: { spec: { containers: [{ name: 'main', image: 'nginx:2' }] } } },
    })
    await sb.advance(0)
    const images = (await pods('rec'))
      .filter((p) => !p.metadata.deletionTimestamp)
      .map((p) => p.spec.containers[0]?.image)
    expect(images).toEqual([])
    for (let i = 0; i < 5; i++) await sb.advance(1500)
    expect((await pods('rec')).map((p) => `${p.spec.containers[0]?.image} ${p.status.phase}`)).toEqual([
      'nginx:2 Running',
      'nginx:2 Running',
    ])
  })

  it('a rollout that never becomes available exceeds its progress deadline', async () => {
    const body = deployment('stall', 'doesnotexist:1', 1) as { spec: Record<string, unknown> }
    body.spec.progressDeadlineSeconds = 30
    await create('/apis/apps/v1/namespaces/default/deployments', body)
    await sb.advance(10_000)
    expect(
      (await getDeployment('stall')).status.conditions?.find((c) => c.type === 'Progressing')?.reason,
    ).not.toBe('ProgressDeadlineExceeded')
    await sb.advance(40_000)
    const progressing = (await getDeployment('stall')).status.conditions?.find(
      (c) => c.type === 'Progressing',
    )
    expect(progressing).toMatchObject({ status: 'False', reason: 'ProgressDeadlineExceeded' })
  })

  it('deleting a deployment cascades to its replicasets and pods', async () => {
    await request(sb, '/apis/apps/v1/namespaces/default/deployments/rec', { method: 'DELETE' })
    await sb.advance(2000)
    expect(await replicaSets('rec')).toEqual([])
    expect(await pods('rec')).toEqual([])
  })
})

describe('pod lifecycle', () => {
  it('crashloop images restart with growing back-off', async () => {
    await create(`${NS}/default/pods`, {
      metadata: { name: 'crash' },
      spec: { containers: [{ name: 'c', image: 'app-crashloop' }] },
    })
    await sb.advance(4000)
    let pod = (await request(sb, `${NS}/default/pods/crash`)).json<Pod>()
    expect(pod.status.containerStatuses?.[0]).toMatchObject({
      restartCount: 1,
      state: { waiting: { reason: 'CrashLoopBackOff' } },
      lastState: { terminated: { exitCode: 1, reason: 'Error' } },
    })
    await sb.advance(60_000)
    pod = (await request(sb, `${NS}/default/pods/crash`)).json<Pod>()
    expect(pod.status.containerStatuses?.[0]?.restartCount).toBeGreaterThanOrEqual(3)
    expect(pod.status.phase).toBe('Running')
  })

  it('events are recorded and also served as events.k8s.io/v1', async () => {
    const core = await list<KObj>(`${NS}/default/events?fieldSelector=involvedObject.name%3Dcrash`)
    expect(core.map((e) => e.reason)).toEqual(expect.arrayContaining(['Scheduled', 'Started', 'BackOff']))
    const backOff = core.find((e) => e.reason === 'BackOff')
    expect(backOff).toMatchObject({ type: 'Warning', source: { component: 'kubelet' } })
    expect(Number(backOff?.count)).toBeGreaterThan(1)
    const modern = await list<KObj>(
      '/apis/events.k8s.io/v1/namespaces/default/events?fieldSelector=regarding.name%3Dcrash',
    )
    expect(modern.find((e) => e.reason === 'BackOff')).toMatchObject({
      apiVersion: 'events.k8s.io/v1',
      regarding: { kind: 'Pod', name: 'crash' },
      reportingController: 'kubelet',
    })
  })

  it('images that do not exist stay in ImagePullBackOff', async () => {
    await create(`${NS}/default/pods`, {
      metadata: { name: 'nopull' },
      spec: { containers: [{ name: 'c', image: 'doesnotexist:1' }] },
    })
    await sb.advance(10_000)
    const pod = (await request(sb, `${NS}/default/pods/nopull`)).json<Pod>()
    expect(pod.status.phase).toBe('Pending')
    expect(pod.status.containerStatuses?.[0]?.state.waiting?.reason).toBe('ImagePullBackOff')
  })

  it('services get endpoints for ready pods', async () => {
    await create(`${NS}/default/services`, {
      metadata: { name: 'web' },
      spec: { selector: { app: 'web' }, ports: [{ port: 80 }] },
    })
    await sb.advance(0)
    const ep = (await request(sb, `${NS}/default/endpoints/web`)).json<{
      subsets: Array<{ addresses: unknown[] }>
    }>()
    expect(ep.subsets[0]?.addresses).toHaveLength(2)
    const slices = await list<KObj>('/apis/discovery.k8s.io/v1/namespaces/default/endpointslices')
    expect(slices.find((s) => s.metadata.labels?.['kubernetes.io/service-name'] === 'web')).toBeDefined()
  })
})

describe('namespace lifecycle', () => {
  it('a deleted namespace is Terminating, is emptied, then disappears', async () => {
    await create(NS, { metadata: { name: 'doomed' } })
    await create('/apis/apps/v1/namespaces/doomed/deployments', deployment('app', 'nginx', 2))
    await sb.advance(3000)
    const del = (await request(sb, `${NS}/doomed`, { method: 'DELETE' })).json<KObj>()
    expect(del.status).toMatchObject({ phase: 'Terminating' })
    const refused = await request(sb, '/api/v1/namespaces/doomed/configmaps', {
      method: 'POST',
      body: { metadata: { name: 'x' } },
    })
    expect(refused.status).toBe(403)
    for (let i = 0; i < 4; i++) await sb.advance(1000)
    expect((await request(sb, `${NS}/doomed`)).status).toBe(404)
    expect(await list<KObj>(`${NS}/doomed/pods`)).toEqual([])
  })
})
