// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { cleanup, render } from '@testing-library/react'
import { TimeText } from './TimeText'

afterEach(cleanup)

describe('TimeText', () => {
  it('shows RFC 3339 times as ages with the exact time kept in the markup', () => {
    const at = new Date(Date.now() - 30 * 60_000).toISOString().replace(/\.\d+Z$/, 'Z')
    const { container } = render(<TimeText text={`Running, started ${at}`} />)
    expect(container.textContent).toBe('Running, started 30m ago')
    expect(container.querySelector('time')?.getAttribute('dateTime')).toBe(at)
  })

  it('leaves text without times alone', () => {
    const { container } = render(<TimeText text="nginx:1.27" />)
    expect(container.textContent).toBe('nginx:1.27')
  })
})
