// A page's CPU profile read as a timeline (for profile-cold.ts): for each window of `step` ms from `from` (µs,
// the monotonic clock) to `until` ms later, the busy time and the functions with the most self time, so what
// fills the page's thread at each moment of a cold start can be read beside the request timeline.

export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[]
  startTime: number
  samples: number[]
  timeDeltas: number[]
}

const IDLE = new Set(['(idle)', '(root)'])
/** A gap between samples longer than this is time the process did not run (a starved box), not work. */
const GAP_US = 5_000
const STARVED = '(descheduled)'

export function profileWindows(profile: CpuProfile, from: number, until: number, step = 50): string {
  const name = new Map(
    profile.nodes.map((n) => {
      const f = n.callFrame
      const file = f.url.split('/').pop() ?? ''
      return [
        n.id,
        file ? `${f.functionName || '(anon)'} ${file.replace(/-[\w-]{8}\.js$/, '')}` : f.functionName,
      ]
    }),
  )
  const windows = new Map<number, Map<string, number>>()
  let t = profile.startTime
  profile.samples.forEach((id, i) => {
    t += profile.timeDeltas[i] ?? 0
    const ms = (t - from) / 1000
    const fn = name.get(id) ?? '?'
    if (ms < 0 || ms > until) return
    const w = Math.floor(ms / step) * step
    const byFn = windows.get(w) ?? new Map<string, number>()
    // The time since the previous sample, up to the gap limit, is this sample's; the rest was not running.
    const delta = profile.timeDeltas[i] ?? 0
    if (!IDLE.has(fn)) byFn.set(fn, (byFn.get(fn) ?? 0) + Math.min(delta, GAP_US))
    if (delta > GAP_US) byFn.set(STARVED, (byFn.get(STARVED) ?? 0) + delta - GAP_US)
    windows.set(w, byFn)
  })
  const lines = [`main thread by ${step} ms window (busy ms: top self time; ${STARVED}: gaps in sampling)`]
  for (const [w, byFn] of [...windows].sort((a, b) => a[0] - b[0])) {
    const busy = [...byFn].filter(([fn]) => fn !== STARVED).reduce((a, [, us]) => a + us, 0) / 1000
    const top = [...byFn]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 4)
      .map(([fn, us]) => `${fn} ${(us / 1000).toFixed(0)}`)
    lines.push(`${String(w).padStart(6)}  ${busy.toFixed(0).padStart(3)}: ${top.join(', ')}`)
  }
  return lines.join('\n')
}
