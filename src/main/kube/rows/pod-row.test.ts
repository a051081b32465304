import { describe, expect, it } from 'vitest'
import { podRow } from './pod-row'
import { podStatus } from './pod-status'
import type { WireContainerStatus, WirePod } from './wire'

const meta = { name: 'web-1', namespace: 'demo', uid: 'u1', creationTimestamp: '2026-01-01T00:00:00Z' }
const running = (name: string, extra: Partial<WireContainerStatus> = {}): WireContainerStatus => ({
  name,
  ready: true,
  started: true,
  restartCount: 0,
  state: { running: { startedAt: '2026-01-01T00:00:05Z' } },
  ...extra,
})
const waiting = (
  name: string,
  reason: string,
  extra: Partial<WireContainerStatus> = {},
): WireContainerStatus => ({
  name,
  ready: false,
  restartCount: 0,
  state: { waiting: { reason } },
  ...extra,
})

function pod(status: WirePod['status'], spec: WirePod['spec'] = {}, deletion?: string): WirePod {
  return {
    metadata: { ...meta, ...(deletion ? { deletionTimestamp: deletion } : {}) },
    spec: { containers: [{ name: 'app', image: 'nginx' }], ...spec },
    status,
  }
}

describe('podStatus (kubectl printPod)', () => {
  it('Pending before scheduling', () => {
    expect(podStatus(pod({ phase: 'Pending' }))).toEqual({ status: 'Pending', ready: '0/1', restarts: 0 })
  })

  it('ContainerCreating while the container waits', () => {
    const p = pod({ phase: 'Pending', containerStatuses: [waiting('app', 'ContainerCreating')] })
    expect(podStatus(p).status).toBe('ContainerCreating')
  })

  it('Running with readiness 1/2 when one container is not ready', () => {
    const p = pod(
      { phase: 'Running', containerStatuses: [running('app'), running('side', { ready: false })] },
      { containers: [{ name: 'app' }, { name: 'side' }] },
    )
    expect(podStatus(p)).toEqual({ status: 'Running', ready: '1/2', restarts: 0 })
  })

  it('CrashLoopBackOff with restarts and the last restart time', () => {
    const p = pod({
      phase: 'Running',
      containerStatuses: [
        waiting('app', 'CrashLoopBackOff', {
          restartCount: 3,
          lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: '2026-01-01T00:10:00Z' } },
        }),
      ],
    })
    expect(podStatus(p)).toEqual({
      status: 'CrashLoopBackOff',
      ready: '0/1',
      restarts: 3,
      lastRestartAt: '2026-01-01T00:10:00Z',
    })
  })

  it('ImagePullBackOff and ErrImagePull', () => {
    expect(
      podStatus(pod({ phase: 'Pending', containerStatuses: [waiting('app', 'ImagePullBackOff')] })).status,
    ).toBe('ImagePullBackOff')
    expect(
      podStatus(pod({ phase: 'Pending', containerStatuses: [waiting('app', 'ErrImagePull')] })).status,
    ).toBe('ErrImagePull')
  })

  it('Completed for a succeeded pod', () => {
    const p = pod({
      phase: 'Succeeded',
      containerStatuses: [
        { name: 'app', ready: false, state: { terminated: { exitCode: 0, reason: 'Completed' } } },
      ],
    })
    expect(podStatus(p)).toEqual({ status: 'Completed', ready: '0/1', restarts: 0 })
  })

  it('Completed flips back to Running while another container runs', () => {
    const p = pod(
      {
        phase: 'Running',
        conditions: [{ type: 'Ready', status: 'True' }],
        containerStatuses: [
          { name: 'job', state: { terminated: { exitCode: 0, reason: 'Completed' } } },
          running('app'),
        ],
      },
      { containers: [{ name: 'job' }, { name: 'app' }] },
    )
    // kubectl walks containers last to first, so the first container's reason wins.
    expect(podStatus(p).status).toBe('Running')
    const notReady = { ...p, status: { ...p.status, conditions: [] } }
    expect(podStatus(notReady).status).toBe('NotReady')
  })

  it('ExitCode and Signal when a container terminated without a reason', () => {
    const exit = pod({
      phase: 'Failed',
      containerStatuses: [{ name: 'app', state: { terminated: { exitCode: 2 } } }],
    })
    expect(podStatus(exit).status).toBe('ExitCode:2')
    const sig = pod({
      phase: 'Failed',
      containerStatuses: [{ name: 'app', state: { terminated: { exitCode: 137, signal: 9 } } }],
    })
    expect(podStatus(sig).status).toBe('Signal:9')
  })

  it('Terminating when a deletionTimestamp is set on a non-terminal pod', () => {
    const p = pod({ phase: 'Running', containerStatuses: [running('app')] }, {}, '2026-01-01T01:00:00Z')
    expect(podStatus(p).status).toBe('Terminating')
    const done = pod({ phase: 'Succeeded' }, {}, '2026-01-01T01:00:00Z')
    expect(podStatus(done).status).toBe('Succeeded')
  })

  it('NodeLost, and Unknown once such a pod is being deleted', () => {
    expect(podStatus(pod({ phase: 'Running', reason: 'NodeLost' })).status).toBe('NodeLost')
    expect(podStatus(pod({ phase: 'Running', reason: 'NodeLost' }, {}, '2026-01-01T01:00:00Z')).status).toBe(
      'Unknown',
    )
  })

  it('SchedulingGated from the PodScheduled condition', () => {
    const p = pod({
      phase: 'Pending',
      conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }],
    })
    expect(podStatus(p).status).toBe('SchedulingGated')
  })

  describe('init containers', () => {
    const spec = { initContainers: [{ name: 'migrate' }, { name: 'warm' }] }

    it('Init:0/2 while the first init container runs', () => {
      const p = pod(
        {
          phase: 'Pending',
          initContainerStatuses: [running('migrate', { ready: false }), waiting('warm', 'PodInitializing')],
        },
        spec,
      )
      expect(podStatus(p)).toEqual({ status: 'Init:0/2', ready: '0/1', restarts: 0 })
    })

    it('Init:1/2 after the first one completed', () => {
      const p = pod(
        {
          phase: 'Pending',
          initContainerStatuses: [
            { name: 'migrate', state: { terminated: { exitCode: 0, reason: 'Completed' } } },
            waiting('warm', 'PodInitializing'),
          ],
        },
        spec,
      )
      expect(podStatus(p).status).toBe('Init:1/2')
    })

    it('Init:CrashLoopBackOff counts init restarts only', () => {
      const p = pod(
        {
          phase: 'Pending',
          initContainerStatuses: [
            waiting('migrate', 'CrashLoopBackOff', {
              restartCount: 4,
              lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: '2026-01-01T00:03:00Z' } },
            }),
          ],
          containerStatuses: [waiting('app', 'PodInitializing', { restartCount: 9 })],
        },
        spec,
      )
      expect(podStatus(p)).toEqual({
        status: 'Init:CrashLoopBackOff',
        ready: '0/1',
        restarts: 4,
        lastRestartAt: '2026-01-01T00:03:00Z',
      })
    })

    it('Init:Error and Init:ExitCode for a failed init container', () => {
      const failed = (terminated: { exitCode: number; reason?: string }): WirePod =>
        pod({ phase: 'Pending', initContainerStatuses: [{ name: 'migrate', state: { terminated } }] }, spec)
      expect(podStatus(failed({ exitCode: 1, reason: 'Error' })).status).toBe('Init:Error')
      expect(podStatus(failed({ exitCode: 3 })).status).toBe('Init:ExitCode:3')
    })

    it('a started sidecar (restartPolicy Always) counts toward READY', () => {
      const p = pod(
        {
          phase: 'Running',
          conditions: [{ type: 'Initialized', status: 'True' }],
          initContainerStatuses: [running('proxy', { restartCount: 1 })],
          containerStatuses: [running('app')],
        },
        { initContainers: [{ name: 'proxy', restartPolicy: 'Always' }] },
      )
      expect(podStatus(p)).toEqual({ status: 'Running', ready: '2/2', restarts: 1 })
    })
  })
})

describe('podRow', () => {
  it('projects the wide columns and the owner', () => {
    const p: WirePod = {
      metadata: {
        ...meta,
        labels: { app: 'web' },
        ownerReferences: [{ kind: 'ReplicaSet', name: 'web-abc', uid: 'rs', controller: true }],
      },
      spec: {
        nodeName: 'node-1',
        containers: [{ name: 'app' }],
        readinessGates: [{ conditionType: 'x/ok' }],
      },
      status: {
        phase: 'Running',
        podIPs: [{ ip: '10.0.0.5' }],
        conditions: [{ type: 'x/ok', status: 'True' }],
        containerStatuses: [running('app')],
      },
    }
    expect(podRow(p)).toEqual({
      key: 'demo/web-1',
      name: 'web-1',
      namespace: 'demo',
      uid: 'u1',
      createdAt: '2026-01-01T00:00:00Z',
      labels: { app: 'web' },
      kind: 'pods',
      ready: '1/1',
      status: 'Running',
      phase: 'Running',
      restarts: 0,
      ip: '10.0.0.5',
      node: 'node-1',
      readinessGates: '1/1',
      owner: { kind: 'ReplicaSet', name: 'web-abc' },
      containers: ['app'],
    })
  })

  it('survives an object with nothing but a name', () => {
    expect(podRow({ metadata: { name: 'x' } })).toMatchObject({ key: 'x', status: '', ready: '0/0' })
  })
})
