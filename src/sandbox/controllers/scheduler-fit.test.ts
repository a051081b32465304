import { describe, expect, it } from 'vitest'
import type { KObj, Pod } from '../types'
import { fitErrorMessage, nodeFailure, podRequests, tolerates } from './scheduler-fit'

// The scheduler's filters and FitError text, without a server.
const node = (name: string, extra: { spec?: object; labels?: Record<string, string> } = {}): KObj => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: {
    name,
    uid: name,
    resourceVersion: '1',
    creationTimestamp: '',
    labels: { 'kubernetes.io/hostname': name, ...extra.labels },
  },
  spec: extra.spec ?? {},
  status: { allocatable: { cpu: '4', memory: '8Gi' } },
})

const pod = (spec: Record<string, unknown>): Pod =>
  ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', uid: 'p', resourceVersion: '1', creationTimestamp: '' },
    spec: { containers: [{ name: 'c', image: 'nginx' }], ...spec },
    status: {},
  }) as Pod

const none = { cpu: 0, memory: 0 }

describe('scheduler filters', () => {
  it('sums container requests and takes the largest init container', () => {
    const p = pod({
      containers: [
        { name: 'a', image: 'x', resources: { requests: { cpu: '250m', memory: '64Mi' } } },
        { name: 'b', image: 'x', resources: { requests: { cpu: '0.5', memory: '1G' } } },
      ],
      initContainers: [{ name: 'i', image: 'x', resources: { requests: { cpu: '2' } } }],
    })
    expect(podRequests(p)).toEqual({ cpu: 2000, memory: 64 * 2 ** 20 + 1e9 })
  })

  it('stops at the first failing filter, in kube-scheduler order', () => {
    const big = pod({ containers: [{ name: 'c', image: 'x', resources: { requests: { cpu: '3' } } }] })
    expect(nodeFailure(big, node('a'), { cpu: 2000, memory: 0 })?.reasons).toEqual(['Insufficient cpu'])
    expect(nodeFailure(big, node('a'), none)).toBeUndefined()
    const cordoned = node('a', {
      spec: { unschedulable: true, taints: [{ key: 'x', effect: 'NoSchedule' }] },
    })
    expect(nodeFailure(big, cordoned, none)?.reasons).toEqual(['node(s) were unschedulable'])
    const tainted = node('a', { spec: { taints: [{ key: 'gpu', value: 'yes', effect: 'NoSchedule' }] } })
    expect(nodeFailure(big, tainted, none)?.reasons).toEqual(['node(s) had untolerated taint {gpu: yes}'])
    const soft = node('a', { spec: { taints: [{ key: 'gpu', effect: 'PreferNoSchedule' }] } })
    expect(nodeFailure(big, soft, none)).toBeUndefined()
  })

  it('matches nodeSelector and required node affinity', () => {
    const p = pod({
      affinity: {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['a', 'b'] }] }],
          },
        },
      },
    })
    expect(nodeFailure(p, node('n', { labels: { zone: 'b' } }), none)).toBeUndefined()
    expect(nodeFailure(p, node('n', { labels: { zone: 'c' } }), none)?.reasons).toEqual([
      "node(s) didn't match Pod's node affinity/selector",
    ])
    expect(nodeFailure(pod({ nodeSelector: { disk: 'ssd' } }), node('n'), none)?.unresolvable).toBe(true)
  })

  it('tolerations match by key, value, operator and effect', () => {
    const taint = { key: 'k', value: 'v', effect: 'NoExecute' }
    expect(tolerates({ key: 'k', operator: 'Equal', value: 'v' }, taint)).toBe(true)
    expect(tolerates({ key: 'k', operator: 'Equal', value: 'w' }, taint)).toBe(false)
    expect(tolerates({ key: 'k', operator: 'Exists', effect: 'NoSchedule' }, taint)).toBe(false)
    expect(tolerates({ operator: 'Exists' }, taint)).toBe(true)
  })

  it("writes FitError's sorted histograms with the preemption verdict", () => {
    expect(
      fitErrorMessage([
        { reasons: ['Insufficient cpu', 'Insufficient memory'], unresolvable: false },
        {
          reasons: ['node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }'],
          unresolvable: true,
        },
        { reasons: ['Insufficient cpu'], unresolvable: false },
      ]),
    ).toBe(
      '0/3 nodes are available: 1 Insufficient memory, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.',
    )
  })
})
