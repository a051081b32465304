/** Blocks of equal height, placed by arithmetic: the range of them to render for a scroll position. */
export interface BlockWindow {
  /** First block to render (inclusive). */
  first: number
  /** One past the last block to render. */
  end: number
}

/**
 * The blocks that meet the viewport `[top, top + height)`, plus `overscan` on each side. Unwrapped log lines all
 * have one height, so no block needs measuring and a list that grows every frame costs nothing to place; a
 * virtualizer, which keeps a position for every item, recomputed all of them (62,500 at a million lines)
 * each time the count changed.
 */
export function blockWindow(
  top: number,
  height: number,
  blockHeight: number,
  blocks: number,
  overscan: number,
): BlockWindow {
  if (blocks <= 0 || blockHeight <= 0) return { first: 0, end: 0 }
  const from = Math.floor(Math.max(0, top) / blockHeight)
  const to = Math.ceil((Math.max(0, top) + Math.max(0, height)) / blockHeight)
  const first = Math.min(blocks - 1, Math.max(0, from - overscan))
  const end = Math.min(blocks, Math.max(first + 1, to + overscan))
  return { first, end }
}

/** The scroll position that shows `line` (of equal-height lines) in the middle of the viewport. */
export function centredTop(line: number, lineHeight: number, height: number): number {
  return Math.max(0, line * lineHeight - Math.max(0, height - lineHeight) / 2)
}
