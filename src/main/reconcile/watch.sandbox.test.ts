import { AppsV1Api } from '@kubernetes/client-node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ReconcileEvent, ReconcileSnapshot, TimelineEntry } from '@shared/contract'
import { startFixture, type SandboxFixture } from '../../../test/support/sandbox-fixture'
import { scale } from '../workloads/scale'
import { createChaosBus } from './chaos-bus'
import { watchReconcile } from './watch'

// One reconcile stream on a manual-clock sandbox: a scale and a Break-it kill, each seen in the snapshot and
// told in the timeline with the healing after it.
let fx: SandboxFixture
let latest: ReconcileSnapshot | undefined
const entries: TimelineEntry[] = []
const abort = new AbortController()
let done: Promise<void>
const bus = (): ReturnType<typeof createChaosBus> =>
  createChaosBus(() => ({ url: fx.sandbox.url, chaos: fx.sandbox.chaos }))
let chaos: ReturnType<typeof createChaosBus>

async function until<T>(what: string, check: () => T | undefined): Promise<T> {
  for (let i = 0; ; i++) {
    const v = check()
    if (v !== undefined) return v
    if (i > 600) throw new Error(`no ${what}; last snapshot ${JSON.stringify(latest)}`)
    await fx.sandbox.advance(500)
    await new Promise((r) => setTimeout(r, 50))
  }
}
const pods = (): string[] => latest?.groups.flatMap((rs) => rs.pods.map((p) => p.name)) ?? []
const readyPods = (): number =>
  latest?.groups.flatMap((rs) => rs.pods).filter((p) => p.ready === '1/1' && !p.deleting).length ?? 0

beforeAll(async () => {
  fx = await startFixture('reconcile', 1, true)
  chaos = bus()
  await fx.kubeConfig.makeApiClient(AppsV1Api).createNamespacedDeployment({
    namespace: 'default',
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
  const stream = watchReconcile(fx.kubeConfig, chaos, { namespace: 'default', name: 'web' }, abort.signal)
  done = (async () => {
    for await (const ev of stream as AsyncIterable<ReconcileEvent>) {
      if (ev.snapshot) latest = ev.snapshot
      entries.push(...(ev.entries ?? []))
    }
  })()
}, 30_000)
afterAll(async () => {
  abort.abort()
  await done
  await fx.stop()
})

describe('reconcile stream on a sandbox', () => {
  it('shows desired beside observed and the owner graph', async () => {
    await until('3 ready pods', () => (readyPods() === 3 ? true : undefined))
    expect(latest?.exists).toBe(true)
    expect(latest?.replicas).toBe(3)
    expect(latest?.groups).toHaveLength(1)
    expect(latest?.rows.every((r) => !r.differs)).toBe(true)
    expect(latest?.sandbox).toEqual({ controllersPaused: false, pulls: [] })
  })

  it('a scale 3 → 5 adds two pods and the timeline says who did what', async () => {
    await scale(fx.deps, { kind: 'deployments', namespace: 'default', name: 'web', replicas: 5 })
    await until('5 ready pods', () => (readyPods() === 5 ? true : undefined))
    const said = entries.map((e) => `${e.actor}: ${e.text}`)
    expect(said).toContain('desired state: replicas changed 3 → 5')
    expect(said.some((s) => /^Deployment controller: scaled up ReplicaSet web-\w+: 3 → 5$/.test(s))).toBe(
      true,
    )
    expect(said.filter((s) => s.startsWith('ReplicaSet controller: created pod'))).toHaveLength(5)
  })

  it('a pod killed from Break it is told, then replaced', async () => {
    const victim = pods()[0]!
    chaos.act(fx.kubeConfig.getCurrentContext(), fx.kubeConfig.getCurrentCluster()?.server, {
      action: 'kill-pod',
      namespace: 'default',
      pod: victim,
    })
    await until('a replacement', () => (readyPods() === 5 && !pods().includes(victim) ? true : undefined))
    const said = entries.map((e) => `${e.actor}: ${e.text}`)
    const at = said.findIndex((s) => s === `you (Break it, simulated): Killed pod ${victim} (simulated).`)
    expect(at).toBeGreaterThanOrEqual(0)
    expect(said.slice(at)).toEqual(
      expect.arrayContaining([
        `API server: pod ${victim} is gone`,
        expect.stringMatching(/^ReplicaSet controller: created pod/),
      ]),
    )
  })

  it('refuses Break it for a context that is not the sandbox', () => {
    expect(() => chaos.act('kind-real', 'https://127.0.0.1:1', { action: 'pause-controllers' })).toThrow(
      /only on Skiff's simulated sandbox/,
    )
  })
})
