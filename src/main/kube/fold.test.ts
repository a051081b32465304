import { describe, expect, it } from 'vitest'
import type { ConfigMapRow, Row } from '@shared/rows'
import { foldEvent, replaceRows } from './fold'
import { projectors, type WireObject } from './rows'

const project = projectors.configmaps
const cm = (
  name: string,
  data: Record<string, string> = {},
  ns = 'demo',
): WireObject & { data: Record<string, string> } => ({
  metadata: {
    name,
    namespace: ns,
    uid: name,
    resourceVersion: '1',
    creationTimestamp: '2026-01-01T00:00:00Z',
  },
  data,
})

describe('foldEvent', () => {
  it('ADDED inserts a new row and says it is new', () => {
    const rows = new Map<string, Row>()
    const change = foldEvent(rows, 'ADDED', cm('a'), project)
    expect(change).toMatchObject({
      type: 'upsert',
      isNew: true,
      row: { key: 'demo/a', kind: 'configmaps', data: 0 },
    })
    expect(rows.get('demo/a')).toBeDefined()
  })

  it('MODIFIED replaces the row; an invisible change yields nothing', () => {
    const rows = new Map<string, Row>()
    foldEvent(rows, 'ADDED', cm('a'), project)
    const change = foldEvent(rows, 'MODIFIED', cm('a', { k: 'v' }), project)
    expect(change).toMatchObject({ type: 'upsert', isNew: false })
    expect((rows.get('demo/a') as ConfigMapRow).data).toBe(1)
    const bumped = cm('a', { k: 'v2' })
    bumped.metadata = { ...bumped.metadata, resourceVersion: '9' }
    expect(foldEvent(rows, 'MODIFIED', bumped, project)).toBeUndefined()
  })

  it('ADDED for a key already present (replayed after a reconnect) is an update', () => {
    const rows = new Map<string, Row>()
    foldEvent(rows, 'ADDED', cm('a'), project)
    expect(foldEvent(rows, 'ADDED', cm('a', { x: '1' }), project)).toMatchObject({ isNew: false })
  })

  it('DELETED removes by namespace/name; unknown keys and BOOKMARKs change nothing', () => {
    const rows = new Map<string, Row>()
    foldEvent(rows, 'ADDED', cm('a'), project)
    expect(foldEvent(rows, 'DELETED', cm('zzz'), project)).toBeUndefined()
    expect(foldEvent(rows, 'BOOKMARK', { metadata: { resourceVersion: '7' } }, project)).toBeUndefined()
    expect(foldEvent(rows, 'DELETED', cm('a'), project)).toEqual({ type: 'delete', key: 'demo/a' })
    expect(rows.size).toBe(0)
  })

  it('keys objects of the same name in different namespaces apart', () => {
    const rows = new Map<string, Row>()
    foldEvent(rows, 'ADDED', cm('a', {}, 'one'), project)
    foldEvent(rows, 'ADDED', cm('a', {}, 'two'), project)
    expect([...rows.keys()].sort()).toEqual(['one/a', 'two/a'])
  })
})

describe('replaceRows', () => {
  it('returns exactly the corrections: new, changed and vanished rows', () => {
    const rows = new Map<string, Row>()
    for (const name of ['keep', 'change', 'gone']) foldEvent(rows, 'ADDED', cm(name), project)
    const fresh = [cm('keep'), cm('change', { a: '1' }), cm('new')].map(project)
    const changes = replaceRows(rows, fresh)
    expect(changes).toEqual([
      { type: 'upsert', row: fresh[1], isNew: false },
      { type: 'upsert', row: fresh[2], isNew: true },
      { type: 'delete', key: 'demo/gone' },
    ])
    expect([...rows.keys()].sort()).toEqual(['demo/change', 'demo/keep', 'demo/new'])
  })
})
