import { AppsV1Api, BatchV1Api } from '@kubernetes/client-node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ReconcileEvent, ReconcileKind, ReconcileSnapshot, TimelineEntry } from '@shared/contract'
import { startFixture, type SandboxFixture } from '../../../test/support/sandbox-fixture'
import { createChaosBus } from './chaos-bus'
import { watchReconcile } from './watch'

// The reconcile stream for StatefulSet, DaemonSet and Job on one manual-clock sandbox: each kind's desired vs
// observed, its graph and side lists, and its controller's words in the timeline.

let fx: SandboxFixture
const abort = new AbortController()
const streams: Promise<void>[] = []

interface View {
  latest?: ReconcileSnapshot
  said: string[]
}

function open(kind: ReconcileKind, name: string): View {
  const view: View = { said: [] }
  const chaos = createChaosBus(() => undefined)
  const stream = watchReconcile(fx.kubeConfig, chaos, { kind, namespace: 'default', name }, abort.signal)
  streams.push(
    (async () => {
      for await (const ev of stream as AsyncIterable<ReconcileEvent>) {
        if (ev.snapshot) view.latest = ev.snapshot
        view.said.push(...(ev.entries ?? []).map((e: TimelineEntry) => `${e.actor}: ${e.text}`))
      }
    })(),
  )
  return view
}

async function until(
  view: View,
  what: string,
  check: (s: ReconcileSnapshot) => boolean,
): Promise<ReconcileSnapshot> {
  for (let i = 0; ; i++) {
    if (view.latest && check(view.latest)) return view.latest
    if (i > 400)
      throw new Error(`no ${what}; last snapshot ${JSON.stringify(view.latest)}\n${view.said.join('\n')}`)
    await fx.sandbox.advance(1000)
    await new Promise((r) => setTimeout(r, 40))
  }
}

const template = (app: string, image = 'nginx:1.27') => ({
  metadata: { labels: { app } },
  spec: { containers: [{ name: 'main', image }] },
})

beforeAll(async () => {
  fx = await startFixture('rkinds', 1, true)
}, 30_000)

afterAll(async () => {
  abort.abort()
  await Promise.all(streams)
  await fx.stop()
})

describe('reconcile views of more kinds', () => {
  it('StatefulSet: ordinal pods in order, the claims each keeps, the controller creating them', async () => {
    const view = open('StatefulSet', 'db')
    await fx.kubeConfig.makeApiClient(AppsV1Api).createNamespacedStatefulSet({
      namespace: 'default',
      body: {
        metadata: { name: 'db' },
        spec: {
          replicas: 3,
          serviceName: 'db',
          selector: { matchLabels: { app: 'db' } },
          template: template('db'),
          volumeClaimTemplates: [
            {
              metadata: { name: 'data' },
              spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
            },
          ],
        },
      },
    })
    const s = await until(
      view,
      '3 ready ordinals',
      (s) => s.rows.every((r) => !r.differs) && s.replicas === 3,
    )
    expect(s.groups).toHaveLength(1)
    expect(s.groups[0]?.pods.map((p) => p.name)).toEqual(['db-0', 'db-1', 'db-2'])
    expect(s.facts).toContainEqual({ label: 'Update strategy', value: 'RollingUpdate, partition 0' })
    expect(s.lists[0]?.title).toBe('Persistent volume claims')
    expect(s.lists[0]?.items.map((i) => i.name)).toEqual(['data-db-0', 'data-db-1', 'data-db-2'])
    expect(view.said).toEqual(
      expect.arrayContaining([
        'StatefulSet controller: created volume claim data-db-0 for pod db-0',
        'StatefulSet controller: created pod db-0',
        'StatefulSet controller: created pod db-2',
      ]),
    )
    // Scaled down, db-2 goes and its claim stays for a later scale up.
    await fx.kubectl.run(['scale', 'statefulset', 'db', '--replicas=2'])
    const down = await until(view, 'a scale down', (s) => s.groups[0]?.pods.length === 2 && s.replicas === 2)
    expect(down.lists[0]?.items.at(-1)).toEqual({
      name: 'data-db-2',
      text: 'kept for db-2 after a scale down (Bound); a scale up reuses it',
      level: 'normal',
    })
    expect(view.said).toEqual(
      expect.arrayContaining([
        'desired state: replicas changed 3 → 2',
        'StatefulSet controller: deleted pod db-2',
      ]),
    )
  })

  it('DaemonSet: a node its nodeSelector leaves out says why, and gets a pod once labelled', async () => {
    const view = open('DaemonSet', 'agent')
    await fx.kubeConfig.makeApiClient(AppsV1Api).createNamespacedDaemonSet({
      namespace: 'default',
      body: {
        metadata: { name: 'agent' },
        spec: {
          selector: { matchLabels: { app: 'agent' } },
          template: {
            ...template('agent'),
            spec: { ...template('agent').spec, nodeSelector: { disk: 'ssd' } },
          },
        },
      },
    })
    const node = 'rkinds-control-plane'
    let s = await until(view, 'the node listed', (s) => s.exists && (s.lists[0]?.items.length ?? 0) > 0)
    expect(s.lists[0]?.items).toEqual([
      { name: node, text: 'no pod: its labels do not match the nodeSelector (disk=ssd)', level: 'normal' },
    ])
    expect(s.groups).toEqual([])
    await fx.kubectl.run(['label', 'node', node, 'disk=ssd'])
    s = await until(view, 'a ready daemon pod', (s) => s.rows[1]?.observed === 1 && s.rows[1]?.desired === 1)
    const pod = s.groups[0]?.pods[0]?.name ?? ''
    expect(pod).toMatch(/^agent-[a-z0-9]{5}$/)
    expect(s.lists[0]?.items[0]?.text).toBe(`runs ${pod} (Running)`)
    expect(view.said).toContain(`DaemonSet controller: created pod ${pod}`)
  })

  it('Job: completions counted, and a failing Job backs off until its limit, then gives up', async () => {
    const batch = fx.kubeConfig.makeApiClient(BatchV1Api)
    const ok = open('Job', 'count')
    const bad = open('Job', 'flaky')
    await batch.createNamespacedJob({
      namespace: 'default',
      body: {
        metadata: { name: 'count' },
        spec: {
          completions: 2,
          parallelism: 1,
          template: {
            spec: {
              restartPolicy: 'Never',
              containers: [{ name: 'main', image: 'busybox', command: ['true'] }],
            },
          },
        },
      },
    })
    await batch.createNamespacedJob({
      namespace: 'default',
      body: {
        metadata: { name: 'flaky' },
        spec: {
          backoffLimit: 1,
          template: {
            spec: { restartPolicy: 'Never', containers: [{ name: 'main', image: 'busybox-fail' }] },
          },
        },
      },
    })
    const done = await until(ok, 'Complete', (s) => s.verdict?.text.startsWith('Complete') ?? false)
    expect(done.rows[0]).toMatchObject({ label: 'Succeeded', desired: 2, observed: 2, differs: false })
    expect(done.groups[0]?.pods.map((p) => p.phase)).toEqual(['Succeeded', 'Succeeded'])
    expect(ok.said).toContain('Job controller: count is complete: every pod it needed succeeded')
    const failed = await until(bad, 'Failed', (s) => s.verdict?.text.startsWith('Failed') ?? false)
    expect(failed.verdict).toEqual({
      text: 'Failed: BackoffLimitExceeded. Job has reached the specified backoff limit',
      level: 'warning',
    })
    expect(failed.facts).toContainEqual({ label: 'Backoff limit', value: '1 (failed so far: 2)' })
    expect(bad.said).toContain(
      'Job controller: gave up on flaky: its pods failed more times than the backoff limit allows',
    )
    expect(bad.said.filter((s) => s.startsWith('Job controller: created pod flaky-'))).toHaveLength(2)
  })
})
