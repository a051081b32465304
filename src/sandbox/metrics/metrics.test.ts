import type { KubeConfig } from '@kubernetes/client-node'
import { Metrics } from '@kubernetes/client-node'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { RunningSandbox } from '../index'
import { startSandbox } from '../index'
import type { KubectlRunner } from '../../../test/support/kubectl'
import { kubectlFor, kubectlSteps } from '../../../test/support/kubectl'
import { kubeConfigFor } from '../../../test/support/kube'

// metrics.k8s.io on a manual clock: `kubectl top` and client-node's Metrics see usage that moves with time,
// follows an app's load and is shared among its replicas.
// Real kubectl processes and pods starting on a shared, loaded machine: generous limits, never sleeps.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 })
let sb: RunningSandbox
let k: KubectlRunner
const { ok } = kubectlSteps(() => k)
let kc: KubeConfig

// CPU of each pod of app=web, in millicores, from `kubectl top pods`
async function webCpu(): Promise<number[]> {
  const out = await ok(['top', 'pods', '-l', 'app=web', '--no-headers'])
  return out
    .trim()
    .split('\n')
    .map((l) => Number(/\s(\d+)m\s/.exec(l)?.[1]))
}

async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await sb.advance(2000)
}

beforeAll(async () => {
  sb = await startSandbox({ name: 'metrics', manualClock: true })
  k = await kubectlFor(sb)
  kc = kubeConfigFor(sb)
  await ok(['create', 'deployment', 'web', '--image=nginx:1.27', '--replicas=2', '--port=80'])
  await settle()
})

afterAll(async () => {
  await k.cleanup()
  await sb.stop()
})

describe('kubectl top', () => {
  it('shows pods and nodes with kubectl columns', async () => {
    const pods = await ok(['top', 'pods'])
    expect(pods).toMatch(/^NAME\s+CPU\(cores\)\s+MEMORY\(bytes\)\s*$/m)
    expect(pods).toMatch(/^web-[a-z0-9]+-[a-z0-9]{5}\s+\d+m\s+\d+Mi\s*$/m)
    const containers = await ok(['top', 'pods', '--containers'])
    expect(containers).toMatch(/^web-\S+\s+nginx\s+\d+m\s+\d+Mi\s*$/m)
    const nodes = await ok(['top', 'nodes'])
    expect(nodes).toMatch(/^NAME\s+CPU\(cores\)\s+CPU\(%\)\s+MEMORY\(bytes\)\s+MEMORY\(%\)\s*$/m)
    expect(nodes).toMatch(/^metrics-control-plane\s+\d+m\s+\d+%\s+\d+Mi\s+\d+%\s*$/m)
  })

  it('moves over time', async () => {
    const samples = new Set<string>()
    for (let i = 0; i < 4; i++) {
      samples.add(await ok(['top', 'pods', '--no-headers']))
      await sb.advance(60_000)
    }
    expect(samples.size).toBeGreaterThan(1)
  })

  it('follows load and shares it among replicas', async () => {
    const load = { spec: { template: { metadata: { annotations: { 'sandbox.skiff.dev/load': '600m' } } } } }
    await ok(['patch', 'deployment', 'web', '-p', JSON.stringify(load)])
    await settle()
    const two = await webCpu()
    expect(two).toHaveLength(2)
    for (const cpu of two) expect(cpu).toBeGreaterThanOrEqual(280)
    await ok(['scale', 'deployment', 'web', '--replicas=6'])
    await settle()
    const six = await webCpu()
    expect(six).toHaveLength(6)
    for (const cpu of six) {
      expect(cpu).toBeGreaterThanOrEqual(90)
      expect(cpu).toBeLessThan(150)
    }
    const node = await ok(['top', 'node', '--no-headers'])
    expect(Number(/\s(\d+)m\s/.exec(node)?.[1])).toBeGreaterThan(600)
  })

  it('answers a missing pod as metrics-server does', async () => {
    const r = await k.run(['top', 'pod', 'nope'])
    expect(r.exitCode).toBe(1)
    expect(r.stderr).toContain(
      'Error from server (NotFound): podmetrics.metrics.k8s.io "default/nope" not found',
    )
  })
})

describe('client-node Metrics', () => {
  it('reads pod and node metrics', async () => {
    const metrics = new Metrics(kc)
    const pods = await metrics.getPodMetrics('default')
    expect(pods.items.length).toBeGreaterThan(0)
    expect(pods.items[0]?.containers[0]?.usage.cpu).toMatch(/^\d+n$/)
    expect(pods.items[0]?.containers[0]?.usage.memory).toMatch(/^\d+Ki$/)
    const nodes = await metrics.getNodeMetrics()
    expect(nodes.items.map((n) => n.metadata.name)).toEqual(['metrics-control-plane'])
  })
})
