import { describe, expect, it } from 'vitest'
import type { WireEvent, WirePod, WireWorkload } from '../kube/rows/wire'
import { createTimeline, type TimelineInput } from './timeline'

// Sequences as the sandbox's watches deliver them (the same reasons, messages and components kube-controller-
// manager, the scheduler and the kubelet write), fed in arrival order.

const event = (
  involved: { kind: string; name: string },
  reason: string,
  message: string,
  component: string,
  type = 'Normal',
  count = 1,
): TimelineInput => ({
  type: 'event',
  change: count > 1 ? 'MODIFIED' : 'ADDED',
  event: {
    metadata: { name: `${involved.name}.${reason}`, uid: `${involved.name}-${reason}-${message}` },
    involvedObject: { ...involved, namespace: 'default' },
    reason,
    message,
    type,
    count,
    source: { component },
    lastTimestamp: '2026-11-30T10:00:00Z',
  } satisfies WireEvent,
})

const deployment = (replicas: number, image: string, ready = replicas, updated = replicas): WireWorkload => ({
  metadata: { name: 'web', namespace: 'default' },
  spec: { replicas, template: { spec: { containers: [{ name: 'main', image }] } } },
  status: { replicas: ready, readyReplicas: ready, updatedReplicas: updated, availableReplicas: ready },
})
const pod = (name: string, ready: boolean, extra: Partial<NonNullable<WirePod['status']>> = {}): WirePod => ({
  metadata: { name, namespace: 'default' },
  spec: { nodeName: 'demo-worker' },
  status: {
    phase: 'Running',
    conditions: [
      { type: 'Ready', status: ready ? 'True' : 'False', reason: ready ? undefined : 'ContainersNotReady' },
    ],
    containerStatuses: [{ name: 'main', ready, restartCount: 0, state: { running: {} } }],
    ...extra,
  },
})
const delta = (
  kind: 'Deployment' | 'Pod' | 'Node',
  change: 'ADDED' | 'MODIFIED' | 'DELETED',
  obj: object,
  prev?: object,
): TimelineInput => ({
  type: 'delta',
  kind,
  change,
  obj,
  ...(prev ? { prev } : {}),
  at: '2026-11-30T10:00:01Z',
})

const texts = (inputs: TimelineInput[]): string[] => {
  const t = createTimeline()
  return inputs.flatMap((i) => t.feed(i)).map((e) => `${e.actor}: ${e.text}`)
}

const D = { kind: 'Deployment', name: 'web' }
const NEW = { kind: 'ReplicaSet', name: 'web-7d9f' }
const OLD = { kind: 'ReplicaSet', name: 'web-5c6b' }

describe('reconcile timeline', () => {
  it('tells a rollout: new ReplicaSet up, pods scheduled and ready, old ReplicaSet down', () => {
    expect(
      texts([
        delta('Deployment', 'MODIFIED', deployment(3, 'nginx:1.27', 3, 0), deployment(3, 'nginx:1.26')),
        event(D, 'ScalingReplicaSet', 'Scaled up replica set web-7d9f from 0 to 1', 'deployment-controller'),
        event(NEW, 'SuccessfulCreate', 'Created pod: web-7d9f-x1', 'replicaset-controller'),
        event(
          { kind: 'Pod', name: 'web-7d9f-x1' },
          'Scheduled',
          'Successfully assigned default/web-7d9f-x1 to demo-worker',
          'default-scheduler',
        ),
        event(
          { kind: 'Pod', name: 'web-7d9f-x1' },
          'Pulled',
          'Successfully pulled image "nginx:1.27" in 1.2s',
          'kubelet',
        ),
        event({ kind: 'Pod', name: 'web-7d9f-x1' }, 'Started', 'Started container main', 'kubelet'),
        delta('Pod', 'MODIFIED', pod('web-7d9f-x1', true), pod('web-7d9f-x1', false)),
        event(
          D,
          'ScalingReplicaSet',
          'Scaled down replica set web-5c6b from 3 to 2',
          'deployment-controller',
        ),
        event(OLD, 'SuccessfulDelete', 'Deleted pod: web-5c6b-a1', 'replicaset-controller'),
        delta('Pod', 'DELETED', pod('web-5c6b-a1', true)),
        delta('Deployment', 'MODIFIED', deployment(3, 'nginx:1.27'), deployment(3, 'nginx:1.27', 3, 2)),
      ]),
    ).toEqual([
      'desired state: pod template changed: image nginx:1.26 → nginx:1.27; a rollout starts',
      'Deployment controller: scaled up ReplicaSet web-7d9f: 0 → 1',
      'ReplicaSet controller: created pod web-7d9f-x1',
      'scheduler: bound web-7d9f-x1 to node demo-worker',
      'kubelet: pulled nginx:1.27 for web-7d9f-x1',
      'kubelet: started container main in web-7d9f-x1',
      'kubelet: readiness passed: web-7d9f-x1 is Ready',
      'Deployment controller: scaled down ReplicaSet web-5c6b: 3 → 2',
      'ReplicaSet controller: deleted pod web-5c6b-a1',
      'API server: pod web-5c6b-a1 is gone',
      'Deployment controller: desired and observed agree: 3 of 3 up to date and available',
    ])
  })

  it('tells a pod kill and the healing that follows', () => {
    const t = createTimeline()
    const entries = [
      { type: 'chaos', text: 'Killed pod web-7d9f-x1 (simulated).', at: '2026-11-30T10:01:00Z' } as const,
      event(
        { kind: 'Pod', name: 'web-7d9f-x1' },
        'Killing',
        'Stopping container (pod killed from Break it)',
        'kubelet',
      ),
      delta('Pod', 'DELETED', pod('web-7d9f-x1', true)),
      event(NEW, 'SuccessfulCreate', 'Created pod: web-7d9f-x9', 'replicaset-controller'),
      event(
        { kind: 'Pod', name: 'web-7d9f-x9' },
        'Scheduled',
        'Successfully assigned default/web-7d9f-x9 to demo-worker',
        'default-scheduler',
      ),
      delta('Pod', 'MODIFIED', pod('web-7d9f-x9', true), pod('web-7d9f-x9', false)),
    ].flatMap((i) => t.feed(i))
    expect(entries.map((e) => e.level)).toEqual([
      'simulated',
      'normal',
      'normal',
      'normal',
      'normal',
      'normal',
    ])
    expect(entries.map((e) => e.reason)).toEqual([
      undefined,
      'Killing',
      undefined,
      'SuccessfulCreate',
      'Scheduled',
      undefined,
    ])
    expect(entries[3]?.text).toBe('created pod web-7d9f-x9')
    expect(entries[5]?.text).toBe('readiness passed: web-7d9f-x9 is Ready')
  })

  it('tells a node failure: NotReady, pods not ready, eviction, rescheduling elsewhere', () => {
    const node = (ready: boolean): object => ({
      metadata: { name: 'demo-worker' },
      status: { conditions: [{ type: 'Ready', status: ready ? 'True' : 'Unknown' }] },
    })
    const notReady = pod('web-7d9f-x1', false, {
      conditions: [{ type: 'Ready', status: 'False', reason: 'NodeNotReady' }],
    })
    expect(
      texts([
        delta('Node', 'MODIFIED', node(false), node(true)),
        event(
          { kind: 'Node', name: 'demo-worker' },
          'NodeNotReady',
          'Node demo-worker status is now: NodeNotReady',
          'node-controller',
        ),
        delta('Pod', 'MODIFIED', notReady, pod('web-7d9f-x1', true)),
        event(
          { kind: 'Pod', name: 'web-7d9f-x1' },
          'TaintManagerEviction',
          'Marking for deletion Pod default/web-7d9f-x1',
          'taint-eviction-controller',
        ),
        event(NEW, 'SuccessfulCreate', 'Created pod: web-7d9f-x2', 'replicaset-controller'),
        event(
          { kind: 'Pod', name: 'web-7d9f-x2' },
          'FailedScheduling',
          '0/1 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/unreachable: }.',
          'default-scheduler',
          'Warning',
        ),
        event(
          { kind: 'Pod', name: 'web-7d9f-x2' },
          'FailedScheduling',
          '0/1 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/unreachable: }.',
          'default-scheduler',
          'Warning',
          2,
        ),
        delta('Node', 'MODIFIED', node(true), node(false)),
      ]),
    ).toEqual([
      'node: node demo-worker is not Ready',
      'node controller: marked node demo-worker NotReady (its kubelet stopped reporting)',
      'kubelet: web-7d9f-x1 is no longer Ready (NodeNotReady)',
      'taint eviction controller: evicted web-7d9f-x1 from an unreachable node',
      'ReplicaSet controller: created pod web-7d9f-x2',
      'scheduler: could not place web-7d9f-x2: 0/1 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/unreachable: }.',
      'scheduler: could not place web-7d9f-x2: 0/1 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/unreachable: }. (×2)',
      'node: node demo-worker is Ready',
    ])
  })

  it('tells a crashed container once, and an event repeated with the same count not at all', () => {
    const crashed = pod('web-1', false, {
      containerStatuses: [
        {
          name: 'main',
          ready: false,
          restartCount: 0,
          state: { terminated: { exitCode: 137, reason: 'OOMKilled', finishedAt: 'T1' } },
        },
      ],
    })
    const waiting = pod('web-1', false, {
      containerStatuses: [
        {
          name: 'main',
          ready: false,
          restartCount: 1,
          state: { waiting: { reason: 'CrashLoopBackOff' } },
          lastState: { terminated: { exitCode: 137, reason: 'OOMKilled', finishedAt: 'T1' } },
        },
      ],
    })
    const repeat = event(
      { kind: 'Pod', name: 'web-1' },
      'BackOff',
      'Back-off restarting failed container',
      'kubelet',
      'Warning',
    )
    const t = createTimeline()
    const out = [
      delta('Pod', 'MODIFIED', crashed, pod('web-1', true)),
      delta('Pod', 'MODIFIED', waiting, crashed),
      repeat,
      repeat,
    ].flatMap((i) => t.feed(i))
    expect(out.map((e) => e.text)).toEqual([
      'container main in web-1 exited: OOMKilled (exit code 137)',
      'web-1 is no longer Ready (ContainersNotReady)',
      'waits before restarting web-1: Back-off restarting failed container',
    ])
    expect(out[0]?.reason).toBe('OOMKilled')
  })
})
