// @vitest-environment happy-dom
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import type { RolloutPanel as RolloutPanelType } from './RolloutPanel'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import type { ApiErrorBody, Bridge, CallResult, RolloutRevision } from '@shared/contract'

const revisions: RolloutRevision[] = [
  {
    revision: 2,
    changeCause: 'set nginx 1.26',
    images: ['nginx:1.26'],
    containers: ['nginx'],
    createdAt: '2026-11-25T12:00:00Z',
    replicaSet: 'web-b',
    replicas: 0,
    readyReplicas: 0,
    current: false,
  },
  {
    revision: 3,
    images: ['nginx:1.27'],
    containers: ['nginx'],
    createdAt: '2026-11-25T12:05:00Z',
    replicaSet: 'web-c',
    replicas: 2,
    readyReplicas: 2,
    current: true,
  },
]
const calls: { method: string; input: Record<string, unknown> }[] = []
let emitStatus: ((e: unknown) => void) | undefined
const answers: Record<string, unknown> = {
  'rollout.history': { revisions },
  'rollout.diff': {
    from: { revision: 3, yaml: 'image: nginx:1.27\n' },
    to: { revision: 2, yaml: 'image: nginx:1.26\n' },
  },
  'rollout.undo': { rolledBack: true, toRevision: 2, message: 'deployment.apps/web rolled back' },
}
const bridge: Bridge = {
  transport: 'web',
  call(method, input) {
    calls.push({ method, input: input as Record<string, unknown> })
    return Promise.resolve({ ok: true, value: answers[method] } as CallResult<unknown>)
  },
  subscribe(_stream, _input, onEvent, _onEnd: (e?: ApiErrorBody) => void) {
    emitStatus = onEvent
    return () => (emitStatus = undefined)
  },
}

let RolloutPanel: typeof RolloutPanelType
beforeAll(async () => {
  window.bridge = bridge
  ;({ RolloutPanel } = await import('./RolloutPanel'))
})
afterEach(() => {
  cleanup()
  calls.length = 0
})

function renderPanel(): void {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  render(
    <QueryClientProvider client={client}>
      <RolloutPanel namespace="default" name="web" containers={['web']} />
    </QueryClientProvider>,
  )
}

describe('RolloutPanel', () => {
  it('shows live status words and the timeline newest first', async () => {
    renderPanel()
    act(() =>
      emitStatus?.({
        message: 'deployment "web" successfully rolled out',
        done: true,
        failed: false,
        paused: false,
        revision: 3,
      }),
    )
    expect(screen.getByRole('status', { name: 'Rollout status' }).textContent).toBe(
      'deployment "web" successfully rolled out',
    )
    const list = await screen.findByRole('list', { name: 'Revisions' })
    const items = within(list).getAllByRole('listitem')
    expect(items.map((li) => li.querySelector('strong')?.textContent)).toEqual(['Revision 3', 'Revision 2'])
    expect(items[0]?.getAttribute('aria-current')).toBe('true')
    expect(items[1]?.textContent).toContain('set nginx 1.26')
  })

  it('rolls back only after a confirm that shows the diff', async () => {
    renderPanel()
    act(() => emitStatus?.({ message: 'ok', done: true, failed: false, paused: false, revision: 3 }))
    fireEvent.click(await screen.findByRole('button', { name: 'Roll back to this revision' }))
    const dialog = await screen.findByRole('dialog', { name: 'Roll back web to revision 2?' })
    await waitFor(() =>
      expect(dialog.querySelector('.diff-line.removed')?.textContent).toBe('image: nginx:1.27'),
    )
    expect(dialog.querySelector('.diff-line.added')?.textContent).toBe('image: nginx:1.26')
    expect(calls.find((c) => c.method === 'rollout.diff')?.input).toMatchObject({ from: 3, to: 2 })
    expect(calls.some((c) => c.method === 'rollout.undo')).toBe(false)
    fireEvent.click(within(dialog).getByRole('button', { name: 'Roll back to revision 2' }))
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'rollout.undo')?.input).toMatchObject({
        name: 'web',
        toRevision: 2,
      }),
    )
  })

  it('compares any two revisions side by side', async () => {
    renderPanel()
    fireEvent.change(await screen.findByLabelText('Compare from'), { target: { value: '2' } })
    fireEvent.change(screen.getByLabelText('Compare to'), { target: { value: '3' } })
    fireEvent.click(screen.getByRole('button', { name: 'Compare' }))
    await screen.findByRole('dialog', { name: 'Revision 2 and revision 3' })
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'rollout.diff')?.input).toMatchObject({ from: 2, to: 3 }),
    )
  })
})
