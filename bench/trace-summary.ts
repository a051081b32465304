// Main-thread time by event name in a Chromium trace (Playwright's `browser.startTracing`), for profile-cold.ts.

interface TraceEvent {
  name: string
  ph: string
  ts: number
  dur?: number
  pid: number
  tid: number
  args?: { name?: string; data?: { url?: string } }
}

// Scheduler wrappers around the work itself: skipped so the work inside them is what gets counted.
const WRAPPERS = new Set(['RunTask', 'ThreadControllerImpl::RunTask', 'ThreadPool_RunTask'])

/** Top-level ('X') events of the renderer's main thread, summed by name, largest first. */
export function summariseTrace(trace: { traceEvents: TraceEvent[] }, top = 14): string {
  const events = trace.traceEvents
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
  if (!main) return 'trace: no renderer main thread'
  const own = events
    .filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined)
    .filter((e) => !WRAPPERS.has(e.name))
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0))
  // Only events not nested in an earlier one: their durations add up to busy time.
  const totals = new Map<string, number>()
  let end = 0
  let busy = 0
  for (const e of own) {
    if (e.ts < end) continue
    end = e.ts + (e.dur ?? 0)
    busy += e.dur ?? 0
    const key =
      e.name === 'EvaluateScript' || e.name === 'v8.compile' ? `${e.name} ${e.args?.data?.url ?? ''}` : e.name
    totals.set(key, (totals.get(key) ?? 0) + (e.dur ?? 0))
  }
  const rows = [...totals].sort((a, b) => b[1] - a[1]).slice(0, top)
  return [
    `main thread busy ${Math.round(busy / 1000)} ms; top-level events by time:`,
    ...rows.map(([name, us]) => `${String(Math.round(us / 1000)).padStart(6)} ms  ${name.slice(0, 110)}`),
  ].join('\n')
}
