import { describe, expect, it } from 'vitest'
import { rolloutStatus, type DeploymentStatusInput } from './rollout-status'

function d(status: DeploymentStatusInput['status'], generation = 2, replicas = 3): DeploymentStatusInput {
  return {
    metadata: { name: 'web', generation, annotations: { 'deployment.kubernetes.io/revision': '4' } },
    spec: { replicas },
    status,
  }
}

describe('rollout status words', () => {
  it('follows kubectl stage by stage', () => {
    expect(rolloutStatus(d({ observedGeneration: 1 })).message).toBe(
      'Waiting for deployment spec update to be observed...',
    )
    expect(rolloutStatus(d({ observedGeneration: 2, updatedReplicas: 1, replicas: 3 })).message).toBe(
      'Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...',
    )
    expect(rolloutStatus(d({ observedGeneration: 2, updatedReplicas: 3, replicas: 4 })).message).toBe(
      'Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...',
    )
    expect(
      rolloutStatus(d({ observedGeneration: 2, updatedReplicas: 3, replicas: 3, availableReplicas: 2 }))
        .message,
    ).toBe('Waiting for deployment "web" rollout to finish: 2 of 3 updated replicas are available...')
    const done = rolloutStatus(
      d({ observedGeneration: 2, updatedReplicas: 3, replicas: 3, availableReplicas: 3 }),
    )
    expect(done).toEqual({
      message: 'deployment "web" successfully rolled out',
      done: true,
      failed: false,
      paused: false,
      revision: 4,
    })
  })

  it('reports an exceeded progress deadline as failed', () => {
    const s = rolloutStatus(
      d({ observedGeneration: 2, conditions: [{ type: 'Progressing', reason: 'ProgressDeadlineExceeded' }] }),
    )
    expect(s).toMatchObject({
      message: 'deployment "web" exceeded its progress deadline',
      failed: true,
      done: false,
    })
  })
})
