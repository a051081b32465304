import { describe, expect, it } from 'vitest'
import { decodeListRows } from '../list-decode'
import { createInterner } from './intern'
import { podRow } from './pod-row'
import type { WirePod } from './wire'

/** What JSON.parse gives for two pods of one ReplicaSet: equal values, each its own copy. */
const pod = (i: number): WirePod =>
  JSON.parse(
    JSON.stringify({
      metadata: {
        name: `web-${i}`,
        namespace: 'demo',
        uid: `uid-${i}`,
        creationTimestamp: '2026-01-01T00:00:00Z',
        labels: { app: 'web', 'pod-template-hash': '5d9f8c7b6' },
        ownerReferences: [{ kind: 'ReplicaSet', name: 'web-5d9f8c7b6', controller: true }],
      },
      spec: { nodeName: 'worker-with-a-long-name', containers: [{ name: 'app' }, { name: 'sidecar' }] },
      status: {
        phase: 'Running',
        podIP: `10.0.0.${i}`,
        containerStatuses: [
          { name: 'app', ready: true, restartCount: 0, state: { running: {} } },
          { name: 'sidecar', ready: true, restartCount: 0, state: { running: {} } },
        ],
      },
    }),
  ) as WirePod

describe('interner', () => {
  it('gives one instance for equal values and keeps different ones apart', () => {
    const pool = createInterner()
    const a = 'x'.repeat(20)
    const b = 'x'.repeat(20)
    expect(pool.str(b)).toBe(pool.str(a))
    expect(pool.str('y'.repeat(20))).not.toBe(a)
    const l1 = { app: 'web', tier: 'front' }
    expect(pool.labels({ app: 'web', tier: 'front' })).toBe(pool.labels(l1))
    expect(pool.labels({ app: 'web', tier: 'back' })).toEqual({ app: 'web', tier: 'back' })
    expect(pool.labels({ app: 'web', tier: 'back' })).not.toBe(l1)
    // The length keeps ["a<NUL>b"] and ["a", "b"] apart.
    expect(pool.strings(['a', 'b'])).not.toBe(pool.strings(['a\u0000b']))
    expect(pool.strings(['a', 'b'])).toBe(pool.strings(['a', 'b']))
    expect(pool.owner({ kind: 'ReplicaSet', name: 'r' })).toBe(pool.owner({ kind: 'ReplicaSet', name: 'r' }))
    expect(pool.str(undefined)).toBeUndefined()
  })

  it('stays within its limit: past it the pool starts again', () => {
    const pool = createInterner(100)
    for (let i = 0; i < 1000; i++) pool.str(`unique-value-${i}`)
    expect(pool.size()).toBeLessThanOrEqual(100)
    const kept = pool.str('kept-value-after-the-reset')
    expect(pool.str(`kept-value-after-the-reset${''}`)).toBe(kept)
  })
})

describe('pod rows share what pods repeat', () => {
  it("two pods of one ReplicaSet: labels, owner, containers, creation time, READY and node are one; each pod's own fields stay its own", () => {
    const a = podRow(pod(1))
    const b = podRow(pod(2))
    expect(b.labels).toBe(a.labels)
    expect(b.owner).toBe(a.owner)
    expect(b.containers).toBe(a.containers)
    expect(b.createdAt).toBe(a.createdAt)
    expect(b.ready).toBe(a.ready)
    expect(b.node).toBe(a.node)
    expect(a).toMatchObject({ name: 'web-1', uid: 'uid-1', ip: '10.0.0.1', ready: '2/2' })
    expect(b).toMatchObject({ name: 'web-2', uid: 'uid-2', ip: '10.0.0.2', ready: '2/2' })
    expect(a.containers).toEqual(['app', 'sidecar'])
  })

  it('rows decoded from different LIST pages share them too', () => {
    const page = (items: WirePod[]): Buffer =>
      Buffer.from(JSON.stringify({ metadata: { resourceVersion: '5' }, items }))
    const [a] = decodeListRows(page([pod(1)]), 'pods').rows
    const [b] = decodeListRows(page([pod(2)]), 'pods').rows
    expect(a).toBeDefined()
    expect((b as typeof a)!.labels).toBe(a!.labels)
  })
})
