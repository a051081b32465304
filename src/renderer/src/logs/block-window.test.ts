import { describe, expect, it } from 'vitest'
import { blockWindow, centredTop } from './block-window'

describe('blockWindow', () => {
  it('covers the viewport plus the overscan on each side', () => {
    // Blocks of 100 px; the viewport shows 250–850 px, so blocks 2..8, and two more each side.
    expect(blockWindow(250, 600, 100, 1000, 2)).toEqual({ first: 0, end: 11 })
    expect(blockWindow(5000, 600, 100, 1000, 2)).toEqual({ first: 48, end: 58 })
  })

  it('stops at the last block, and renders at least one when there are any', () => {
    expect(blockWindow(9800, 600, 100, 100, 2)).toEqual({ first: 96, end: 100 })
    // Scrolled past the end (the list shrank under the scroll position): the last block still shows.
    expect(blockWindow(50_000, 600, 100, 10, 0)).toEqual({ first: 9, end: 10 })
    expect(blockWindow(0, 0, 100, 3, 0)).toEqual({ first: 0, end: 1 })
  })

  it('renders nothing for an empty list or a negative scroll', () => {
    expect(blockWindow(0, 600, 100, 0, 2)).toEqual({ first: 0, end: 0 })
    expect(blockWindow(-40, 600, 100, 50, 0)).toEqual({ first: 0, end: 6 })
  })
})

describe('centredTop', () => {
  it('puts the line in the middle, never above the top', () => {
    expect(centredTop(1000, 18, 600)).toBe(18_000 - 291)
    expect(centredTop(3, 18, 600)).toBe(0)
  })
})
