// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { act, cleanup, render, screen } from '@testing-library/react'
import type { ReactNode } from 'react'
import { FALLBACK_MS, markFirstRows, resetFirstRows, useAfterFirstRows } from './first-rows'

function Probe(): ReactNode {
  return <p>{useAfterFirstRows() ? 'after' : 'before'}</p>
}

afterEach(() => {
  cleanup()
  resetFirstRows()
  vi.useRealTimers()
})

describe('after the first rows', () => {
  it('waits for the first rows, then stays open', () => {
    render(<Probe />)
    expect(screen.getByText('before')).toBeTruthy()
    act(() => markFirstRows())
    expect(screen.getByText('after')).toBeTruthy()
  })

  it('lets secondary work start anyway on a screen that shows no rows', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    render(<Probe />)
    act(() => vi.advanceTimersByTime(FALLBACK_MS - 1))
    expect(screen.getByText('before')).toBeTruthy()
    act(() => vi.advanceTimersByTime(1))
    expect(screen.getByText('after')).toBeTruthy()
  })
})
