import type { V1Pod } from '@kubernetes/client-node'
import { describe, expect, it } from 'vitest'
import { notStartedReason } from './pod-logs'

const pod = (status: V1Pod['status']): V1Pod => ({ spec: { containers: [{ name: 'web' }] }, status })

describe('notStartedReason', () => {
  it('says why a container has no log yet, and nothing once it has one', () => {
    expect(notStartedReason(pod(undefined), 'web')).toBe('Pending')
    expect(notStartedReason(pod({ phase: 'Pending' }), 'web')).toBe('Pending')
    const creating = pod({
      phase: 'Pending',
      containerStatuses: [
        {
          name: 'web',
          image: 'nginx',
          imageID: '',
          ready: false,
          restartCount: 0,
          state: { waiting: { reason: 'ContainerCreating' } },
        },
      ],
    })
    expect(notStartedReason(creating, 'web')).toBe('ContainerCreating')
    const running = pod({
      phase: 'Running',
      containerStatuses: [
        { name: 'web', image: 'nginx', imageID: '', ready: true, restartCount: 0, state: { running: {} } },
      ],
    })
    expect(notStartedReason(running, 'web')).toBeUndefined()
    // Waiting to restart after a crash: the last run's log is there to read.
    const crashing = pod({
      phase: 'Running',
      containerStatuses: [
        {
          name: 'web',
          image: 'nginx',
          imageID: '',
          ready: false,
          restartCount: 3,
          state: { waiting: { reason: 'CrashLoopBackOff' } },
          lastState: { terminated: { exitCode: 1 } },
        },
      ],
    })
    expect(notStartedReason(crashing, 'web')).toBeUndefined()
  })
})
