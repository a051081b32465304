// Where each pod's dot sits in a graph group: a grid of fixed cells filling the width, row by row, so the
// canvas can draw hundreds of dots in one pass and turn a click back into the pod under it.

/** Dot diameter and the gap after it, in CSS pixels (the same sizes the DOM dots had). */
export const DOT = 11
export const GAP = 3
const PITCH = DOT + GAP

export interface DotGrid {
  cols: number
  rows: number
  /** CSS pixels. */
  width: number
  height: number
}

export function dotGrid(available: number, count: number): DotGrid {
  const cols = Math.max(1, Math.floor((available + GAP) / PITCH))
  const rows = Math.ceil(count / cols)
  return { cols, rows, width: Math.min(count, cols) * PITCH - GAP, height: rows > 0 ? rows * PITCH - GAP : 0 }
}

/** Top-left corner of dot `i`. */
export function dotOrigin(grid: DotGrid, i: number): { x: number; y: number } {
  return { x: (i % grid.cols) * PITCH, y: Math.floor(i / grid.cols) * PITCH }
}

/** The dot under a point (CSS pixels from the canvas's top-left), or undefined in a gap or past the end. */
export function dotAt(grid: DotGrid, count: number, x: number, y: number): number | undefined {
  if (x < 0 || y < 0) return undefined
  const col = Math.floor(x / PITCH)
  const row = Math.floor(y / PITCH)
  // The gap right of and under each dot belongs to no pod; a click there picks nothing.
  if (col >= grid.cols || x - col * PITCH >= DOT || y - row * PITCH >= DOT) return undefined
  const i = row * grid.cols + col
  return i < count ? i : undefined
}
