// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { NoticeArea, NoticeProvider, useNotice } from './Notice'

function Pusher({ text }: { text: string }) {
  const notice = useNotice()
  return (
    <button type="button" onClick={() => notice('ok', text)}>
      push
    </button>
  )
}

afterEach(() => {
  cleanup()
  vi.useRealTimers()
})

describe('notices', () => {
  it('collapse a repeat into one notice with a count, and expire after the last repeat', () => {
    vi.useFakeTimers()
    render(
      <NoticeProvider>
        <Pusher text="Scaled web to 3 replicas." />
        <NoticeArea />
      </NoticeProvider>,
    )
    const push = screen.getByRole('button', { name: 'push' })
    fireEvent.click(push)
    act(() => void vi.advanceTimersByTime(3_000))
    fireEvent.click(push)
    fireEvent.click(push)
    const status = screen.getByRole('status')
    expect(status.querySelectorAll('.notice')).toHaveLength(1)
    expect(screen.getByLabelText('3 times').textContent).toBe('×3')
    // The first push would have expired by now; the repeats kept it.
    act(() => void vi.advanceTimersByTime(2_000))
    expect(status.textContent).toContain('Scaled web to 3 replicas.')
    act(() => void vi.advanceTimersByTime(2_500))
    expect(status.querySelectorAll('.notice')).toHaveLength(0)
  })
})
