import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { actionMethods } from '@shared/contract/actions'
import type { HpaState } from '@shared/contract'
import { startFixture, type SandboxFixture } from '../../../test/support/sandbox-fixture'
import { createActionHandlers } from '../handlers/actions'

// An autoscaler's current vs target metrics and its replicas over time, on the sandbox's manual clock.

let f: SandboxFixture

beforeAll(async () => {
  f = await startFixture('hpa-view', 50, true)
})
afterAll(async () => {
  await f?.stop()
})

const state = async (): Promise<HpaState> =>
  createActionHandlers(f.deps).methods['hpa.state'](
    actionMethods['hpa.state'].input.parse({ namespace: 'default', name: 'web' }),
  )
const seconds = async (n: number): Promise<void> => {
  for (let i = 0; i < n; i += 5) await f.sandbox.advance(5000)
}

describe('hpa.state', () => {
  it('shows cpu against its target and each rescale with its reason', async () => {
    await f.kubectl.out(['create', 'deployment', 'web', '--image=nginx:1.27'])
    await f.kubectl.out(['set', 'resources', 'deployment/web', '--requests=cpu=100m'])
    await seconds(5)
    await f.kubectl.out(['autoscale', 'deployment/web', '--cpu-percent=50', '--min=1', '--max=4'])
    await seconds(20)
    const idle = await state()
    expect(idle).toMatchObject({
      scaleTarget: 'Deployment/web',
      minReplicas: 1,
      maxReplicas: 4,
      rescales: [],
    })
    expect(idle.metrics).toEqual([{ name: 'cpu', target: '50%', current: expect.stringMatching(/^\d+%$/) }])

    const load = { spec: { template: { metadata: { annotations: { 'sandbox.skiff.dev/load': '400m' } } } } }
    await f.kubectl.out(['patch', 'deployment/web', '-p', JSON.stringify(load)])
    await seconds(45)
    const busy = await state()
    expect(busy.rescales.at(-1)).toMatchObject({
      size: 4,
      reason: 'cpu resource utilization (percentage of request) above target',
    })
    expect(busy.desiredReplicas).toBe(4)
  })
})
