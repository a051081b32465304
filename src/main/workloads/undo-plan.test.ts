import { describe, expect, it } from 'vitest'
import { ApiError } from '@shared/contract'
import { deployment, replicaSet } from '../../../test/fixtures/workloads'
import { pickRevision, planUndo } from './undo-plan'

const sets = [
  replicaSet('1', 'nginx:1'),
  replicaSet('2', 'nginx:22', { cause: 'two' }),
  replicaSet('3', 'nginx:333', { cause: 'three' }),
]

describe('undo plan', () => {
  it('defaults to the second-highest revision', () => {
    expect(pickRevision(deployment('nginx:333'), sets, 0)).toBe(sets[1])
  })

  it('builds the same JSON patch kubectl sends (skip-list annotations come from the deployment)', () => {
    const d = deployment('nginx:333', {
      'deployment.kubernetes.io/revision': '3',
      'kubernetes.io/change-cause': 'three',
      'deployment.kubernetes.io/revision-history': '1',
      'example.com/keep': 'dropped',
    })
    const plan = planUndo(d, sets, 1)
    expect(plan).toEqual({
      kind: 'patch',
      toRevision: 1,
      patch: [
        {
          op: 'replace',
          path: '/spec/template',
          value: {
            metadata: { creationTimestamp: null, labels: { app: 'web' } },
            spec: { containers: [{ name: 'web', image: 'nginx:1', resources: {} }], restartPolicy: 'Always' },
          },
        },
        {
          op: 'replace',
          path: '/metadata/annotations',
          value: {
            'deployment.kubernetes.io/revision': '3',
            'deployment.kubernetes.io/revision-history': '1',
          },
        },
      ],
    })
  })

  it('carries the target RS change-cause back to the deployment', () => {
    const plan = planUndo(deployment('nginx:333', { 'kubernetes.io/change-cause': 'three' }), sets, 2)
    expect(plan.kind === 'patch' && plan.patch[1]).toMatchObject({
      value: { 'kubernetes.io/change-cause': 'two' },
    })
  })

  it('skips when the template already matches, and refuses paused deployments and unknown revisions', () => {
    expect(planUndo(deployment('nginx:1'), sets, 1)).toEqual({
      kind: 'skip',
      toRevision: 1,
      message: 'deployment.apps/web skipped rollback (current template already matches revision 1)',
    })
    expect(() => planUndo(deployment('nginx:1', {}, true), sets, 2)).toThrow(/paused deployment/)
    expect(() => planUndo(deployment('nginx:1'), sets, 7)).toThrow(
      'unable to find specified revision 7 in history',
    )
    expect(() => planUndo(deployment('nginx:1'), [sets[0]!], 0)).toThrow(ApiError)
    expect(() => planUndo(deployment('nginx:1'), [sets[0]!], 0)).toThrow(
      'no rollout history found for deployment "web"',
    )
  })
})
