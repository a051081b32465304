// @vitest-environment happy-dom
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { act, cleanup, render, screen } from '@testing-library/react'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { streamingBridge } from '../../../../test/renderer/fake-bridge'
import { podRow } from '../../../../test/renderer/rows'
import type { PodRow } from '@shared/rows'
import type {
  useResourceWatch as UseResourceWatchFn,
  useWatchSelect as UseWatchSelectFn,
} from './useResourceWatch'

type UseResourceWatch = typeof UseResourceWatchFn

const { bridge, subs } = streamingBridge()

let useResourceWatch: UseResourceWatch
let useWatchSelect: typeof UseWatchSelectFn
let watchLingerMs: number
beforeAll(async () => {
  // The api module picks window.bridge when it loads, so the fake must be in place first.
  window.bridge = bridge
  ;({ useResourceWatch, useWatchSelect, watchLingerMs } = await import('./useResourceWatch'))
})
afterEach(() => {
  cleanup()
  subs.length = 0
})

function Pods({ id, namespaces }: { id: string; namespaces: string[] }): ReactNode {
  const w = useResourceWatch('pods', { namespaces })
  return (
    <div data-testid={id} data-state={w.state} data-loaded={String(w.loaded)} data-retry-at={w.retryAt}>
      {w.rows.map((r) => r.name).join(',')}
      <button onClick={w.retry}>retry-{id}</button>
    </div>
  )
}

/** TanStack Query notifies observers on a zero-delay timer: let it run inside act. */
async function send(fn: () => void): Promise<void> {
  await act(async () => {
    fn()
    await new Promise((resolve) => setTimeout(resolve, 5))
  })
}

function renderWith(children: ReactNode): void {
  const client = new QueryClient()
  render(<QueryClientProvider client={client}>{children}</QueryClientProvider>)
}

describe('useResourceWatch', () => {
  it('shares one subscription per key, folds events into the cache and unsubscribes at the end', async () => {
    renderWith(
      <>
        <Pods id="a" namespaces={['demo', 'apps']} />
        <Pods id="b" namespaces={['apps', 'demo']} />
      </>,
    )
    expect(subs).toHaveLength(1)
    expect(subs[0]!.input).toEqual({ kind: 'pods', namespaces: ['apps', 'demo'] })
    expect(screen.getByTestId('a').dataset.state).toBe('connecting')
    await send(() => subs[0]!.emit({ type: 'snapshot', rows: [podRow('web-1'), podRow('web-0')] }))
    expect(screen.getByTestId('b').textContent).toContain('web-0,web-1')
    expect(screen.getByTestId('b').dataset.state).toBe('live')
    await send(() => subs[0]!.emit({ type: 'delta', upserts: [podRow('web-2')], deletes: ['demo/web-0'] }))
    expect(screen.getByTestId('a').textContent).toContain('web-1,web-2')
    await send(() => subs[0]!.emit({ type: 'status', state: 'reconnecting' }))
    expect(screen.getByTestId('a').dataset.state).toBe('reconnecting')
  })

  it('keeps a subscription a while after its last view leaves, so coming back does not list again', async () => {
    vi.useFakeTimers()
    try {
      const client = new QueryClient()
      const view = (id: string): ReactNode => (
        <QueryClientProvider client={client}>
          <Pods id={id} namespaces={['demo']} />
        </QueryClientProvider>
      )
      render(view('overview'))
      cleanup()
      expect(subs[0]!.closed).toBe(false)
      render(view('pods'))
      expect(subs).toHaveLength(1)
      cleanup()
      act(() => void vi.advanceTimersByTime(watchLingerMs - 1))
      expect(subs[0]!.closed).toBe(false)
      act(() => void vi.advanceTimersByTime(1))
      expect(subs[0]!.closed).toBe(true)
    } finally {
      vi.useRealTimers()
    }
  })

  it('shows an ended watch as an error and Retry starts a new subscription', async () => {
    renderWith(<Pods id="a" namespaces={[]} />)
    expect(subs[0]!.input).toEqual({ kind: 'pods' })
    await send(() =>
      subs[0]!.end({ code: 'Forbidden', message: 'pods is forbidden: User "dev" cannot list pods' }),
    )
    const el = screen.getByTestId('a')
    expect(el.dataset.state).toBe('error')
    expect(el.dataset.loaded).toBe('false')
    await send(() => screen.getByText('retry-a').click())
    expect(subs).toHaveLength(2)
    expect(subs[0]!.closed).toBe(true)
    expect(screen.getByTestId('a').dataset.state).toBe('connecting')
  })

  it('retries an unreachable cluster by itself with growing pauses, and stops once a list arrives', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    try {
      renderWith(<Pods id="a" namespaces={['demo']} />)
      const unreachable = { code: 'Unavailable' as const, message: 'Could not reach the cluster' }
      // TanStack Query tells observers on a zero-delay timer.
      const endLatest = (): void => {
        act(() => subs[subs.length - 1]!.end(unreachable))
        act(() => void vi.advanceTimersByTime(0))
      }
      const state = (): DOMStringMap => screen.getByTestId('a').dataset

      endLatest()
      expect(state().state).toBe('error')
      expect(Number(state().retryAt) - Date.now()).toBe(2000)
      act(() => void vi.advanceTimersByTime(1999))
      expect(subs).toHaveLength(1)
      act(() => void vi.advanceTimersByTime(1))
      expect(subs).toHaveLength(2)
      expect(subs[0]!.closed).toBe(true)

      endLatest()
      expect(Number(state().retryAt) - Date.now()).toBe(4000)
      act(() => void vi.advanceTimersByTime(4000))
      expect(subs).toHaveLength(3)

      // The cluster is back: the list arrives and the next failure starts the back-off from the beginning.
      act(() => subs[2]!.emit({ type: 'snapshot', rows: [podRow('web-1')] }))
      act(() => void vi.advanceTimersByTime(10))
      expect(state().state).toBe('live')
      endLatest()
      expect(Number(state().retryAt) - Date.now()).toBe(2000)
    } finally {
      vi.useRealTimers()
    }
  })

  it('does not retry a refusal by itself', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    try {
      renderWith(<Pods id="a" namespaces={['demo']} />)
      act(() => subs[0]!.end({ code: 'Forbidden', message: 'pods is forbidden' }))
      act(() => void vi.advanceTimersByTime(0))
      expect(screen.getByTestId('a').dataset.state).toBe('error')
      expect(screen.getByTestId('a').dataset.retryAt).toBeUndefined()
      act(() => void vi.advanceTimersByTime(60_000))
      expect(subs).toHaveLength(1)
    } finally {
      vi.useRealTimers()
    }
  })

  it('re-renders a selecting view only when what it selects changes, on the shared subscription', async () => {
    // How many pods are not running, counted once per rows object (as the pod-health tally does).
    let seen: readonly PodRow[] | undefined
    let count = 0
    const notRunning = (rows: readonly PodRow[]): number => {
      if (rows !== seen) [seen, count] = [rows, rows.filter((r) => r.status !== 'Running').length]
      return count
    }
    let renders = 0
    function Stuck(): ReactNode {
      const n = useWatchSelect('pods', { namespaces: ['demo'] }, notRunning)
      renders++
      return <div data-testid="stuck">{n}</div>
    }
    renderWith(
      <>
        <Stuck />
        <Pods id="list" namespaces={['demo']} />
      </>,
    )
    expect(subs).toHaveLength(1)
    await send(() => subs[0]!.emit({ type: 'snapshot', rows: [podRow('web-0')] }))
    const afterSnapshot = renders
    // A running pod comes: the list shows it, the count of stuck pods stays 0 and its view does not render.
    await send(() => subs[0]!.emit({ type: 'delta', upserts: [podRow('web-1')], deletes: [] }))
    expect(screen.getByTestId('list').textContent).toContain('web-0,web-1')
    expect(renders).toBe(afterSnapshot)
    await send(() =>
      subs[0]!.emit({ type: 'delta', upserts: [podRow('web-1', { status: 'ErrImagePull' })], deletes: [] }),
    )
    expect(screen.getByTestId('stuck').textContent).toBe('1')
    expect(renders).toBe(afterSnapshot + 1)
  })
})
