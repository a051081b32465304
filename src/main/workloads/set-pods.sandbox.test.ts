import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { actionMethods } from '@shared/contract/actions'
import type { SetPods } from '@shared/contract'
import { eventually, startFixture, type SandboxFixture } from '../../../test/support/sandbox-fixture'
import { createActionHandlers } from '../handlers/actions'

// A StatefulSet's pods by ordinal (after a scale as skiff) and kube-system's DaemonSet pods per node.

let f: SandboxFixture

beforeAll(async () => {
  f = await startFixture('set-pods', 50)
})
afterAll(async () => {
  await f?.stop()
})

const methods = () => createActionHandlers(f.deps).methods
const pods = (input: unknown): Promise<SetPods> =>
  methods()['sets.pods'](actionMethods['sets.pods'].input.parse(input))

describe('sets.pods', () => {
  it("lists a StatefulSet's pods by ordinal and follows a scale", async () => {
    const sts = {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'db' },
      spec: {
        replicas: 2,
        serviceName: 'db',
        selector: { matchLabels: { app: 'db' } },
        template: {
          metadata: { labels: { app: 'db' } },
          spec: { containers: [{ name: 'db', image: 'nginx' }] },
        },
      },
    }
    await f.kubectl.run(['apply', '-f', '-'], { input: JSON.stringify(sts) })
    const ref = { namespace: 'default', name: 'db', resource: 'statefulsets' }
    await eventually(async () => ((await pods(ref)).ready === 2 ? true : undefined), 30_000, 'two ready')
    await methods()['deployments.scale'](
      actionMethods['deployments.scale'].input.parse({
        namespace: 'default',
        name: 'db',
        kind: 'statefulsets',
        replicas: 3,
      }),
    )
    const three = await eventually(
      async () => {
        const p = await pods(ref)
        return p.ready === 3 ? p : undefined
      },
      30_000,
      'three ready',
    )
    expect(three.desired).toBe(3)
    expect(three.pods.map((p) => [p.name, p.ordinal, p.ready])).toEqual([
      ['db-0', 0, true],
      ['db-1', 1, true],
      ['db-2', 2, true],
    ])
  })

  it("lists a kube-system DaemonSet's pods, one per node", async () => {
    const name = (
      await f.kubectl.out(['get', 'ds', '-n', 'kube-system', '-o', 'jsonpath={.items[0].metadata.name}'])
    ).trim()
    expect(name).not.toBe('')
    const p = await eventually(
      async () => {
        const r = await pods({ namespace: 'kube-system', name, resource: 'daemonsets' })
        return r.ready === r.desired && r.desired > 0 ? r : undefined
      },
      30_000,
      'the DaemonSet ready',
    )
    expect(p.pods.map((x) => x.node)).toEqual(p.pods.map((x) => x.node).sort())
    expect(p.pods.every((x) => x.node && x.ordinal === undefined)).toBe(true)
  })
})
