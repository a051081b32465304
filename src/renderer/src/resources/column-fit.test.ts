// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { fitColumns } from './column-fit'
import { podColumns } from './columns/pods'
import { eventColumns } from './columns/events'
import { columnsFor } from './columns'

const ids = (width: number, list = podColumns): string[] => fitColumns(list, width).columns.map((c) => c.id)

describe('fitColumns', () => {
  it('shows every column when the width is not known yet', () => {
    expect(ids(0)).toHaveLength(podColumns.length)
  })

  it('fits the pods table in a 1400 px window by hiding Readiness gates (then Nominated node) first', () => {
    // 1400 px minus the sidebar (200) and the content padding (56).
    const fit = fitColumns(podColumns, 1144)
    expect(fit.columns.map((c) => c.id)).toEqual([
      'name',
      'ready',
      'status',
      'restarts',
      'age',
      'ip',
      'node',
      'nominated',
    ])
    expect(ids(1000)).not.toContain('nominated')
    expect(fit.total).toBe(1144)
    expect([...fit.widths.values()].reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(1144)
  })

  it('keeps name, ready and status however narrow, and gives spare room to the growing column', () => {
    expect(ids(300)).toEqual(['name', 'ready', 'status'])
    const fit = fitColumns(eventColumns, 900)
    expect(fit.columns.map((c) => c.id)).toContain('message')
    expect(fit.widths.get('message')).toBeGreaterThan(240)
    expect(fit.total).toBe(900)
  })

  it('keeps Message on screen at 1024 px, with the Namespace column of several namespaces', () => {
    const available = 1024 - 200 - 56 - 2 // sidebar, content padding, card border
    const fit = fitColumns(columnsFor('events', true), available)
    expect(fit.columns.map((c) => c.id)).toContain('message')
    expect(fit.total).toBe(available)
  })
})
