import type { Spread } from './stats'

/** One line of the bench's table: a figure, its median and spread over runs, and the target it aims at. */
export interface Figure {
  scenario: string
  name: string
  unit: string
  value: Spread
  /** e.g. '< 1000'; empty when the issue sets no target. */
  target: string
  /** Whether the median meets the target; undefined when there is none. */
  met?: boolean
  note?: string
}

export function figure(
  scenario: string,
  name: string,
  unit: string,
  value: Spread,
  target?: { below?: number; atMost?: number; atLeast?: number; text?: string },
  note?: string,
): Figure {
  let met: boolean | undefined
  let text = target?.text ?? ''
  if (target?.below !== undefined) {
    met = value.median < target.below
    text ||= `< ${fmt(target.below)}`
  } else if (target?.atLeast !== undefined) {
    met = value.median >= target.atLeast
    text ||= `≥ ${fmt(target.atLeast)}`
  } else if (target?.atMost !== undefined) {
    met = value.median <= target.atMost
    text ||= `≤ ${fmt(target.atMost)}`
  }
  return {
    scenario,
    name,
    unit,
    value,
    target: text,
    ...(met === undefined ? {} : { met }),
    ...(note ? { note } : {}),
  }
}

export function fmt(n: number): string {
  if (!Number.isFinite(n)) return 'n/a'
  if (Math.abs(n) >= 100) return Math.round(n).toLocaleString('en-US')
  if (Math.abs(n) >= 10) return n.toFixed(1)
  return n.toFixed(2)
}

/** A plain-text table: one row per figure, columns padded to their widest cell. */
export function renderTable(figures: readonly Figure[]): string {
  const header = ['#', 'figure', 'median', 'min–max', 'runs', 'unit', 'target', 'ok', 'note']
  const rows = figures.map((f) => [
    f.scenario,
    f.name,
    fmt(f.value.median),
    `${fmt(f.value.min)}–${fmt(f.value.max)}`,
    String(f.value.runs),
    f.unit,
    f.target,
    f.met === undefined ? '' : f.met ? 'yes' : 'NO',
    f.note ?? '',
  ])
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => (i >= 2 && i <= 4 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd()
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n')
}
