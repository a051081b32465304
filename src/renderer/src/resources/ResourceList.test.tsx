// @vitest-environment happy-dom
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import type { ApiErrorBody, Bridge, CallResult } from '@shared/contract'
import type { Row, SecretRow } from '@shared/rows'
import type { ResourceList as ResourceListComponent } from './ResourceList'
import { installFakeLayout } from '../../../../test/renderer/layout'
import { podRow } from '../../../../test/renderer/rows'

const snapshots: Record<string, Row[]> = {}
/** When set for a kind, its snapshot is sent as these parts instead. */
const parts: Record<string, { rows: Row[]; more?: true }[]> = {}
const calls: { method: string; input: unknown }[] = []
const failures: Record<string, ApiErrorBody> = {}
const answers: Record<string, (input: Record<string, unknown>) => unknown> = {
  'resources.detail': (i) => ({
    ref: i,
    sections:
      i.kind === 'secrets'
        ? [
            {
              title: 'Data',
              items: [
                { label: 'password', value: '9 bytes' },
                { label: 'cert.der', value: '1204 bytes' },
              ],
            },
          ]
        : [{ title: 'Overview', items: [{ label: 'Node', value: 'node-1' }] }],
    conditions: [],
    links:
      i.kind === 'pods'
        ? [{ relation: 'Controlled by', ref: { kind: 'replicasets', namespace: 'demo', name: 'web-5d' } }]
        : [],
  }),
  'secrets.reveal': (i) =>
    i.key === 'password'
      ? { value: 'change-me', binary: false, size: 9 }
      : { value: '', binary: true, size: 1204 },
}
const bridge: Bridge = {
  transport: 'web',
  async call(method, input): Promise<CallResult<unknown>> {
    calls.push({ method, input })
    const answer = answers[method]
    if (!answer) return { ok: false, error: { code: 'UnknownMethod', message: method } }
    return { ok: true, value: answer(input as Record<string, unknown>) }
  },
  subscribe(_stream, input, onEvent, onEnd) {
    const kind = (input as { kind: string }).kind
    const failure = failures[kind]
    const t = setTimeout(() => {
      if (failure) return onEnd(failure)
      const split = parts[kind]
      if (split) for (const part of split) onEvent({ type: 'snapshot', ...part })
      else onEvent({ type: 'snapshot', rows: snapshots[kind] ?? [] })
    }, 0)
    return () => clearTimeout(t)
  },
}

let ResourceList: typeof ResourceListComponent
beforeAll(async () => {
  window.bridge = bridge
  ;({ ResourceList } = await import('./ResourceList'))
  // The detail panel is a lazy chunk: load it once here, so opening it in a test waits only for React.
  await import('./detail/DetailPanel')
})
/** The detail panel appears once its lazy chunk has loaded. */
const LOADED = { timeout: 10_000 }
installFakeLayout()
afterEach(() => {
  cleanup()
  localStorage.clear()
  calls.length = 0
})

async function settle(): Promise<void> {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 20))
  })
}

async function show(node: ReactNode): Promise<void> {
  render(<QueryClientProvider client={new QueryClient()}>{node}</QueryClientProvider>)
  await settle()
  await settle()
}

const secret: SecretRow = {
  kind: 'secrets',
  key: 'demo/db-pass',
  name: 'db-pass',
  namespace: 'demo',
  uid: 's1',
  createdAt: '2026-11-25T12:00:00Z',
  labels: {},
  type: 'Opaque',
  data: 2,
}

describe('ResourceList', () => {
  it('says what to do when the chosen namespace has no pods', async () => {
    localStorage.setItem('skiff.namespaces.(current)', JSON.stringify(['demo']))
    snapshots.pods = []
    await show(<ResourceList kind="pods" empty={(ns) => <p>No pods in namespace {ns.join(',')}</p>} />)
    expect(await screen.findByText('No pods in namespace demo', {}, LOADED)).toBeTruthy()
  })

  it('shows the rows of a big list while the rest is still arriving, and says so', async () => {
    localStorage.setItem('skiff.namespaces.(current)', JSON.stringify(['demo']))
    parts.replicasets = [{ rows: [{ ...podRow('a'), kind: 'replicasets' } as unknown as Row], more: true }]
    await show(<ResourceList kind="replicasets" empty={() => 'none'} />)
    expect(await screen.findByText('1 replica set so far', {}, LOADED)).toBeTruthy()
    expect(screen.getByRole('grid')).toBeTruthy()
    expect(screen.getByText('Loading…')).toBeTruthy()
    delete parts.replicasets
  })

  it("shows the API server's message when the watch is refused", async () => {
    failures.configmaps = {
      code: 'Forbidden',
      message: 'configmaps is forbidden: User "dev" cannot list configmaps',
    }
    await show(<ResourceList kind="configmaps" empty={() => 'none'} />)
    expect((await screen.findByRole('alert', {}, LOADED)).textContent).toContain(
      'User "dev" cannot list configmaps',
    )
    expect(screen.getByText('Not updating')).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Retry' })).toBeTruthy()
  })

  it('filters by label selector and explains a bad one', async () => {
    snapshots.pods = [
      podRow('web-1', { labels: { app: 'web' } }),
      podRow('db-0', { labels: { app: 'db' } }),
      podRow('web-2', { labels: { app: 'web', tier: 'canary' } }),
    ]
    await show(<ResourceList kind="pods" empty={() => 'none'} />)
    const keyed = (): (string | undefined)[] =>
      screen
        .getAllByRole('row')
        .filter((r) => r.dataset.key)
        .map((r) => r.dataset.key)
    await waitFor(() => expect(keyed()).toHaveLength(3), LOADED)
    const selector = screen.getByLabelText('Label selector')
    fireEvent.change(selector, { target: { value: 'app=web,tier notin (canary)' } })
    await waitFor(() => expect(keyed()).toEqual(['demo/web-1']), LOADED)
    expect(screen.getByText('1 of 3')).toBeTruthy()
    fireEvent.change(selector, { target: { value: 'app in (web' } })
    expect((await screen.findByRole('alert', {}, LOADED)).textContent).toMatch(
      /Invalid label selector: expected "," or "\)"/,
    )
    expect(selector.getAttribute('aria-invalid')).toBe('true')
  })

  it('opens a detail panel, follows the owner link and closes on Esc', async () => {
    snapshots.pods = [podRow('web-1')]
    await show(<ResourceList kind="pods" empty={() => 'none'} />)
    fireEvent.click(screen.getAllByRole('row').find((r) => r.dataset.key === 'demo/web-1')!)
    await settle()
    const dialog = await screen.findByRole('dialog', { name: 'web-1' }, LOADED)
    // The owner link comes with the pod's detail, which may follow the panel.
    fireEvent.click(await within(dialog).findByRole('button', { name: /ReplicaSet web-5d/ }, LOADED))
    await screen.findByRole('dialog', { name: 'web-5d' }, LOADED)
    // Asked for, not necessarily last: the contexts query can refetch after it (it did on a loaded box).
    await waitFor(
      () =>
        expect(calls).toContainEqual({
          method: 'resources.detail',
          input: { kind: 'replicasets', namespace: 'demo', name: 'web-5d' },
        }),
      LOADED,
    )
    fireEvent.click(screen.getByRole('button', { name: 'Back to the previous object' }))
    expect(screen.getByRole('dialog', { name: 'web-1' })).toBeTruthy()
    fireEvent.keyDown(document.body, { key: 'Escape' })
    expect(screen.queryByRole('dialog')).toBeNull()
  })

  it('masks secret values until each key is revealed; binary values are described, not shown', async () => {
    snapshots.secrets = [secret]
    await show(<ResourceList kind="secrets" empty={() => 'none'} />)
    fireEvent.click(screen.getAllByRole('row').find((r) => r.dataset.key === 'demo/db-pass')!)
    await settle()
    expect(await screen.findByLabelText('password is hidden', {}, LOADED)).toBeTruthy()
    expect(screen.queryByText('change-me')).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: 'Reveal password' }))
    expect((await screen.findByLabelText('Value of password', {}, LOADED)).textContent).toBe('change-me')
    expect(screen.getByLabelText('cert.der is hidden')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Reveal cert.der' }))
    expect(await screen.findByText('binary, 1,204 bytes', {}, LOADED)).toBeTruthy()
    expect(calls.filter((c) => c.method === 'secrets.reveal').map((c) => c.input)).toEqual([
      { namespace: 'demo', name: 'db-pass', key: 'password' },
      { namespace: 'demo', name: 'db-pass', key: 'cert.der' },
    ])
  })
})
