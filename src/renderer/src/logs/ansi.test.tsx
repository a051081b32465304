// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { cleanup, render } from '@testing-library/react'
import { AnsiLine, ansiSegments } from './ansi'

afterEach(cleanup)

describe('ANSI rendering', () => {
  it('turns colour codes into styled runs and leaves plain text alone', () => {
    expect(ansiSegments('plain')).toEqual([{ text: 'plain' }])
    const segs = ansiSegments('a\u001b[31mred\u001b[0m \u001b[1;32mgreen\u001b[0m')
    expect(segs.map((s) => s.text)).toEqual(['a', 'red', ' ', 'green'])
    expect(segs[1]?.style).toEqual({ color: 'rgb(187, 0, 0)' })
    expect(segs[3]?.style).toMatchObject({ color: 'rgb(0, 187, 0)', fontWeight: 'bold' })
  })

  it('renders colours as spans and marks search matches inside them', () => {
    const { container } = render(
      <AnsiLine text={'ok \u001b[31mERROR here\u001b[0m and error'} query="error" />,
    )
    expect(container.textContent).toBe('ok ERROR here and error')
    const red = container.querySelector('span[style]') as HTMLElement
    expect(red.style.color).toBe('rgb(187, 0, 0)')
    const marks = [...container.querySelectorAll('mark')].map((m) => m.textContent)
    expect(marks).toEqual(['ERROR', 'error'])
  })
})
