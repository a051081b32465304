// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import type { Row } from '@shared/rows'
import type { ColumnList } from './columns'
import { podColumns } from './columns/pods'
import { ResourceTable } from './ResourceTable'
import { podRow } from '../../../../test/renderer/rows'
import { installFakeLayout } from '../../../../test/renderer/layout'
import { cpuMs } from '../../../../test/renderer/cpu-time'

installFakeLayout()
afterEach(cleanup)

function manyPods(n: number): Row[] {
  return Array.from({ length: n }, (_, i) =>
    podRow(`pod-${String(i).padStart(5, '0')}`, { restarts: (i * 7919) % 50 }),
  )
}

function bodyRows(): HTMLElement[] {
  return screen.getAllByRole('row').filter((r) => r.hasAttribute('data-key'))
}

describe('ResourceTable', () => {
  it('renders only a window of 50,000 rows', () => {
    // CPU time, not wall time: on a loaded box other processes' work would count against ours.
    const t0 = cpuMs()
    render(
      <ResourceTable
        label="Pods"
        rows={manyPods(50_000)}
        columns={podColumns}
        onSelect={() => {}}
        onOpen={() => {}}
      />,
    )
    const elapsed = cpuMs() - t0
    const grid = screen.getByRole('grid', { name: 'Pods' })
    expect(grid.getAttribute('aria-rowcount')).toBe('50001')
    const rows = bodyRows()
    expect(rows.length).toBeGreaterThan(10)
    // The 600 px box shows ~17 rows; only a few more are kept (each one costs layout and paint per frame).
    expect(rows.length).toBeLessThanOrEqual(Math.ceil(600 / 34) + 6)
    expect(rows[0]!.getAttribute('data-key')).toBe('demo/pod-00000')
    expect(elapsed).toBeLessThan(5000)
  })

  it('keeps a pod row to its cells: plain text carries its tooltip and class on the cell itself', () => {
    const rows = [podRow('web-1', { ip: '10.244.0.7', node: 'kind-worker', status: 'CrashLoopBackOff' })]
    render(
      <ResourceTable label="Pods" rows={rows} columns={podColumns} onSelect={() => {}} onOpen={() => {}} />,
    )
    const row = bodyRows()[0]!
    const cells = [...row.querySelectorAll('td')]
    const ip = cells.find((c) => c.textContent === '10.244.0.7')!
    expect(ip.getAttribute('title')).toBe('10.244.0.7')
    expect(ip.className).toBe('mono')
    expect(ip.children).toHaveLength(0)
    const status = within(row).getByText('CrashLoopBackOff')
    expect(status.getAttribute('title')).toBe('CrashLoopBackOff')
    expect(status.className).toContain('tone-err')
    // The row, its cells, the name and the status word: nothing else per row.
    expect(row.querySelectorAll('*').length + 1).toBe(1 + cells.length + 2)
  })

  it('sorts from the column header buttons and reflects it in aria-sort', () => {
    const rows = manyPods(200)
    render(
      <ResourceTable label="Pods" rows={rows} columns={podColumns} onSelect={() => {}} onOpen={() => {}} />,
    )
    const header = screen.getByRole('columnheader', { name: /restarts/i })
    expect(header.getAttribute('aria-sort')).toBe('none')
    fireEvent.click(within(header).getByRole('button'))
    expect(header.getAttribute('aria-sort')).toBe('ascending')
    expect(bodyRows()[0]!.textContent).toContain('pod-00000')
    fireEvent.click(within(header).getByRole('button'))
    expect(header.getAttribute('aria-sort')).toBe('descending')
    const top = Math.max(...rows.map((r) => (r.kind === 'pods' ? r.restarts : 0)))
    expect(bodyRows()[0]!.querySelectorAll('td')[3]!.textContent).toBe(String(top))
    expect(screen.getByRole('columnheader', { name: /^name/i }).getAttribute('aria-sort')).toBe('none')
  })

  it('moves the selection with the arrow keys and opens it with Enter', () => {
    const onOpen = vi.fn()
    let selected: string | undefined
    const rows = manyPods(100)
    const view = (): React.ReactElement => (
      <ResourceTable
        label="Pods"
        rows={rows}
        columns={podColumns}
        selectedKey={selected}
        onSelect={(k) => {
          selected = k
        }}
        onOpen={onOpen}
      />
    )
    const { rerender } = render(view())
    const grid = screen.getByRole('grid')
    fireEvent.keyDown(grid, { key: 'ArrowDown' })
    expect(selected).toBe('demo/pod-00000')
    rerender(view())
    fireEvent.keyDown(grid, { key: 'ArrowDown' })
    fireEvent.keyDown(grid, { key: 'ArrowDown' })
    expect(selected).toBe('demo/pod-00001')
    rerender(view())
    fireEvent.keyDown(grid, { key: 'ArrowDown' })
    rerender(view())
    fireEvent.keyDown(grid, { key: 'ArrowUp' })
    rerender(view())
    expect(selected).toBe('demo/pod-00001')
    const row = bodyRows().find((r) => r.getAttribute('data-key') === 'demo/pod-00001')!
    expect(row.getAttribute('aria-selected')).toBe('true')
    expect(grid.getAttribute('aria-activedescendant')).toBe(row.id)
    fireEvent.keyDown(grid, { key: 'Enter' })
    expect(onOpen).toHaveBeenCalledWith(rows[1])
  })

  it('re-renders only the rows a delta replaced', () => {
    const renders = new Map<string, number>()
    const counting: ColumnList = [
      {
        id: 'name',
        header: 'Name',
        width: 200,
        value: (r) => r.name,
        render: (r) => {
          renders.set(r.name, (renders.get(r.name) ?? 0) + 1)
          return r.name
        },
      },
    ]
    const before = manyPods(20)
    const noop = (): void => {}
    const { rerender } = render(
      <ResourceTable label="Pods" rows={before} columns={counting} onSelect={noop} onOpen={noop} />,
    )
    const after = before.slice()
    after[3] = podRow('pod-00003', { status: 'CrashLoopBackOff' })
    renders.clear()
    rerender(<ResourceTable label="Pods" rows={after} columns={counting} onSelect={noop} onOpen={noop} />)
    expect([...renders.keys()]).toEqual(['pod-00003'])
  })
})
