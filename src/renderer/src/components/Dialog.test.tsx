// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { cleanup, render } from '@testing-library/react'
import { Dialog } from './Dialog'

afterEach(cleanup)

const closeEvent = (d: HTMLDialogElement): void => {
  d.dispatchEvent(new Event('close'))
}

describe('Dialog', () => {
  it('passes on a close the browser made while open', () => {
    const onClose = vi.fn()
    const { container } = render(
      <Dialog title="Sure?" open onClose={onClose}>
        <p>body</p>
      </Dialog>,
    )
    const d = container.querySelector('dialog')!
    expect(d.open).toBe(true)
    // As a form with method="dialog" would; happy-dom fires `close` at once, a browser a task later.
    d.close()
    expect(onClose).toHaveBeenCalledTimes(1)
  })

  it('ignores the late close event of a close it made itself, so state set since is kept', () => {
    const onClose = vi.fn()
    const { container, rerender } = render(
      <Dialog title="Sure?" open onClose={onClose}>
        <p>body</p>
      </Dialog>,
    )
    rerender(
      <Dialog title="Sure?" open={false} onClose={onClose}>
        <p>body</p>
      </Dialog>,
    )
    const d = container.querySelector('dialog')!
    expect(d.open).toBe(false)
    // The browser's queued `close` arrives after the person went on (e.g. typed a new value).
    closeEvent(d)
    expect(onClose).not.toHaveBeenCalled()
  })

  it('ignores a stale close event that arrives after the dialog opened again', () => {
    const onClose = vi.fn()
    const { container, rerender } = render(
      <Dialog title="Sure?" open onClose={onClose}>
        <p>body</p>
      </Dialog>,
    )
    const el = (open: boolean) => (
      <Dialog title="Sure?" open={open} onClose={onClose}>
        <p>body</p>
      </Dialog>
    )
    rerender(el(false))
    rerender(el(true))
    const d = container.querySelector('dialog')!
    expect(d.open).toBe(true)
    closeEvent(d)
    expect(onClose).not.toHaveBeenCalled()
  })
})
