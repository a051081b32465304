import { describe, expect, it } from 'vitest'
import { deploymentHealth, deploymentRow } from './deployment-row'
import { replicaSetRow } from './replicaset-row'
import type { WireWorkload } from './wire'

const template = {
  spec: {
    containers: [
      { name: 'web', image: 'nginx:1.27' },
      { name: 'log', image: 'busybox' },
    ],
  },
}

function deployment(spec: WireWorkload['spec'], status: WireWorkload['status']): WireWorkload {
  return {
    metadata: { name: 'web', namespace: 'demo', uid: 'd1', creationTimestamp: '2026-01-01T00:00:00Z' },
    spec: { selector: { matchLabels: { app: 'web' } }, template, ...spec },
    status,
  }
}

const availableTrue = { type: 'Available', status: 'True' }
const settled = { replicas: 2, readyReplicas: 2, updatedReplicas: 2, availableReplicas: 2 }

describe('deploymentRow', () => {
  it('projects kubectl get deploy -o wide columns', () => {
    const row = deploymentRow(
      deployment(
        { replicas: 3 },
        { replicas: 3, readyReplicas: 2, updatedReplicas: 3, availableReplicas: 2 },
      ),
    )
    expect(row).toMatchObject({
      key: 'demo/web',
      ready: '2/3',
      upToDate: 3,
      available: 2,
      replicas: 3,
      containers: 'web,log',
      images: 'nginx:1.27,busybox',
      selector: 'app=web',
      paused: false,
    })
  })

  it('selector with expressions prints like LabelSelectorAsSelector', () => {
    const row = deploymentRow(
      deployment(
        {
          selector: {
            matchLabels: { tier: 'fe', app: 'web' },
            matchExpressions: [
              { key: 'env', operator: 'In', values: ['prod', 'dev'] },
              { key: 'legacy', operator: 'DoesNotExist' },
            ],
          },
        },
        {},
      ),
    )
    expect(row.selector).toBe('app=web,env in (dev,prod),!legacy,tier=fe')
  })

  it('health from conditions', () => {
    expect(deploymentHealth(deployment({ replicas: 2 }, { ...settled, conditions: [availableTrue] }))).toBe(
      'available',
    )
    expect(
      deploymentHealth(
        deployment({ replicas: 2 }, { ...settled, updatedReplicas: 1, conditions: [availableTrue] }),
      ),
    ).toBe('progressing')
    expect(
      deploymentHealth(
        deployment(
          { replicas: 2 },
          { conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded' }] },
        ),
      ),
    ).toBe('failed')
    expect(deploymentHealth(deployment({ replicas: 2, paused: true }, settled))).toBe('paused')
    expect(deploymentHealth(deployment({ replicas: 0 }, { replicas: 0 }))).toBe('scaled-down')
  })
})

describe('replicaSetRow', () => {
  it('projects desired/current/ready, owner and revision', () => {
    const row = replicaSetRow({
      metadata: {
        name: 'web-7d4b9',
        namespace: 'demo',
        annotations: { 'deployment.kubernetes.io/revision': '2' },
        ownerReferences: [{ kind: 'Deployment', name: 'web', controller: true }],
      },
      spec: {
        replicas: 3,
        selector: { matchLabels: { app: 'web', 'pod-template-hash': '7d4b9' } },
        template,
      },
      status: { replicas: 3, readyReplicas: 1 },
    })
    expect(row).toMatchObject({
      desired: 3,
      current: 3,
      ready: 1,
      selector: 'app=web,pod-template-hash=7d4b9',
      owner: { kind: 'Deployment', name: 'web' },
      revision: '2',
    })
  })
})
