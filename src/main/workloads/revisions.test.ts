import { describe, expect, it } from 'vitest'
import { deployment, replicaSet, template } from '../../../test/fixtures/workloads'
import { buildHistory, equalIgnoreHash, revisionOf, splitReplicaSets } from './revisions'
import { semanticEqual } from './plain'

describe('revisions', () => {
  it('compares templates ignoring pod-template-hash and empty-vs-absent fields', () => {
    const a = { spec: { template: template('nginx:1', 'abc') } }
    const b = {
      spec: {
        template: {
          ...(template('nginx:1') as object),
          spec: { containers: [{ name: 'web', image: 'nginx:1' }], restartPolicy: 'Always' },
        },
      },
    }
    expect(equalIgnoreHash(a, b)).toBe(true)
    expect(equalIgnoreHash(a, { spec: { template: template('nginx:2') } })).toBe(false)
    expect(semanticEqual({ a: [] }, { a: null })).toBe(true)
    expect(semanticEqual({ a: [1] }, { a: [] })).toBe(false)
  })

  it('reads revisions like deploymentutil.Revision', () => {
    expect(revisionOf(replicaSet('3', 'x'))).toBe(3)
    expect(revisionOf(replicaSet(undefined, 'x'))).toBe(0)
    expect(revisionOf(replicaSet('abc', 'x'))).toBeUndefined()
  })

  it('picks the oldest RS matching the template as the new one and ignores RSs of other owners', () => {
    const d = deployment('nginx:2')
    const old = replicaSet('1', 'nginx:1')
    const cur = replicaSet('2', 'nginx:2')
    const foreign = replicaSet('9', 'nginx:2', { owner: 'other' })
    const split = splitReplicaSets(d, [cur, foreign, old])
    expect(split.newRS).toBe(cur)
    expect(split.oldRSs).toEqual([old])
  })

  it('builds the history sorted by revision with change-cause, images and the current flag', () => {
    const d = deployment('nginx:3')
    const rows = buildHistory(d, [
      replicaSet('3', 'nginx:3', { cause: 'third', replicas: 2 }),
      replicaSet('1', 'nginx:1'),
      replicaSet('2', 'nginx:22', { cause: 'second' }),
      replicaSet('bad', 'nginx:9'),
    ])
    expect(rows.map((r) => [r.revision, r.changeCause, r.images, r.current])).toEqual([
      [1, undefined, ['nginx:1'], false],
      [2, 'second', ['nginx:22'], false],
      [3, 'third', ['nginx:3'], true],
    ])
    expect(rows[2]?.replicas).toBe(2)
    expect(rows[0]?.createdAt).toBe('2026-01-01T00:00:00.000Z')
  })
})
