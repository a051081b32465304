// @vitest-environment happy-dom
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { act, cleanup, render, screen } from '@testing-library/react'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import type { ContextsState } from '@shared/contract'
import { backendBridge } from '../../../../test/renderer/fake-bridge'
import { podRow } from '../../../../test/renderer/rows'
import { contextInfo, contextsState } from '../../../../test/renderer/contexts'
import type * as EarlyStart from './early-start'
import type * as Watch from '../resources/useResourceWatch'

const { bridge, calls, subs } = backendBridge()
let startEarly: typeof EarlyStart.startEarly
let FIRST_RENDER_WAIT_MS: number
let useResourceWatch: typeof Watch.useResourceWatch
let watchLingerMs: number
beforeAll(async () => {
  // The api module picks window.bridge when it loads, so the fake must be in place first.
  window.bridge = bridge
  ;({ startEarly, FIRST_RENDER_WAIT_MS } = await import('./early-start'))
  ;({ useResourceWatch, watchLingerMs } = await import('../resources/useResourceWatch'))
})
afterEach(() => {
  cleanup()
  vi.useRealTimers()
  calls.length = 0
  subs.length = 0
  localStorage.clear()
})

const ctx = contextInfo
const state = contextsState
const resourceSubs = (): typeof subs => subs.filter((s) => s.stream === 'resources.watch')

/** Answers the pending contexts.list call; the query cache notifies on a zero-delay timer. */
async function answerList(value: ContextsState): Promise<void> {
  await act(async () => {
    calls.find((c) => c.method === 'contexts.list')!.resolve({ ok: true, value })
    await new Promise((resolve) => setTimeout(resolve, 5))
  })
}

function Pods({ context, namespaces }: { context: string; namespaces: string[] }): ReactNode {
  const w = useResourceWatch('pods', { context, namespaces })
  return <div data-testid="pods">{w.rows.map((r) => r.name).join(',')}</div>
}

describe('the cold start’s early start', () => {
  it('opens Pods’ watch as soon as contexts.list answers, and the view takes it over with its rows', async () => {
    const client = new QueryClient()
    startEarly(client, '#workloads')
    // Before React renders: the contexts are asked for and watched; no resource watch yet (no context known).
    expect(calls.map((c) => c.method)).toEqual(['contexts.list'])
    expect(subs.map((s) => s.stream)).toEqual(['contexts.watch'])
    await answerList(state('kind-dev', [ctx('kind-dev', 'apps'), ctx('other')]))
    // The context's own namespace, as the Pods view opens on it.
    expect(resourceSubs().map((s) => s.input)).toEqual([
      { kind: 'pods', context: 'kind-dev', namespaces: ['apps'] },
    ])
    act(() => resourceSubs()[0]!.emit({ type: 'snapshot', rows: [podRow('web-0', { namespace: 'apps' })] }))
    render(
      <QueryClientProvider client={client}>
        <Pods context="kind-dev" namespaces={['apps']} />
      </QueryClientProvider>,
    )
    // The same subscription, not a second one, with the rows that came before the view.
    expect(resourceSubs()).toHaveLength(1)
    expect(screen.getByTestId('pods').textContent).toBe('web-0')
  })

  it('starts from whichever answers first, once, and honours a remembered namespace choice', async () => {
    // (A context no other test reads: the selection is cached per page once read.)
    localStorage.setItem('skiff.namespaces.kind-b', JSON.stringify(['b', 'a']))
    const client = new QueryClient()
    startEarly(client, '')
    // The contexts watch's first event is the whole state, here before contexts.list answers.
    await act(async () => {
      subs[0]!.emit(state('kind-b', [ctx('kind-b', 'apps')]))
      await new Promise((resolve) => setTimeout(resolve, 5))
    })
    // The Overview (no section in the address) watches pods, deployments and events.
    expect(resourceSubs().map((s) => s.input)).toEqual(
      ['pods', 'deployments', 'events'].map((kind) => ({ kind, context: 'kind-b', namespaces: ['a', 'b'] })),
    )
    await answerList(state('kind-b', [ctx('kind-b', 'apps')]))
    expect(resourceSubs()).toHaveLength(3)
  })

  it('starts nothing for a section with no first watch, or without a usable context', async () => {
    const client = new QueryClient()
    startEarly(client, '#contexts')
    await answerList(state('kind-dev', [ctx('kind-dev')]))
    startEarly(new QueryClient(), '#workloads')
    // current-context names a context that was deleted: the app shows "no cluster selected".
    await answerList(state('gone', [ctx('kind-dev')]))
    expect(resourceSubs()).toEqual([])
  })

  it('ends an early watch no view took over after the usual linger', async () => {
    vi.useFakeTimers()
    startEarly(new QueryClient(), '#workloads')
    calls[0]!.resolve({ ok: true, value: state('kind-dev', [ctx('kind-dev')]) })
    await vi.advanceTimersByTimeAsync(5)
    const [pods] = resourceSubs()
    // No namespace of its own: all namespaces.
    expect(pods!.input).toEqual({ kind: 'pods', context: 'kind-dev' })
    await vi.advanceTimersByTimeAsync(watchLingerMs - 10)
    expect(pods!.closed).toBe(false)
    await vi.advanceTimersByTimeAsync(10)
    expect(pods!.closed).toBe(true)
  })

  it('lets the first render start once the opening view’s rows are in, not before', async () => {
    const client = new QueryClient()
    const settled = track(startEarly(client, '#workloads'))
    await answerList(state('kind-dev', [ctx('kind-dev')]))
    expect(settled()).toBe(false)
    act(() => resourceSubs()[0]!.emit({ type: 'snapshot', rows: [podRow('web-0')], more: true }))
    await act(() => new Promise((resolve) => setTimeout(resolve, 5)))
    expect(settled()).toBe(true)
  })

  it('lets it start anyway when the rows are slow, and at once with nothing to wait for', async () => {
    vi.useFakeTimers()
    const slow = track(startEarly(new QueryClient(), '#workloads'))
    calls[0]!.resolve({ ok: true, value: state('kind-dev', [ctx('kind-dev')]) })
    await vi.advanceTimersByTimeAsync(FIRST_RENDER_WAIT_MS - 1)
    expect(slow()).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expect(slow()).toBe(true)

    const noWatch = track(startEarly(new QueryClient(), '#contexts'))
    const noContext = track(startEarly(new QueryClient(), '#workloads'))
    calls.at(-1)!.resolve({ ok: true, value: state('gone', [ctx('kind-dev')]) })
    await vi.advanceTimersByTimeAsync(5)
    expect([noWatch(), noContext()]).toEqual([true, true])
  })
})

/** Whether a promise has settled, read synchronously. */
function track(p: Promise<void>): () => boolean {
  let done = false
  void p.then(() => (done = true))
  return () => done
}
