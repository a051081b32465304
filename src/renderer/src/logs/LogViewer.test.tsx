// @vitest-environment happy-dom
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { DeploymentLogs as DeploymentLogsType } from './DeploymentLogs'
import type { LogViewer as LogViewerType } from './LogViewer'
import { streamingBridge, type FakeSubscription } from '../../../../test/renderer/fake-bridge'
import { cpuMs } from '../../../../test/renderer/cpu-time'

const { bridge, subs } = streamingBridge()

// happy-dom does no layout: give every element a 600 px tall box so the virtualizer has a window to fill.
const sizes = { offsetHeight: 600, offsetWidth: 1200, clientHeight: 600, clientWidth: 1200 }
const saved = new Map<string, PropertyDescriptor | undefined>()
let LogViewer: typeof LogViewerType
let DeploymentLogs: typeof DeploymentLogsType
beforeAll(async () => {
  for (const [prop, value] of Object.entries(sizes)) {
    saved.set(prop, Object.getOwnPropertyDescriptor(HTMLElement.prototype, prop))
    Object.defineProperty(HTMLElement.prototype, prop, { configurable: true, get: () => value })
  }
  window.bridge = bridge
  ;({ LogViewer } = await import('./LogViewer'))
  ;({ DeploymentLogs } = await import('./DeploymentLogs'))
})
afterAll(() => {
  for (const [prop, d] of saved) if (d) Object.defineProperty(HTMLElement.prototype, prop, d)
})
afterEach(() => {
  cleanup()
  subs.length = 0
})

const last = (): FakeSubscription => subs[subs.length - 1]!
const rows = (): HTMLElement[] => [...document.querySelectorAll<HTMLElement>('.log-line')]

describe('LogViewer', () => {
  it('follows a container with the chosen options and renders lines with colours', async () => {
    render(<LogViewer namespace="default" pod="web-1" containers={['web', 'side']} />)
    expect(last().stream).toBe('logs.stream')
    expect(last().input).toEqual({
      namespace: 'default',
      pod: 'web-1',
      container: 'web',
      previous: false,
      timestamps: false,
      tailLines: 1000,
    })
    act(() => last().emit({ lines: ['starting', '\u001b[31mERROR\u001b[0m boom', 'ready'] }))
    await waitFor(() => expect(rows()).toHaveLength(3))
    expect(rows()[1]?.querySelector('span[style]')?.textContent).toBe('ERROR')
    expect(screen.getByText(/3 lines shown \(keeps the last 1,000,000\)/)).toBeTruthy()
  })

  it('says why a followed container has no log yet, until it starts', async () => {
    render(<LogViewer namespace="default" pod="web-1" containers={['web']} />)
    const waiting = 'Container "web" has not started yet: ContainerCreating.'
    act(() => last().emit({ lines: [], waiting }))
    await waitFor(() => expect(screen.getByText(waiting)).toBeTruthy())
    act(() => last().emit({ lines: [] }))
    await waitFor(() => expect(screen.getByText('Following')).toBeTruthy())
    expect(screen.queryByText(waiting)).toBeNull()
  })

  it('searches with highlights and steps through matches', async () => {
    render(<LogViewer namespace="default" pod="web-1" containers={['web']} />)
    act(() => last().emit({ lines: ['an error here', 'fine', 'another ERROR'] }))
    await waitFor(() => expect(rows()).toHaveLength(3))
    const search = screen.getByLabelText('Search logs')
    fireEvent.change(search, { target: { value: 'error' } })
    fireEvent.keyDown(search, { key: 'Enter' })
    await waitFor(() => expect(screen.getByText('1 of 2')).toBeTruthy())
    expect(document.querySelectorAll('mark')).toHaveLength(2)
    expect(document.querySelector('.log-line.active')?.textContent).toBe('an error here')
    fireEvent.click(screen.getByRole('button', { name: 'Next match' }))
    await waitFor(() => expect(screen.getByText('2 of 2')).toBeTruthy())
    expect(document.querySelector('.log-line.active')?.textContent).toBe('another ERROR')
  })

  it('restarts the stream when a chooser changes and stops it on unmount', async () => {
    const view = render(<LogViewer namespace="default" pod="web-1" containers={['web', 'side']} />)
    act(() => last().emit({ lines: ['old'] }))
    const first = last()
    fireEvent.change(screen.getByLabelText('Container'), { target: { value: 'side' } })
    fireEvent.click(screen.getByLabelText(/Previous instance/))
    expect(first.closed).toBe(true)
    expect(last().input).toMatchObject({ container: 'side', previous: true })
    await waitFor(() => expect(rows()).toHaveLength(0))
    view.unmount()
    expect(subs.every((s) => s.closed)).toBe(true)
  })

  it('takes a second of 50,000 lines/s and renders only a window of rows', async () => {
    render(<LogViewer namespace="default" pod="web-1" containers={['web']} />)
    const batch = Array.from({ length: 2500 }, (_, i) => `GET /api/items/${i} 200`)
    // CPU time, not wall time: on a loaded box other processes' work would count against ours.
    const t0 = cpuMs()
    act(() => {
      for (let i = 0; i < 20; i++) last().emit({ lines: batch })
    })
    await waitFor(() => expect(screen.getByText(/50,000 lines shown/)).toBeTruthy())
    const ms = cpuMs() - t0
    expect(rows().length).toBeGreaterThan(0)
    expect(rows().length).toBeLessThan(120)
    // Generous for a slow CI machine; the point is that it does not scale with the line count.
    expect(ms).toBeLessThan(1500)
  })

  it('stops following when the person scrolls up and offers to jump to the latest line', async () => {
    const saved = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'scrollHeight')
    Object.defineProperty(HTMLElement.prototype, 'scrollHeight', { configurable: true, get: () => 18_000 })
    try {
      render(<LogViewer namespace="default" pod="web-1" containers={['web']} />)
      act(() => last().emit({ lines: Array.from({ length: 1000 }, (_, i) => `line ${i}`) }))
      const log = await screen.findByRole('log')
      expect(screen.queryByRole('button', { name: /Jump to latest/ })).toBeNull()
      log.scrollTop = 17_400 // at the bottom: still following
      fireEvent.scroll(log)
      log.scrollTop = 5_000 // the person scrolls up
      fireEvent.scroll(log)
      const jump = await screen.findByRole('button', { name: /Jump to latest/ })
      fireEvent.click(jump)
      await waitFor(() => expect(screen.queryByRole('button', { name: /Jump to latest/ })).toBeNull())
    } finally {
      if (saved) Object.defineProperty(HTMLElement.prototype, 'scrollHeight', saved)
      else delete (HTMLElement.prototype as { scrollHeight?: number }).scrollHeight
    }
  })

  it('shows the server error when the stream fails', async () => {
    render(<LogViewer namespace="default" pod="web-1" containers={['web']} />)
    act(() =>
      last().end({
        code: 'BadInput',
        message: 'previous terminated container "web" in pod "web-1" not found',
      }),
    )
    expect((await screen.findByRole('alert')).textContent).toContain('previous terminated container')
  })
})

describe('DeploymentLogs', () => {
  it('tags lines with coloured pod names and lists the pods followed', async () => {
    render(<DeploymentLogs namespace="default" name="web" containers={['web']} />)
    expect(last().stream).toBe('logs.deployment')
    act(() =>
      last().emit({
        chunks: [
          { pod: 'web-a', lines: ['a1', 'a2'] },
          { pod: 'web-b', lines: ['b1'] },
        ],
        pods: ['web-a', 'web-b'],
      }),
    )
    await waitFor(() => expect(rows()).toHaveLength(3))
    expect(rows().map((r) => r.querySelector('.log-source')?.textContent)).toEqual([
      'web-a',
      'web-a',
      'web-b',
    ])
    expect(screen.getByText('Following 2 pods')).toBeTruthy()
    act(() => last().emit({ chunks: [], pods: ['web-b'] }))
    expect(screen.getByText('Following 1 pod')).toBeTruthy()
  })
})
