import { spread } from './stats'
import { fmt, type Figure } from './table'
import type { SoakReading } from './soak-scenario'

/** One line per simulated hour: memory after GC and what the backend holds open. */
export function renderSoakHours(readings: readonly SoakReading[]): string {
  const header = [
    'hour',
    'at s',
    'backend RSS MB',
    'backend heap MB',
    'page heap MB',
    'page code MB',
    'page rest MB',
    'DOM nodes',
    'listeners',
    'watch caches',
    'watch requests',
    'streams',
    'SSE streams',
    'timers',
    'sockets',
  ]
  const rows = readings.map((r) =>
    [
      r.hour,
      r.atS,
      r.backendRssMb,
      r.backendHeapMb,
      r.pageHeapMb,
      r.pageCodeMb,
      r.pageNonCodeMb,
      r.domNodes,
      r.listeners,
      r.watchCaches,
      r.watchRequests,
      r.subscriptions,
      r.sseStreams,
      r.timers,
      r.sockets,
    ].map((n) => (Number.isInteger(n) ? String(n) : fmt(n))),
  )
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  const line = (cells: string[]): string => cells.map((c, i) => c.padStart(widths[i] ?? 0)).join('  ')
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n')
}

/**
 * Change from hour 1 to the last hour in %, against the target of growing no more than 10 % (a fall is
 * memory of the session's start given back, not a leak); and the counts at both ends.
 */
export function soakFigures(readings: readonly SoakReading[]): Figure[] {
  const first = readings[0]
  const last = readings.at(-1)
  if (!first || !last || readings.length < 2) return []
  const hours = `hour 1 → hour ${last.hour}`
  const second = readings[1]
  const change = (name: string, a: number, b: number, note: string, from = first.hour): Figure => {
    const pct = ((b - a) / a) * 100
    return {
      scenario: 'soak',
      name: `${name}, ${from === first.hour ? hours : `hour ${from} → hour ${last.hour}`}`,
      unit: '%',
      value: spread([pct]),
      target: '≤ +10 %',
      met: pct <= 10,
      note: `${fmt(a)} → ${fmt(b)} ${note}`,
    }
  }
  const count = (name: string, pick: (r: SoakReading) => number): Figure => ({
    scenario: 'soak',
    name: `${name}, hour ${last.hour}`,
    unit: '',
    value: spread([pick(last)]),
    target: `= hour 1 (${pick(first)})`,
    met: pick(last) <= pick(first),
  })
  return [
    change('Backend RSS after GC', first.backendRssMb, last.backendRssMb, 'MB'),
    change('Backend JS heap after GC', first.backendHeapMb, last.backendHeapMb, 'MB'),
    change('Page JS heap after GC', first.pageHeapMb, last.pageHeapMb, 'MB'),
    // V8's compiled code grows with what has run and tiered up, and is flushed again; the rest is the app's.
    change('Page heap without compiled code', first.pageNonCodeMb, last.pageNonCodeMb, 'MB'),
    ...(second && second !== last
      ? [change('Page JS heap after GC (from hour 2)', second.pageHeapMb, last.pageHeapMb, 'MB', second.hour)]
      : []),
    change('Page DOM nodes', first.domNodes, last.domNodes, 'nodes'),
    count('Backend watch caches at rest', (r) => r.watchCaches),
    count('Backend streams at rest', (r) => r.subscriptions),
    count('Backend timers at rest', (r) => r.timers),
    count('Backend sockets at rest', (r) => r.sockets),
  ]
}
