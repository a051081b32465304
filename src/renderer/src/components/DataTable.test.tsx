// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { DataTable, type DataColumn } from './DataTable'

afterEach(cleanup)

interface Row {
  name: string
  size: number
}

const columns: DataColumn<Row>[] = [
  { id: 'name', header: 'Name', rowHeader: true, cell: (r) => r.name, sortValue: (r) => r.name },
  { id: 'size', header: 'Size', cell: (r) => `${r.size} B`, sortValue: (r) => r.size, priority: 'low' },
  {
    id: 'actions',
    header: 'Actions',
    hideHeader: true,
    cell: (r) => <button type="button">Use {r.name}</button>,
  },
]
const rows: Row[] = [
  { name: 'node-10', size: 3 },
  { name: 'node-2', size: 30 },
  { name: 'node-1', size: 7 },
]

function names(): string[] {
  return within(screen.getByRole('table', { name: 'Things' }))
    .getAllByRole('rowheader')
    .map((th) => th.textContent ?? '')
}

describe('DataTable', () => {
  it('keeps the given order, then sorts by a header button (natural order), flipping on a second press', () => {
    render(
      <>
        <h2 id="t">Things</h2>
        <DataTable labelledBy="t" columns={columns} rows={rows} rowKey={(r) => r.name} />
      </>,
    )
    expect(names()).toEqual(['node-10', 'node-2', 'node-1'])
    const byName = screen.getByRole('button', { name: /^Name/ })
    fireEvent.click(byName)
    expect(names()).toEqual(['node-1', 'node-2', 'node-10'])
    expect(byName.closest('th')?.getAttribute('aria-sort')).toBe('ascending')
    fireEvent.click(byName)
    expect(names()).toEqual(['node-10', 'node-2', 'node-1'])
    fireEvent.click(screen.getByRole('button', { name: /^Size/ }))
    expect(names()).toEqual(['node-10', 'node-1', 'node-2'])
  })

  it('names hidden headers for screen readers, renders cells, and marks columns that give way first', () => {
    render(
      <>
        <h2 id="t">Things</h2>
        <DataTable labelledBy="t" columns={columns} rows={rows} rowKey={(r) => r.name} />
      </>,
    )
    expect(screen.getByRole('columnheader', { name: 'Actions' })).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Use node-2' })).toBeTruthy()
    expect(screen.getByRole('columnheader', { name: /^Size/ }).className).toContain('priority-low')
  })
})
