import { describe, expect, it } from 'vitest'
import { DOT, GAP, dotAt, dotGrid, dotOrigin } from './dot-grid'

describe('dot grid', () => {
  it('fills the width row by row and sizes the canvas to the dots it holds', () => {
    const g = dotGrid(10 * (DOT + GAP) - GAP, 25)
    expect(g).toEqual({ cols: 10, rows: 3, width: 10 * (DOT + GAP) - GAP, height: 3 * (DOT + GAP) - GAP })
    expect(dotGrid(1000, 3).width).toBe(3 * (DOT + GAP) - GAP)
    expect(dotGrid(0, 4).cols).toBe(1)
    expect(dotGrid(500, 0).height).toBe(0)
  })

  it('turns a point back into the dot under it, and a gap or the empty tail into none', () => {
    const g = dotGrid(140, 25)
    expect(g.cols).toBe(10)
    const o = dotOrigin(g, 13)
    expect(o).toEqual({ x: 3 * (DOT + GAP), y: DOT + GAP })
    expect(dotAt(g, 25, o.x + 5, o.y + 5)).toBe(13)
    expect(dotAt(g, 25, o.x + DOT + 1, o.y + 5)).toBeUndefined()
    expect(dotAt(g, 25, o.x + 5, o.y + DOT + 1)).toBeUndefined()
    const past = dotOrigin(g, 27)
    expect(dotAt(g, 25, past.x + 2, past.y + 2)).toBeUndefined()
    expect(dotAt(g, 25, -1, 3)).toBeUndefined()
  })
})
