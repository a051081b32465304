import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningSandbox } from '../index'
import { startSandbox } from '../index'
import { request } from '../../../test/support/http-client'
import type { KObj, Pod } from '../types'

// Break it for image pulls on a manual clock: a failing registry sends new pods through ErrImagePull into
// ImagePullBackOff with the kubelet's back-off, and they recover at its next retry once lifted; a slow one
// holds them in ContainerCreating for the time asked.
let sb: RunningSandbox
const PODS = '/api/v1/namespaces/default/pods?labelSelector=app%3Dapi'

beforeAll(async () => {
  sb = await startSandbox({ name: 'pulls', manualClock: true })
  const res = await request(sb, '/apis/apps/v1/namespaces/default/deployments', {
    method: 'POST',
    body: {
      metadata: { name: 'api' },
      spec: {
        replicas: 1,
        selector: { matchLabels: { app: 'api' } },
        template: {
          metadata: { labels: { app: 'api' } },
          spec: { containers: [{ name: 'main', image: 'nginx:1.27' }] },
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

const pod = async (): Promise<Pod> => {
  const live = (await request(sb, PODS))
    .json<{ items: Pod[] }>()
    .items.filter((p) => !p.metadata.deletionTimestamp)
  expect(live).toHaveLength(1)
  return live[0]!
}
const waiting = (p: Pod): string | undefined => p.status.containerStatuses?.[0]?.state.waiting?.reason
const eventsOf = async (name: string): Promise<string[]> =>
  (await request(sb, '/api/v1/namespaces/default/events'))
    .json<{ items: (KObj & { reason: string; message: string; involvedObject: { name: string } })[] }>()
    .items.filter((e) => e.involvedObject.name === name)
    .map((e) => `${e.reason}: ${e.message}`)

async function replacePod(): Promise<string> {
  sb.chaos.act({ action: 'kill-pod', namespace: 'default', pod: (await pod()).metadata.name })
  await sb.advance(500)
  return (await pod()).metadata.name
}

describe('image pull break-it', () => {
  it('failing pulls: ErrImagePull, then ImagePullBackOff; lifted, the next retry pulls and starts it', async () => {
    expect(sb.chaos.act({ action: 'fail-pulls', image: 'nginx:1.27' })).toMatch(/now fail \(simulated/)
    expect(sb.chaos.state().pulls).toEqual([{ image: 'nginx:1.27', trouble: { mode: 'fail' } }])
    const name = await replacePod()
    const seen = new Set<string | undefined>()
    for (let t = 0; t < 5000; t += 250) {
      await sb.advance(250)
      seen.add(waiting(await pod()))
    }
    expect([...seen]).toContain('ErrImagePull')
    expect(waiting(await pod())).toBe('ImagePullBackOff')
    const told = await eventsOf(name)
    expect(told).toContain('Pulling: Pulling image "nginx:1.27"')
    expect(told.find((e) => e.startsWith('Failed: Failed to pull image "nginx:1.27"'))).toMatch(
      /registry-1\.docker\.io\/v2\/library\/nginx\/manifests\/1\.27": dial tcp: lookup registry-1\.docker\.io: i\/o timeout$/,
    )
    expect(told).toEqual(
      expect.arrayContaining(['Failed: Error: ErrImagePull', 'Failed: Error: ImagePullBackOff']),
    )
    // Still failing at the first retry (10 s of back-off).
    await sb.advance(12_000)
    expect(waiting(await pod())).toBe('ImagePullBackOff')
    expect(sb.chaos.act({ action: 'heal-pulls', image: 'nginx:1.27' })).toMatch(/work again/)
    expect(sb.chaos.state().pulls).toEqual([])
    // The next retry is 20 s after the last.
    await sb.advance(25_000)
    const healed = await pod()
    expect(healed.status.containerStatuses?.[0]?.state.running).toBeDefined()
    expect(await eventsOf(name)).toContain('Pulled: Successfully pulled image "nginx:1.27"')
  })

  it('a failing rule for one image leaves other images alone; one for every image does not', async () => {
    sb.chaos.act({ action: 'fail-pulls', image: 'redis:7' })
    await replacePod()
    await sb.advance(4000)
    expect((await pod()).status.containerStatuses?.[0]?.state.running).toBeDefined()
    sb.chaos.act({ action: 'fail-pulls' })
    expect(sb.chaos.state().pulls).toHaveLength(2)
    await replacePod()
    await sb.advance(4000)
    expect(waiting(await pod())).toBe('ImagePullBackOff')
    sb.chaos.act({ action: 'heal-pulls' })
    sb.chaos.act({ action: 'heal-pulls', image: 'redis:7' })
    await sb.advance(15_000)
    expect((await pod()).status.containerStatuses?.[0]?.state.running).toBeDefined()
  })

  it('slow pulls hold a new pod in ContainerCreating for the time asked, then it starts', async () => {
    expect(sb.chaos.act({ action: 'slow-pulls', seconds: 30 })).toMatch(/take 30 s/)
    const name = await replacePod()
    await sb.advance(15_000)
    const pulling = await pod()
    expect(waiting(pulling)).toBe('ContainerCreating')
    expect(await eventsOf(name)).toContain('Pulling: Pulling image "nginx:1.27"')
    await sb.advance(20_000)
    expect((await pod()).status.containerStatuses?.[0]?.state.running).toBeDefined()
    expect(await eventsOf(name)).toContain(
      'Pulled: Successfully pulled image "nginx:1.27" in 30s (30s including waiting)',
    )
    sb.chaos.act({ action: 'heal-pulls' })
    expect(() => sb.chaos.act({ action: 'slow-pulls', seconds: 0 })).toThrow(
      'A slow pull takes 1 to 3600 seconds.',
    )
  })
})
