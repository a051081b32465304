import { readdirSync, readFileSync } from 'node:fs'
import type { CDPSession } from 'playwright-core'
import type { WebDiagnostics } from '../src/main/transport/http'
import { webDoor } from './web-api'

// Idle CPU (issue 22): with nothing changing in the cluster, how much CPU the backend and the page still use.

const TICKS_PER_SECOND = 100 // USER_HZ on Linux

/**
 * How long a settled process has gone without a full garbage collection before its idle CPU is read. V8's
 * memory reducer runs a few full collections once a process goes quiet: the previous step's garbage, not idle
 * work. They came 8-25 s after the last full collection on earlier boxes and 33-42 s after it on stop 19's (a
 * lone Node 20 process holding 400 MB of objects, `--expose-gc`, one gc() and then idle: full collections at
 * 34 and 42 s, none in the next 95 s), where 25 s of quiet put them inside the window (2.2-2.7 % instead of
 * 0.06 %). Young-generation collections are not waited out: an idle process that still allocates (the event
 * stream's keep-alives) has them every half minute or so, and they are its idle work.
 */
export const SETTLED_GC_QUIET_MS = 45_000
/** The longest the bench waits for that. */
export const SETTLE_MAX_MS = 150_000

/** CPU seconds (user + system, all threads) a process has used so far, from /proc/PID/stat. */
export function processCpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  // Fields after the command name (which may hold spaces) start at state; utime and stime are 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND
}

/** CPU ticks each thread of a process has used so far, by "name tid" (/proc/PID/task/TID/stat). */
export function threadTicks(pid: number): Map<string, number> {
  const out = new Map<string, number>()
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8')
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      out.set(`${name} ${tid}`, Number(fields[11]) + Number(fields[12]))
    } catch {
      // the thread ended between the listing and the read
    }
  }
  return out
}

/** Seconds the page's main thread has spent in tasks so far (CDP Performance.getMetrics `TaskDuration`). */
export async function pageTaskSeconds(cdp: CDPSession): Promise<number> {
  await cdp.send('Performance.enable')
  const { metrics } = await cdp.send('Performance.getMetrics')
  return metrics.find((m) => m.name === 'TaskDuration')?.value ?? Number.NaN
}

/** CPU use in percent of one core over `seconds`, from two readings of a cumulative CPU-seconds counter. */
export async function idleCpuPercent(read: () => Promise<number> | number, seconds: number): Promise<number> {
  const before = await read()
  const t0 = performance.now()
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000))
  const after = await read()
  return ((after - before) / ((performance.now() - t0) / 1000)) * 100
}

/**
 * For attributing idle CPU: starts now and, once `end` is called, tells the window's bounds on the monotonic
 * clock (microseconds, as a --cpu-prof profile's timestamps: `profileWindows` reads one over it) and in the
 * web process's age (its --trace-gc times), its diagnostics (live watches, streams, Node's handles by type,
 * GCs) before and after, and its CPU ticks in each second of the window, all threads and per thread.
 */
export async function idleWindowDiagnostics(
  webUrl: string,
  pid: number,
  seconds: number,
): Promise<{ end(): Promise<object> }> {
  const { origin, auth } = webDoor(webUrl)
  const read = async (): Promise<WebDiagnostics> =>
    (await (await fetch(`${origin}/api/diagnostics`, { headers: auth })).json()) as WebDiagnostics
  const before = await read()
  const startUs = Number(process.hrtime.bigint() / 1000n)
  // The web process's age now, to find the window in its --trace-gc lines (ms since it started).
  const startedTicks = Number(
    readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ')[19] ?? Number.NaN,
  )
  const ageMs = Math.round(
    (Number(readFileSync('/proc/uptime', 'utf8').split(' ')[0]) - startedTicks / TICKS_PER_SECOND) * 1000,
  )
  const ticks: number[] = []
  const threadsBefore = threadTicks(pid)
  let last = processCpuSeconds(pid)
  const timer = setInterval(() => {
    const now = processCpuSeconds(pid)
    ticks.push(Math.round((now - last) * TICKS_PER_SECOND))
    last = now
  }, 1000)
  return {
    async end() {
      clearInterval(timer)
      const endUs = Number(process.hrtime.bigint() / 1000n)
      const threads: Record<string, number> = {}
      for (const [name, n] of threadTicks(pid)) {
        const used = n - (threadsBefore.get(name) ?? 0)
        if (used > 0) threads[name] = used
      }
      const after = await read()
      const pick = (d: WebDiagnostics) => ({
        heapMb: Math.round(d.heapUsedBytes / 1e6),
        subscriptions: d.subscriptions,
        sseStreams: d.sseStreams,
        live: d.live,
        resources: d.resources,
        gc: d.gc,
      })
      return {
        startUs,
        endUs,
        ageMs,
        seconds,
        ticksPerSecond: ticks,
        threads,
        before: pick(before),
        after: pick(after),
      }
    },
  }
}

/** The web backend's garbage collections so far (counted from its first diagnostics request). */
export async function backendGc(webUrl: string): Promise<WebDiagnostics['gc']> {
  const { origin, auth } = webDoor(webUrl)
  return ((await (await fetch(`${origin}/api/diagnostics`, { headers: auth })).json()) as WebDiagnostics).gc
}

/** One look at the web backend while waiting for it to settle. */
export interface SettleReading {
  atMs: number
  /** What it holds open (watch caches and requests, subscriptions, streams): must hold still. */
  holds: string
  /** Full collections so far: must hold still too. */
  fullGcs: number
}

/**
 * Whether the backend has settled: `minMs` have passed (the views left behind end their watches 10 s after
 * they unmount), and for `quietMs` (SETTLED_GC_QUIET_MS) there has been no full collection and nothing opened
 * or closed.
 */
export function isSettled(readings: SettleReading[], minMs: number, quietMs: number): boolean {
  const last = readings.at(-1)
  if (!last || last.atMs < minMs || readings[0]!.atMs > last.atMs - quietMs) return false
  const since = readings.filter((r) => r.atMs >= last.atMs - quietMs)
  return since.every((r) => r.holds === last.holds && r.fullGcs === last.fullGcs)
}

/**
 * Waits (reading /api/diagnostics once a second) until `isSettled`, or `maxMs`. Once `minMs` have passed it
 * asks the backend for one full collection (`?gc=1`, a backend started with --expose-gc): V8 would collect
 * that garbage by itself some 8-40 s later, and a window that caught it measured the step before. Says how
 * long it waited and whether it settled; an unsettled backend is measured all the same (the figure then
 * shows its work).
 */
export async function waitForSettledBackend(
  webUrl: string,
  opts: { minMs: number; quietMs: number; maxMs: number },
): Promise<{ waitedMs: number; settled: boolean }> {
  const { origin, auth } = webDoor(webUrl)
  const t0 = performance.now()
  const readings: SettleReading[] = []
  let collected = false
  for (;;) {
    const collect: boolean = !collected && performance.now() - t0 >= opts.minMs
    collected ||= collect
    const res = await fetch(`${origin}/api/diagnostics${collect ? '?gc=1' : ''}`, { headers: auth })
    const d = (await res.json()) as WebDiagnostics
    readings.push({
      atMs: performance.now() - t0,
      holds: `${d.live['watch caches'] ?? 0}/${d.live['watch requests'] ?? 0}/${d.subscriptions}/${d.sseStreams}`,
      // The forced collection's own entry arrives a moment later and counts in the next reading: quiet starts
      // again from it.
      fullGcs: d.gc.major,
    })
    const waitedMs = performance.now() - t0
    if (isSettled(readings, opts.minMs, opts.quietMs)) return { waitedMs, settled: true }
    if (waitedMs >= opts.maxMs) return { waitedMs, settled: false }
    await new Promise((resolve) => setTimeout(resolve, 1000))
  }
}
