import { describe, expect, it } from 'vitest'
import type { DeploymentRow, EventRow } from '@shared/rows'
import { podRow } from '../../../../../test/renderer/rows'
import { overviewStats } from './overview-stats'
import { namespaceNameProblem } from './namespace-name'

function deployment(namespace: string, health: DeploymentRow['health']): DeploymentRow {
  return {
    kind: 'deployments',
    key: `${namespace}/${health}`,
    name: health,
    namespace,
    uid: health,
    createdAt: '2026-11-25T12:00:00Z',
    labels: {},
    ready: '1/1',
    upToDate: 1,
    available: 1,
    replicas: 1,
    containers: 'web',
    images: 'nginx',
    selector: 'app=web',
    paused: false,
    health,
  }
}

function event(namespace: string, type: string, lastSeen: string): EventRow {
  return {
    kind: 'events',
    key: `${namespace}/${lastSeen}`,
    name: lastSeen,
    namespace,
    uid: lastSeen,
    createdAt: lastSeen,
    labels: {},
    lastSeen,
    firstSeen: lastSeen,
    type,
    reason: 'BackOff',
    object: 'pod/web',
    subobject: '',
    source: 'kubelet',
    message: 'Back-off restarting failed container',
    count: 1,
  }
}

describe('overviewStats', () => {
  it('groups pods by what their status means, deployments by health and keeps the newest warnings', () => {
    const stats = overviewStats(
      [
        podRow('a'),
        podRow('b', { status: 'CrashLoopBackOff' }),
        podRow('c', { status: 'Pending', phase: 'Pending' }),
        podRow('d', { status: 'Completed', phase: 'Succeeded' }),
        podRow('e', { namespace: 'apps' }),
      ],
      [deployment('demo', 'available'), deployment('demo', 'failed'), deployment('demo', 'paused')],
      [
        event('demo', 'Warning', '2026-11-25T12:01:00Z'),
        event('demo', 'Normal', '2026-11-25T12:02:00Z'),
        event('demo', 'Warning', '2026-11-25T12:03:00Z'),
      ],
      1,
    )
    expect(stats.map((s) => s.namespace)).toEqual(['apps', 'demo'])
    const demo = stats[1]!
    expect(demo.pods).toEqual({ running: 1, pending: 1, failing: 1, completed: 1 })
    expect(demo.deployments).toEqual({ healthy: 1, progressing: 0, failed: 1, other: 1 })
    expect(demo.warningCount).toBe(2)
    expect(demo.warnings.map((w) => w.lastSeen)).toEqual(['2026-11-25T12:03:00Z'])
  })

  it('counts a progressing deployment whose pods are stuck as failing, and says why', () => {
    const stuck = {
      ...deployment('demo', 'progressing'),
      problem: { reason: 'ImagePullBackOff', failing: 1, total: 1 },
    }
    const [demo] = overviewStats([], [stuck], [])
    expect(demo?.deployments).toEqual({ healthy: 0, progressing: 0, failed: 1, other: 0 })
    expect(demo?.degraded).toEqual([
      { name: 'progressing', text: 'Degraded: ImagePullBackOff (1 of 1 pods)' },
    ])
  })
})

describe('namespaceNameProblem', () => {
  it('accepts DNS-1123 labels and explains what is wrong otherwise', () => {
    expect(namespaceNameProblem('team-a')).toBeUndefined()
    expect(namespaceNameProblem('Team')).toMatch(/lowercase/)
    expect(namespaceNameProblem('-a')).toMatch(/starting and ending alphanumeric/)
    expect(namespaceNameProblem('a'.repeat(64))).toMatch(/63/)
    expect(namespaceNameProblem('')).toMatch(/empty/)
  })
})
