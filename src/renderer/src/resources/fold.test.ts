import { describe, expect, it } from 'vitest'
import { emptyRowSet, findRow, foldResourceEvent, highlightMs, type RowSet } from './fold'
import { podRow } from '../../../../test/renderer/rows'

const keys = (s: RowSet): string[] => s.rows.map((r) => r.key)

describe('foldResourceEvent', () => {
  it('a snapshot replaces everything, ordered by key, and makes the set live', () => {
    const s = foldResourceEvent(emptyRowSet, { type: 'snapshot', rows: [podRow('b'), podRow('a')] }, 0)
    expect(keys(s)).toEqual(['demo/a', 'demo/b'])
    expect(s.loaded).toBe(true)
    expect(s.status.state).toBe('live')
    expect(s.changed.size).toBe(0)
    const again = foldResourceEvent(s, { type: 'snapshot', rows: [podRow('c')] }, 1)
    expect(keys(again)).toEqual(['demo/c'])
    expect(findRow(again, 'demo/a')).toBeUndefined()
  })

  it('applies upserts and deletes in order and keeps unchanged rows identical', () => {
    const a = podRow('a')
    const c = podRow('c')
    const s0 = foldResourceEvent(emptyRowSet, { type: 'snapshot', rows: [a, c, podRow('d')] }, 0)
    const b = podRow('b')
    const c2 = podRow('c', { status: 'CrashLoopBackOff' })
    const s1 = foldResourceEvent(
      s0,
      { type: 'delta', upserts: [b, c2], deletes: ['demo/d', 'demo/zzz'] },
      100,
    )
    expect(keys(s1)).toEqual(['demo/a', 'demo/b', 'demo/c'])
    expect(s1.rows[0]).toBe(a)
    expect(findRow(s1, 'demo/c')).toBe(c2)
    expect([...s1.changed.keys()].sort()).toEqual(['demo/b', 'demo/c'])
    // the input set is untouched
    expect(keys(s0)).toEqual(['demo/a', 'demo/c', 'demo/d'])
    expect(findRow(s0, 'demo/c')).toBe(c)
  })

  it('forgets changes older than the highlight window and deleted rows', () => {
    const s0 = foldResourceEvent(emptyRowSet, { type: 'snapshot', rows: [podRow('a'), podRow('b')] }, 0)
    const s1 = foldResourceEvent(s0, { type: 'delta', upserts: [podRow('a')], deletes: [] }, 1000)
    const s2 = foldResourceEvent(
      s1,
      { type: 'delta', upserts: [podRow('b')], deletes: [] },
      1000 + highlightMs,
    )
    expect([...s2.changed.keys()]).toEqual(['demo/b'])
    const s3 = foldResourceEvent(s2, { type: 'delta', upserts: [], deletes: ['demo/b'] }, 1000 + highlightMs)
    expect(s3.changed.size).toBe(0)
    expect(keys(s3)).toEqual(['demo/a'])
  })

  it('records status changes without touching rows', () => {
    const s0 = foldResourceEvent(emptyRowSet, { type: 'snapshot', rows: [podRow('a')] }, 0)
    const s1 = foldResourceEvent(
      s0,
      { type: 'status', state: 'reconnecting', message: 'connection reset' },
      5,
    )
    expect(s1.status).toEqual({ state: 'reconnecting', message: 'connection reset' })
    expect(s1.rows).toBe(s0.rows)
  })

  it('shows a snapshot as its parts arrive, merged in key order, and is loaded at the last part', () => {
    let s = foldResourceEvent(
      emptyRowSet,
      { type: 'snapshot', rows: [podRow('c'), podRow('a')], more: true },
      0,
    )
    expect(keys(s)).toEqual(['demo/a', 'demo/c'])
    expect(s.loaded).toBe(false)
    expect(s.status.state).toBe('loading')
    s = foldResourceEvent(s, { type: 'snapshot', rows: [podRow('d'), podRow('e')], more: true }, 1)
    expect(keys(s)).toEqual(['demo/a', 'demo/c', 'demo/d', 'demo/e'])
    // another namespace's cache interleaves; a delta between parts applies to the rows so far
    s = foldResourceEvent(s, { type: 'delta', upserts: [podRow('b')], deletes: ['demo/e'] }, 2)
    const newer = podRow('c', { status: 'Pending' })
    s = foldResourceEvent(s, { type: 'snapshot', rows: [newer, podRow('f')] }, 3)
    expect(keys(s)).toEqual(['demo/a', 'demo/b', 'demo/c', 'demo/d', 'demo/f'])
    expect(findRow(s, 'demo/c')).toBe(newer)
    expect(s.loaded).toBe(true)
    expect(s.filling).toBeUndefined()
    expect(s.status.state).toBe('live')
  })

  it('keeps complete rows on screen until a new snapshot has all its parts', () => {
    const old = foldResourceEvent(emptyRowSet, { type: 'snapshot', rows: [podRow('a'), podRow('b')] }, 0)
    const reconnecting: RowSet = { ...old, status: { state: 'reconnecting' } }
    let s = foldResourceEvent(reconnecting, { type: 'snapshot', rows: [podRow('x')], more: true }, 1)
    expect(keys(s)).toEqual(['demo/a', 'demo/b'])
    expect(s.status.state).toBe('reconnecting')
    s = foldResourceEvent(s, { type: 'delta', upserts: [podRow('w')], deletes: [] }, 2)
    expect(keys(s)).toEqual(['demo/a', 'demo/b'])
    s = foldResourceEvent(s, { type: 'snapshot', rows: [podRow('y')] }, 3)
    expect(keys(s)).toEqual(['demo/w', 'demo/x', 'demo/y'])
    expect(s.incoming).toBeUndefined()
    expect(s.status.state).toBe('live')
  })

  it('a repeated key in a part keeps the last row, as a map would', () => {
    const last = podRow('a', { status: 'Running' })
    const s = foldResourceEvent(emptyRowSet, { type: 'snapshot', rows: [podRow('a'), last, podRow('b')] }, 0)
    expect(keys(s)).toEqual(['demo/a', 'demo/b'])
    expect(s.rows[0]).toBe(last)
  })

  it('stays ordered under random upserts and deletes', () => {
    let s = foldResourceEvent(emptyRowSet, { type: 'snapshot', rows: [] }, 0)
    let seed = 7
    const rand = (n: number): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n
    const model = new Set<string>()
    for (let i = 0; i < 300; i++) {
      const name = `p${rand(60)}`
      if (rand(3) === 0) {
        s = foldResourceEvent(s, { type: 'delta', upserts: [], deletes: [`demo/${name}`] }, i)
        model.delete(`demo/${name}`)
      } else {
        s = foldResourceEvent(s, { type: 'delta', upserts: [podRow(name)], deletes: [] }, i)
        model.add(`demo/${name}`)
      }
    }
    expect(keys(s)).toEqual([...model].sort())
  })
})
