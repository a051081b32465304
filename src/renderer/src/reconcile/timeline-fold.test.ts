import { describe, expect, it } from 'vitest'
import type { TimelineEntry } from '@shared/contract'
import { foldReconcile, KEEP, type ReconcileState } from './timeline-fold'

let seq = 0
const entry = (): TimelineEntry => ({
  id: `t${++seq}`,
  at: '2026-11-30T12:00:00Z',
  actor: 'kubelet',
  text: `line ${seq}`,
  level: 'normal',
})
const entries = (n: number): TimelineEntry[] => Array.from({ length: n }, entry)
const ids = (s: ReconcileState): string[] => s.entries.flat().map((e) => e.id)

describe('the timeline fold', () => {
  it('puts one frame’s entries on top as one group, newest first, and leaves older groups as they were', () => {
    const first = foldReconcile({ entries: [] }, [{ entries: entries(3) }])
    const second = foldReconcile(first, [{ entries: entries(2) }, { entries: entries(1) }])
    expect(second.entries).toHaveLength(2)
    expect(second.entries[1]).toBe(first.entries[0])
    expect(ids(second)).toEqual(['t6', 't5', 't4', 't3', 't2', 't1'])
  })

  it(`keeps the newest ${KEEP} entries, cutting only the oldest group it keeps`, () => {
    seq = 0
    let s: ReconcileState = { entries: [] }
    for (let i = 0; i < 40; i++) s = foldReconcile(s, [{ entries: entries(9) }])
    const kept = s.entries
    s = foldReconcile(s, [{ entries: entries(5) }])
    expect(s.entries.flat()).toHaveLength(KEEP)
    expect(ids(s)[0]).toBe('t365')
    expect(ids(s).at(-1)).toBe(`t${365 - KEEP + 1}`)
    // Every group but the cut one is the same array as before, so it does not render again.
    expect(s.entries.slice(1, -1).every((g, i) => g === kept[i])).toBe(true)
  })

  it('keeps the last snapshot and the entries when a frame brings neither', () => {
    const s = foldReconcile({ entries: [] }, [{ entries: entries(1) }])
    expect(foldReconcile(s, [{}]).entries).toBe(s.entries)
  })

  it(`keeps only the newest ${KEEP} of a frame that brings more`, () => {
    seq = 0
    const s = foldReconcile({ entries: [] }, [{ entries: entries(KEEP + 20) }])
    expect(s.entries.flat()).toHaveLength(KEEP)
    expect(ids(s)[0]).toBe(`t${KEEP + 20}`)
  })
})
