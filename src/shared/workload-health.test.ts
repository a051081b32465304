import { describe, expect, it } from 'vitest'
import type { DeploymentRow, PodRow } from './rows'
import { deploymentProblems, problemText, withPodProblems } from './workload-health'

function podRow(name: string, over: Partial<PodRow>): PodRow {
  return {
    ...{ kind: 'pods', key: `demo/${name}`, name, namespace: 'demo', uid: name, createdAt: '', labels: {} },
    ...{ ready: '1/1', status: 'Running', phase: 'Running', restarts: 0, containers: ['main'] },
    ...over,
  }
}

const owned = (name: string, rs: string, hash: string, over: Partial<PodRow> = {}): PodRow =>
  podRow(name, {
    owner: { kind: 'ReplicaSet', name: `${rs}-${hash}` },
    labels: { app: rs, 'pod-template-hash': hash },
    ...over,
  })

const deployment = (name: string, health: DeploymentRow['health'] = 'progressing'): DeploymentRow => ({
  kind: 'deployments',
  key: `demo/${name}`,
  name,
  namespace: 'demo',
  uid: name,
  createdAt: '2026-11-25T12:00:00Z',
  labels: {},
  ready: '0/1',
  upToDate: 1,
  available: 0,
  replicas: 1,
  containers: 'web',
  images: 'nginx:nope',
  selector: `app=${name}`,
  paused: false,
  health,
})

describe('deployment health from its pods', () => {
  it('reads "Degraded: ImagePullBackOff (1 of 1 pods)" for a deployment whose only pod cannot pull', () => {
    const problems = deploymentProblems([
      owned('web-abc12-x1', 'web', 'abc12', { status: 'ImagePullBackOff' }),
    ])
    const [row] = withPodProblems([deployment('web')], problems)
    expect(row?.problem && problemText(row.problem)).toBe('Degraded: ImagePullBackOff (1 of 1 pods)')
  })

  it('counts stuck pods among all, names the commonest reason, and keeps other deployments apart', () => {
    const pods = [
      owned('web-abc12-a', 'web', 'abc12', { status: 'CrashLoopBackOff' }),
      owned('web-abc12-b', 'web', 'abc12', { status: 'CrashLoopBackOff' }),
      owned('web-def34-c', 'web', 'def34', { status: 'Init:ErrImagePull' }),
      owned('web-abc12-d', 'web', 'abc12'),
      // web-api's pods must not count towards web although its names start the same way.
      owned('web-api-xyz98-e', 'web-api', 'xyz98'),
      owned('web-abc12-f', 'web', 'abc12', { status: 'ImagePullBackOff', deleting: true }),
    ]
    const problems = deploymentProblems(pods)
    expect(problems.get('demo/web')).toEqual({ reason: 'CrashLoopBackOff', failing: 3, total: 4 })
    expect(problems.has('demo/web-api')).toBe(false)
  })

  it('leaves healthy and busy (ContainerCreating, Pending) deployments as they are', () => {
    const rows = [deployment('web'), deployment('api')]
    const problems = deploymentProblems([
      owned('web-abc12-a', 'web', 'abc12', { status: 'ContainerCreating' }),
      owned('api-abc12-a', 'api', 'abc12', { status: 'Pending' }),
    ])
    const out = withPodProblems(rows, problems)
    expect(out[0]).toBe(rows[0])
    expect(out[1]).toBe(rows[1])
  })
})
