// @vitest-environment happy-dom
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { pendingCallBridge } from '../../../../../test/renderer/fake-bridge'
import type { DeleteObject as DeleteObjectType } from './DeleteObject'
import type * as NoticeModule from '../../components/Notice'

const { bridge, calls } = pendingCallBridge()

let DeleteObject: typeof DeleteObjectType
let NoticeProvider: typeof NoticeModule.NoticeProvider
let NoticeArea: typeof NoticeModule.NoticeArea
beforeAll(async () => {
  // The api module picks window.bridge when it loads, so the fake must be in place first.
  window.bridge = bridge
  ;({ DeleteObject } = await import('./DeleteObject'))
  ;({ NoticeProvider, NoticeArea } = await import('../../components/Notice'))
})
afterEach(() => {
  cleanup()
  calls.length = 0
})

describe('DeleteObject', () => {
  it('deletes a pod with the grace period the person set, then says so and closes', async () => {
    const onDeleted = vi.fn()
    render(
      <NoticeProvider>
        <DeleteObject target={{ kind: 'pods', namespace: 'demo', name: 'web-1' }} onDeleted={onDeleted} />
        <NoticeArea />
      </NoticeProvider>,
    )
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }))
    fireEvent.click(screen.getByRole('checkbox', { name: 'Set a grace period' }))
    fireEvent.change(screen.getByLabelText('Grace period in seconds'), { target: { value: '5' } })
    fireEvent.click(screen.getByRole('button', { name: 'Delete pod' }))
    expect(calls).toHaveLength(1)
    expect(calls[0]).toMatchObject({
      method: 'resources.delete',
      input: { kind: 'pods', namespace: 'demo', name: 'web-1', gracePeriodSeconds: 5 },
    })
    await act(async () => calls[0]?.resolve({ ok: true, value: { deleted: true } }))
    expect(onDeleted).toHaveBeenCalledOnce()
    expect(screen.getByText('Deleted pod web-1.')).toBeTruthy()
  })

  it('refuses a bad grace period and sends none when the option is off', () => {
    render(<DeleteObject target={{ kind: 'pods', namespace: 'demo', name: 'web-1' }} onDeleted={() => {}} />)
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }))
    fireEvent.click(screen.getByRole('checkbox', { name: 'Set a grace period' }))
    fireEvent.change(screen.getByLabelText('Grace period in seconds'), { target: { value: '-3' } })
    expect(screen.getByRole('alert').textContent).toMatch(/whole number of seconds/)
    expect((screen.getByRole('button', { name: 'Delete pod' }) as HTMLButtonElement).disabled).toBe(true)
    fireEvent.click(screen.getByRole('checkbox', { name: 'Set a grace period' }))
    fireEvent.click(screen.getByRole('button', { name: 'Delete pod' }))
    expect(calls[0]?.input).not.toHaveProperty('gracePeriodSeconds')
  })

  it('shows the API server’s refusal and keeps the panel open', async () => {
    const onDeleted = vi.fn()
    render(
      <DeleteObject target={{ kind: 'deployments', namespace: 'demo', name: 'web' }} onDeleted={onDeleted} />,
    )
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }))
    expect(screen.queryByRole('checkbox', { name: 'Set a grace period' })).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: 'Delete deployment' }))
    await act(async () =>
      calls[0]?.resolve({
        ok: false,
        error: { code: 'Forbidden', message: 'deployments.apps "web" is forbidden: nope' },
      }),
    )
    expect(screen.getByRole('alert').textContent).toContain('is forbidden: nope')
    expect(onDeleted).not.toHaveBeenCalled()
  })
})
