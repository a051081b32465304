import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningSandbox } from '../index'
import { startSandbox } from '../index'
import { request } from '../../../test/support/http-client'
import type { KObj, Pod } from '../types'

// Break-it on a manual clock: each failure is visible, and the controllers heal it once time moves.
let sb: RunningSandbox
const PODS = '/api/v1/namespaces/default/pods?labelSelector=app%3Dweb'

beforeAll(async () => {
  sb = await startSandbox({ name: 'chaos', manualClock: true, nodes: 2 })
  const res = await request(sb, '/apis/apps/v1/namespaces/default/deployments', {
    method: 'POST',
    body: {
      metadata: { name: 'web' },
      spec: {
        replicas: 3,
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { labels: { app: 'web' } },
          spec: { containers: [{ name: 'main', image: 'nginx' }] },
        },
      },
    },
  })
  expect(res.status, res.text).toBe(201)
  await sb.advance(5000)
})
afterAll(async () => {
  await sb.stop()
})

const pods = async (): Promise<Pod[]> => (await request(sb, PODS)).json<{ items: Pod[] }>().items
const ready = (p: Pod): boolean =>
  p.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false
const reasons = async (): Promise<string[]> =>
  (await request(sb, '/api/v1/namespaces/default/events'))
    .json<{ items: (KObj & { reason: string })[] }>()
    .items.map((e) => e.reason)

describe('sandbox break-it controls', () => {
  it('a killed pod is replaced by the ReplicaSet controller', async () => {
    const [victim] = await pods()
    expect(sb.chaos.act({ action: 'kill-pod', namespace: 'default', pod: victim!.metadata.name })).toMatch(
      /Killed/,
    )
    await sb.advance(5000)
    const after = await pods()
    expect(after.map((p) => p.metadata.name)).not.toContain(victim!.metadata.name)
    expect(after.filter(ready)).toHaveLength(3)
    expect(await reasons()).toContain('Killing')
  })

  it('paused controllers heal nothing until they resume', async () => {
    sb.chaos.act({ action: 'pause-controllers' })
    expect(sb.chaos.state().controllersPaused).toBe(true)
    const [victim] = await pods()
    sb.chaos.act({ action: 'kill-pod', namespace: 'default', pod: victim!.metadata.name })
    await sb.advance(5000)
    expect(await pods()).toHaveLength(2)
    sb.chaos.act({ action: 'resume-controllers' })
    await sb.advance(5000)
    expect((await pods()).filter(ready)).toHaveLength(3)
  })

  it('a crashed container restarts with back-off; an OOM-killed node restarts its pods', async () => {
    const [victim] = await pods()
    const name = victim!.metadata.name
    sb.chaos.act({ action: 'crash-container', namespace: 'default', pod: name })
    const crashed = (await pods()).find((p) => p.metadata.name === name)!
    expect(crashed.status.containerStatuses?.[0]?.lastState.terminated?.reason).toBe('Error')
    await sb.advance(15_000)
    const back = (await pods()).find((p) => p.metadata.name === name)!
    expect(back.status.containerStatuses?.[0]?.restartCount).toBe(1)
    expect(ready(back)).toBe(true)

    const node = back.spec.nodeName!
    expect(sb.chaos.act({ action: 'exhaust-memory', node })).toMatch(/OOMKilled/)
    expect(await reasons()).toContain('OOMKilling')
  })

  it('a NotReady node gets its pods evicted and replaced on the other node', async () => {
    // The OOM above leaves that node's pods restarting (all three, when the scheduler put them together): move
    // the clock until they are ready again, so a node runs one of them (a node without one has nothing to
    // evict; the test flaked on both).
    for (let t = 0; t < 300_000 && (await pods()).filter(ready).length < 3; t += 5000) await sb.advance(5000)
    const node = (await pods()).filter(ready)[0]!.spec.nodeName!
    sb.chaos.act({ action: 'node-not-ready', node })
    // The node lifecycle controller's grace period (50 s), then the pods' 300 s unreachable toleration.
    for (let t = 0; t < 420_000; t += 30_000) await sb.advance(30_000)
    const after = await pods()
    expect(after.filter(ready)).toHaveLength(3)
    expect(after.filter(ready).every((p) => p.spec.nodeName !== node)).toBe(true)
    // As in Kubernetes, evicted pods on an unreachable node stay Terminating until its kubelet is back.
    expect(after.filter((p) => p.spec.nodeName === node).every((p) => p.metadata.deletionTimestamp)).toBe(
      true,
    )
    expect(await reasons()).toEqual(expect.arrayContaining(['TaintManagerEviction']))
    expect(sb.chaos.state().nodes.find((n) => n.name === node)?.ready).toBe(false)
    sb.chaos.act({ action: 'node-ready', node })
    await sb.advance(5000)
    expect(sb.chaos.state().nodes.every((n) => n.ready)).toBe(true)
  })

  it('refuses unknown targets in plain words', () => {
    expect(() => sb.chaos.act({ action: 'kill-pod', namespace: 'default', pod: 'nope' })).toThrow(
      'There is no pod "nope" in namespace "default".',
    )
  })
})
