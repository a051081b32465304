// @vitest-environment happy-dom
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import type { ScaleControl as ScaleControlType } from './ScaleControl'
import { pendingCallBridge } from '../../../../test/renderer/fake-bridge'
import type { PodRow } from '@shared/rows'

function podRow(name: string, over: Partial<PodRow>): PodRow {
  const base = { kind: 'pods' as const, key: `default/${name}`, name, namespace: 'default', uid: name }
  return {
    ...base,
    createdAt: '',
    labels: {},
    ready: '1/1',
    status: 'Running',
    phase: 'Running',
    restarts: 0,
    containers: ['web'],
    ...over,
  }
}

const { bridge, calls } = pendingCallBridge()

let ScaleControl: typeof ScaleControlType
let coalesceMs: number
beforeAll(async () => {
  // The api module picks window.bridge when it loads, so the fake must be in place first.
  window.bridge = bridge
  ;({ ScaleControl, SCALE_COALESCE_MS: coalesceMs } = await import('./ScaleControl'))
})
afterEach(() => {
  cleanup()
  vi.useRealTimers()
  calls.length = 0
})

/** Steps are sent once the clicking stops; fake time says when that is. */
function stepsSettle(): void {
  act(() => {
    vi.advanceTimersByTime(coalesceMs)
  })
}

const input = (): HTMLInputElement => screen.getByLabelText('Replicas')
function typeAndEnter(value: string): void {
  fireEvent.change(input(), { target: { value } })
  fireEvent.keyDown(input(), { key: 'Enter' })
}

describe('ScaleControl', () => {
  it('scales up with + and keeps the new value once the server accepts', async () => {
    vi.useFakeTimers()
    render(<ScaleControl namespace="default" name="web" replicas={2} />)
    fireEvent.click(screen.getByRole('button', { name: 'More replicas' }))
    expect(calls).toHaveLength(0)
    stepsSettle()
    expect(calls).toHaveLength(1)
    expect(calls[0]?.method).toBe('deployments.scale')
    expect(calls[0]?.input).toMatchObject({
      kind: 'deployments',
      namespace: 'default',
      name: 'web',
      replicas: 3,
    })
    expect(input().value).toBe('3')
    await act(async () => calls[0]?.resolve({ ok: true, value: { replicas: 3 } }))
    expect(input().value).toBe('3')
  })

  it('refuses negative and non-integer counts without calling the server', () => {
    render(<ScaleControl namespace="default" name="web" replicas={2} />)
    typeAndEnter('-1')
    expect(screen.getByRole('alert').textContent).toBe('Replicas cannot be negative.')
    typeAndEnter('1.5')
    expect(screen.getByRole('alert').textContent).toBe('Replicas must be a whole number.')
    typeAndEnter('')
    expect(calls).toHaveLength(0)
    expect(input().value).toBe('2')
  })

  it('asks before scaling to zero and only then calls', async () => {
    render(<ScaleControl namespace="default" name="web" replicas={1} />)
    fireEvent.click(screen.getByRole('button', { name: 'Fewer replicas' }))
    expect(calls).toHaveLength(0)
    expect(screen.getByRole('dialog', { name: 'Scale web to 0?' })).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Scale to 0' }))
    expect(calls[0]?.input).toMatchObject({ replicas: 0 })
    expect(calls[0]?.input.confirm).toBeUndefined()
  })

  it('asks above the cap and sends confirm: true', () => {
    render(<ScaleControl namespace="default" name="web" replicas={2} />)
    typeAndEnter('150')
    expect(calls).toHaveLength(0)
    fireEvent.click(screen.getByRole('button', { name: 'Scale to 150' }))
    expect(calls[0]?.input).toMatchObject({ replicas: 150, confirm: true })
  })

  it('sends three quick clicks on + as one request for the final value', async () => {
    vi.useFakeTimers()
    render(<ScaleControl namespace="default" name="web" replicas={2} />)
    const more = screen.getByRole('button', { name: 'More replicas' })
    fireEvent.click(more)
    fireEvent.click(more)
    fireEvent.click(more)
    expect(input().value).toBe('5')
    stepsSettle()
    expect(calls.map((c) => c.input.replicas)).toEqual([5])
    // A step while that request is out is sent after it, again only once.
    fireEvent.click(screen.getByRole('button', { name: 'Fewer replicas' }))
    stepsSettle()
    expect(calls).toHaveLength(1)
    await act(async () => calls[0]?.resolve({ ok: true, value: { replicas: 5 } }))
    expect(calls.map((c) => c.input.replicas)).toEqual([5, 4])
    expect(input().value).toBe('4')
  })

  it('sends a typed value on Enter at once, even 0 after confirming', () => {
    render(<ScaleControl namespace="default" name="web" replicas={2} />)
    typeAndEnter('0')
    expect(calls).toHaveLength(0)
    fireEvent.click(screen.getByRole('button', { name: 'Scale to 0' }))
    expect(calls.map((c) => c.input.replicas)).toEqual([0])
    expect(input().value).toBe('0')
  })

  it('puts the typed value back when the confirmation is cancelled', () => {
    render(<ScaleControl namespace="default" name="web" replicas={2} />)
    typeAndEnter('150')
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }))
    expect(input().value).toBe('2')
    expect(calls).toHaveLength(0)
  })

  it('rolls back its optimistic value and shows the server words on failure', async () => {
    vi.useFakeTimers()
    render(<ScaleControl namespace="default" name="web" replicas={2} />)
    fireEvent.click(screen.getByRole('button', { name: 'More replicas' }))
    expect(input().value).toBe('3')
    stepsSettle()
    await act(async () =>
      calls[0]?.resolve({
        ok: false,
        error: { code: 'Forbidden', message: 'Could not scale deployment "web" to 3: quota exceeded' },
      }),
    )
    expect(input().value).toBe('2')
    expect(screen.getByRole('alert').textContent).toContain('quota exceeded')
  })

  it('shows a dot per pod by state', () => {
    const pods = [
      podRow('web-a', { status: 'Running', phase: 'Running', ready: '1/1' }),
      podRow('web-b', { status: 'ContainerCreating', phase: 'Pending', ready: '0/1' }),
      podRow('web-c', { status: 'CrashLoopBackOff', phase: 'Running', ready: '0/1' }),
    ]
    render(<ScaleControl namespace="default" name="web" replicas={3} pods={pods} />)
    const dots = screen.getByRole('img', { name: 'Pods: 1 running, 1 pending, 1 failed' })
    expect([...dots.querySelectorAll('.pod-dot')].map((d) => d.getAttribute('data-state'))).toEqual([
      'running',
      'pending',
      'failed',
    ])
  })
})
