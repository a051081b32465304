import { describe, expect, it } from 'vitest'
import { daemonSetStatus, statefulSetStatus } from './controller-rollout-status'

describe("kubectl's StatefulSet and DaemonSet status viewers", () => {
  const sts = { metadata: { name: 'web', generation: 2 }, spec: { replicas: 3 } }

  it('walks a StatefulSet without a partition through its rolling update', () => {
    expect(statefulSetStatus({ ...sts, status: { observedGeneration: 1 } }).message).toBe(
      'Waiting for statefulset spec update to be observed...',
    )
    expect(statefulSetStatus({ ...sts, status: { observedGeneration: 2, readyReplicas: 1 } }).message).toBe(
      'Waiting for 2 pods to be ready...',
    )
    const rolling = { observedGeneration: 2, readyReplicas: 3, updatedReplicas: 1, updateRevision: 'web-b' }
    expect(statefulSetStatus({ ...sts, status: { ...rolling, currentRevision: 'web-a' } })).toEqual({
      message: 'waiting for statefulset rolling update to complete 1 pods at revision web-b...',
      done: false,
      failed: false,
      paused: false,
    })
    const finished = { ...rolling, currentRevision: 'web-b', currentReplicas: 3 }
    expect(statefulSetStatus({ ...sts, status: finished })).toMatchObject({
      message: 'statefulset rolling update complete 3 pods at revision web-b...',
      done: true,
    })
  })

  it('counts a partition and refuses OnDelete, as kubectl does', () => {
    const partitioned = { ...sts, spec: { replicas: 3, updateStrategy: { rollingUpdate: { partition: 1 } } } }
    const status = { observedGeneration: 2, readyReplicas: 3 }
    expect(statefulSetStatus({ ...partitioned, status: { ...status, updatedReplicas: 1 } }).message).toBe(
      'Waiting for partitioned roll out to finish: 1 out of 2 new pods have been updated...',
    )
    expect(statefulSetStatus({ ...partitioned, status: { ...status, updatedReplicas: 2 } })).toMatchObject({
      message: 'partitioned roll out complete: 2 new pods have been updated...',
      done: true,
    })
    expect(statefulSetStatus({ ...sts, spec: { updateStrategy: { type: 'OnDelete' } } })).toMatchObject({
      message: 'rollout status is only available for RollingUpdate strategy type',
      failed: true,
    })
  })

  it('waits for a DaemonSet to update, then for its pods to be available', () => {
    const ds = { metadata: { name: 'logs', generation: 1 } }
    const status = { observedGeneration: 1, desiredNumberScheduled: 2 }
    expect(daemonSetStatus({ ...ds, status: { ...status, updatedNumberScheduled: 1 } }).message).toBe(
      'Waiting for daemon set "logs" rollout to finish: 1 out of 2 new pods have been updated...',
    )
    const updated = { ...status, updatedNumberScheduled: 2, numberAvailable: 1 }
    expect(daemonSetStatus({ ...ds, status: updated }).message).toBe(
      'Waiting for daemon set "logs" rollout to finish: 1 of 2 updated pods are available...',
    )
    expect(daemonSetStatus({ ...ds, status: { ...updated, numberAvailable: 2 } })).toMatchObject({
      message: 'daemon set "logs" successfully rolled out',
      done: true,
    })
  })
})
