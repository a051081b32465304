import type { V1Pod, V1PodDisruptionBudget } from '@kubernetes/client-node'
import { describe, expect, it } from 'vitest'
import { planDrain } from './drain-plan'

const pod = (name: string, extra: Partial<V1Pod> = {}, owner?: string): V1Pod => ({
  metadata: {
    name,
    namespace: 'default',
    labels: { app: 'web' },
    ...(owner
      ? { ownerReferences: [{ apiVersion: 'apps/v1', kind: owner, name: 'o', uid: 'u', controller: true }] }
      : {}),
    ...extra.metadata,
  },
  spec: { containers: [], ...extra.spec },
  status: { phase: 'Running', ...extra.status },
})

const budget = (allowed: number, ns = 'default'): V1PodDisruptionBudget => ({
  metadata: { name: 'web', namespace: ns },
  spec: { selector: { matchLabels: { app: 'web' } } },
  status: { disruptionsAllowed: allowed, currentHealthy: 2, desiredHealthy: 2, expectedPods: 2 },
})

describe('planDrain', () => {
  it('skips DaemonSet and static pods, warns for bare pods and emptyDir', () => {
    const plan = planDrain(
      [
        pod('d', {}, 'DaemonSet'),
        pod('s', { metadata: { name: 's', annotations: { 'kubernetes.io/config.mirror': 'x' } } }),
        pod('b', { spec: { containers: [], volumes: [{ name: 'tmp', emptyDir: {} }] } }),
      ],
      [],
    )
    expect(plan.map((p) => [p.name, p.action])).toEqual([
      ['b', 'evict'],
      ['d', 'skip'],
      ['s', 'skip'],
    ])
    expect(plan[0]!.notes.join(' ')).toMatch(/Not managed by a controller.*emptyDir/)
    expect(plan[0]!.owner).toBeUndefined()
  })

  it('lets a budget take as many pods as it allows, blocks the rest, and never holds finished pods', () => {
    const plan = planDrain(
      [
        pod('a', {}, 'ReplicaSet'),
        pod('b', {}, 'ReplicaSet'),
        pod('c', {}, 'ReplicaSet'),
        pod('done', { status: { phase: 'Succeeded' } }, 'ReplicaSet'),
        pod('going', { metadata: { name: 'going', deletionTimestamp: new Date() } }, 'ReplicaSet'),
      ],
      [budget(1), budget(0, 'other')],
    )
    expect(plan.map((p) => [p.name, p.blockedBy !== undefined])).toEqual([
      ['a', false],
      ['b', true],
      ['c', true],
      ['done', false],
      ['going', false],
    ])
    expect(plan.find((p) => p.name === 'going')?.action).toBe('skip')
    expect(plan[1]!.blockedBy).toBe(
      'PodDisruptionBudget web allows 1 disruption now, taken by the pods above (2 healthy, 2 needed).',
    )
  })
})
