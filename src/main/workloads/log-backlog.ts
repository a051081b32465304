/** A line as the API sends it with `timestamps=true`: `2026-01-01T10:00:00.123456789Z text`. */
export interface StampedLine {
  /** RFC3339 with up to nanoseconds, or '' when the line carries none (a message of Skiff's own). */
  ts: string
  text: string
}

export function splitStamp(line: string): StampedLine {
  const space = line.indexOf(' ')
  const head = space < 0 ? line : line.slice(0, space)
  if (!/^\d{4}-\d\d-\d\dT[\d:.]+(Z|[+-]\d\d:\d\d)$/.test(head)) return { ts: '', text: line }
  return { ts: head, text: space < 0 ? '' : line.slice(space + 1) }
}

/** Orders RFC3339 stamps (Go trims trailing zeros of the fraction, so plain string order is wrong). */
export function compareStamps(a: string, b: string): number {
  const ta = Date.parse(a)
  const tb = Date.parse(b)
  if (ta !== tb) return (Number.isNaN(ta) ? 0 : ta) - (Number.isNaN(tb) ? 0 : tb)
  const fa = fraction(a)
  const fb = fraction(b)
  return fa < fb ? -1 : fa > fb ? 1 : 0
}

function fraction(stamp: string): string {
  const m = /\.(\d+)/.exec(stamp)
  return (m?.[1] ?? '').padEnd(9, '0')
}

export interface PodBacklog {
  pod: string
  lines: StampedLine[]
}

/** Every pod's earlier lines in one timeline, oldest first; lines of one pod keep their order. */
export function mergeBacklogs(backlogs: readonly PodBacklog[]): { pod: string; line: StampedLine }[] {
  const all = backlogs.flatMap((b) => b.lines.map((line, i) => ({ pod: b.pod, line, i })))
  all.sort((x, y) => compareStamps(x.line.ts, y.line.ts) || (x.pod === y.pod ? x.i - y.i : 0))
  return all.map(({ pod, line }) => ({ pod, line }))
}

/**
 * Drops what a follow request opened at `sinceTime` repeats of the backlog already shown: `sinceTime` has
 * whole-second precision, so lines up to and including the backlog's last stamp come again.
 */
export function afterBacklog(last: StampedLine[]): (line: StampedLine) => boolean {
  const lastTs = last.at(-1)?.ts ?? ''
  let repeats = last.filter((l) => l.ts === lastTs).length
  let past = !lastTs
  return (line) => {
    if (past) return true
    const c = compareStamps(line.ts, lastTs)
    if (c < 0) return false
    if (c === 0 && repeats > 0) {
      repeats--
      return false
    }
    past = true
    return true
  }
}
