// `npx tsx bench/profile-cold.ts [pods] [--runs N] [--static DIR] [--b-static DIR] [--b-root DIR] [--trace FILE]
// [--cpu-prof-dir DIR]`: where a cold start's time goes. A fresh Chromium opens the app straight on Pods (as bench
// scenario 1's "cold start" does) on a sandbox of that many pods; each run prints the page's timeline: document,
// scripts and styles, first paint, each API request (calls by method, stream control by stream), the event
// stream's first bytes, first rows and all rows.
// Comparing: `--b-static DIR` (another build of the renderer) and/or `--b-root DIR` (another checkout's backend)
// start a second web backend "B" on the same sandbox, and runs alternate A, B, B, A, A, B… so both meet the same
// load; medians of each are printed. `--static DIR` serves another build as A. `--trace FILE` writes a Chromium trace of
// the first run and prints the main thread's time by event; `--cpu-prof-dir DIR` profiles backend A (each of
// its runs is printed as a timeline: the profile covers the process's whole life);
// `--fresh` starts each backend anew before every run (a fresh process's first page). `--a-env`/`--b-env K=V,…`
// add to either backend's environment (e.g. `--b-env SKIFF_PREWARM=hold` compares prewarm paces).
// `--request-clock` adds backend A's own times (request arrived, response finished, event-stream writes).
// `--faults`: minor page faults (new memory taken) and CPU time of each process, navigation → first rows: the
// sandbox (this process), backend A and each of Chromium's processes; medians over A's runs at the end.
// `--page-prof FILE` writes a CPU profile of the page over A's first run (navigation to first rows) and prints
// where its main thread spent each 50 ms (profile-windows.ts).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { pathToFileURL } from 'node:url'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { chromium } from 'playwright-core'
import { chromiumArgs, chromiumPath } from '../test/e2e/chromium'
import { buildWebIfStale } from '../scripts/serve.mjs'
import { startCluster } from './cluster'
import { openPodsScript } from './pods-scenario'
import { percentile } from './stats'
import { summariseTrace } from './trace-summary'
import { profileWindows, type CpuProfile } from './profile-windows'
import { startWeb, type BenchWeb } from './web'
import { faultSampler, mediansByKind, type ProcessGrowth } from './process-faults'

const { values, positionals } = parseArgs({
  options: {
    runs: { type: 'string' },
    static: { type: 'string' },
    'b-static': { type: 'string' },
    'b-root': { type: 'string' },
    trace: { type: 'string' },
    'cpu-prof-dir': { type: 'string' },
    'page-prof': { type: 'string' },
    'request-clock': { type: 'boolean' },
    faults: { type: 'boolean' },
    fresh: { type: 'boolean' },
    'a-env': { type: 'string' },
    'b-env': { type: 'string' },
  },
  allowPositionals: true,
})
const pods = Number(positionals[0] ?? 10_000)
const runs = Number(values.runs ?? 3)
const compare =
  values['b-static'] !== undefined || values['b-root'] !== undefined || values['b-env'] !== undefined
/** `--a-env K=V,K2=V2`: more environment for backend A (B's with `--b-env`), e.g. SKIFF_PREWARM=hold. */
const envOf = (list: string | undefined): Record<string, string> =>
  Object.fromEntries(
    (list ?? '')
      .split(',')
      .filter(Boolean)
      .map((kv) => kv.split(/=(.*)/s, 2)),
  )
if (!values.static || (compare && !values['b-static'])) buildWebIfStale()
const cluster = await startCluster()
cluster.sandbox.seedPods('bench', pods)
const expected = await totalPods()
const staticArgs = (dir: string | undefined): string[] => (dir ? ['--static', dir] : [])
const setups: {
  name: string
  web: BenchWeb
  start: () => Promise<BenchWeb>
  firsts: number[]
  /** The pods subscription sent → first rows: the part of the chain after the page's start. */
  afterSubscribe: number[]
  alls: number[]
}[] = []

async function totalPods(): Promise<number> {
  const r = await cluster.request('GET', '/api/v1/pods?limit=1')
  const body = JSON.parse(r.text) as { metadata: { remainingItemCount?: number } }
  return (body.metadata.remainingItemCount ?? 0) + 1
}

interface Run {
  first: number
  all: number
  lines: [number, string][]
  trace?: Buffer
  windows?: string
  /** The document's request, in µs of the monotonic clock (CDP's and Node's profiles both use it). */
  startUs: number
  /** `--faults`: each process's minor faults and CPU ms, navigation → first rows. */
  faults?: ProcessGrowth[]
}

async function coldStart(url: string, trace: boolean, profile?: string, backendPid?: number): Promise<Run> {
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs })
  const sampler = backendPid ? faultSampler({ sandbox: process.pid, backend: backendPid }) : undefined
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Network.enable')
    const lines: [number, string][] = []
    let t0 = 0
    const at = (ts: number): number => Math.round((ts - t0) * 1000)
    const urls = new Map<string, string>()
    let firstEventBytes = true
    cdp.on('Network.requestWillBeSent', (e) => {
      if (t0 === 0) t0 = e.timestamp
      let what = new URL(e.request.url).pathname
      const body = e.request.postData
      if (body) {
        const b = JSON.parse(body) as {
          method?: string
          op?: string
          stream?: string
          input?: { kind?: string; namespaces?: string[] }
        }
        const watched = b.input?.kind ? ` ${b.input.kind} ${b.input.namespaces?.join(',') ?? '(all)'}` : ''
        what += ` ${b.method ?? `${b.op ?? ''} ${b.stream ?? ''}${watched}`}`
      }
      urls.set(e.requestId, what)
      lines.push([at(e.timestamp), `→ ${what}`])
    })
    cdp.on('Network.loadingFinished', (e) => {
      const what = urls.get(e.requestId)
      if (what) lines.push([at(e.timestamp), `  ${what} done (${e.encodedDataLength} B)`])
    })
    cdp.on('Network.dataReceived', (e) => {
      if (urls.get(e.requestId) !== '/api/events') return
      if (firstEventBytes || e.dataLength > 20_000)
        lines.push([at(e.timestamp), `  events ${e.dataLength} B`])
      firstEventBytes = false
    })
    if (trace) await browser.startTracing(page, { screenshots: false })
    if (profile) {
      await cdp.send('Profiler.enable')
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
      await cdp.send('Profiler.start')
    }
    const navAt = performance.now()
    await page.goto(`${url}#workloads`)
    const r = await page.evaluate<{ first: number; all: number }>(openPodsScript(expected, true))
    sampler?.stop()
    const faults = sampler?.window(navAt, navAt + r.first)
    let windows: string | undefined
    if (profile) {
      const { profile: prof } = await cdp.send('Profiler.stop')
      // navigationUs: the document's request on the profile's clock, for reading the profile beside the timeline.
      writeFileSync(profile, JSON.stringify({ ...prof, navigationUs: t0 * 1e6 }))
      // t0 (the document's request, in s of the monotonic clock the profile's µs also use) to first rows.
      windows = profileWindows(prof as CpuProfile, t0 * 1e6, r.first)
    }
    const traced = trace ? await browser.stopTracing() : undefined
    const paints = await page.evaluate<[string, number][]>(
      `performance.getEntriesByType('paint').map((e) => [e.name, e.startTime])`,
    )
    const nav = await page.evaluate<Record<string, number>>(
      `(() => { const n = performance.getEntriesByType('navigation')[0]; return { responseEnd: n.responseEnd, domInteractive: n.domInteractive, domContentLoaded: n.domContentLoadedEventEnd, load: n.loadEventEnd } })()`,
    )
    for (const [name, t] of paints) lines.push([Math.round(t), `paint: ${name}`])
    for (const [name, t] of Object.entries(nav)) lines.push([Math.round(t), `document: ${name}`])
    lines.push([Math.round(r.first), '** first rows'], [Math.round(r.all), '** all rows'])
    return {
      ...r,
      lines,
      startUs: t0 * 1e6,
      ...(traced ? { trace: traced } : {}),
      ...(windows ? { windows } : {}),
      ...(faults ? { faults } : {}),
    }
  } finally {
    sampler?.stop()
    await browser.close()
  }
}

/** `--request-clock`: backend A's own times for each request (bench/request-clock.mjs), shown in its runs. */
const clock = values['request-clock'] ? join(tmpdir(), `skiff-request-clock-${process.pid}.jsonl`) : undefined

/** Backend A's lines of the request clock in this run's window, on the run's timeline. */
function backendLines(startUs: number, untilMs: number): [number, string][] {
  if (!clock) return []
  const entries = readFileSync(clock, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { t: number; what: string; url: string; bytes?: number; head?: string })
  writeFileSync(clock, '')
  return entries
    .map((e): [number, string] => [
      Math.round((e.t - startUs) / 1000),
      `    [backend] ${e.what} ${e.url}${e.bytes === undefined ? '' : ` ${e.bytes} B ${JSON.stringify(e.head?.slice(0, 60))}`}`,
    ])
    .filter(([t]) => t >= -50 && t <= untilMs + 50)
}

/** `--faults`: each of A's runs' per-process figures. */
const faultRuns: NonNullable<Run['faults']>[] = []

/** Medians over A's runs of each kind of process's faults and CPU. */
function printFaults(): void {
  console.log(
    `\nnavigation → first rows, A's ${faultRuns.length} runs, medians (a fault is a new 4 KB page):`,
  )
  const kindOf = (p: ProcessGrowth): string =>
    p.tree === 'backend' ? 'backend' : p.label === 'process' ? 'sandbox (bench)' : `chromium ${p.label}`
  for (const line of mediansByKind(faultRuns, kindOf)) console.log(line)
}

/** Backend A's window of each of its runs (its profile covers the whole process, so every run is in it). */
const backendWindows: { run: number; startUs: number; ms: number }[] = []
try {
  const profile = values['cpu-prof-dir']
  if (clock) writeFileSync(clock, '')
  const startA = (): Promise<BenchWeb> =>
    startWeb(
      { ...cluster.env, ...envOf(values['a-env']), ...(clock ? { REQUEST_CLOCK_FILE: clock } : {}) },
      [
        ...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`, '--cpu-prof-interval=250'] : []),
        ...(clock ? ['--import', pathToFileURL(join(import.meta.dirname, 'request-clock.mjs')).href] : []),
      ],
      staticArgs(values.static),
    )
  setups.push({ name: 'A', web: await startA(), start: startA, firsts: [], afterSubscribe: [], alls: [] })
  if (compare) {
    const startB = (): Promise<BenchWeb> =>
      startWeb(
        { ...cluster.env, ...envOf(values['b-env']) },
        [],
        staticArgs(values['b-static'] ?? values.static),
        values['b-root'],
      )
    setups.push({ name: 'B', web: await startB(), start: startB, firsts: [], afterSubscribe: [], alls: [] })
  }
  for (let run = 0; run < runs; run++) {
    // A B, B A, A B…: whichever goes second in a pair met a different box (the first one's backend still
    // listing, its browser closing); alternating the order keeps that from favouring one side.
    for (const s of run % 2 === 0 ? setups : [...setups].reverse()) {
      // --fresh: every run meets a backend process just started (Electron's and a new web session's case).
      if (values.fresh && run > 0) {
        await s.web.stop()
        s.web = await s.start()
      }
      const tracing = values.trace !== undefined && run === 0 && s.name === 'A'
      const profiling = run === 0 && s.name === 'A' ? values['page-prof'] : undefined
      const r = await coldStart(
        s.web.url,
        tracing,
        profiling,
        values.faults && s.name === 'A' ? s.web.pid : undefined,
      )
      if (r.faults) faultRuns.push(r.faults)
      if (s.name === 'A') backendWindows.push({ run: run + 1, startUs: r.startUs, ms: r.first })
      if (s.name === 'A') r.lines.push(...backendLines(r.startUs, r.all))
      else if (clock) writeFileSync(clock, '')
      s.firsts.push(r.first)
      const subscribed = r.lines.find(([, l]) =>
        l.startsWith('→ /api/events/control subscribe resources.watch pods'),
      )
      if (subscribed) s.afterSubscribe.push(r.first - subscribed[0])
      s.alls.push(r.all)
      console.log(
        `\n${s.name} run ${run + 1}: first rows ${Math.round(r.first)} ms, all rows ${Math.round(r.all)} ms`,
      )
      for (const [t, line] of r.lines.sort((a, b) => a[0] - b[0]))
        console.log(`${String(t).padStart(6)}  ${line}`)
      if (r.windows) console.log(r.windows)
      if (r.trace && values.trace) {
        writeFileSync(values.trace, r.trace)
        console.log(summariseTrace(JSON.parse(r.trace.toString()) as { traceEvents: never[] }))
      }
    }
  }
  console.log('')
  for (const s of setups) {
    const med = (xs: number[]): number => Math.round(percentile(xs, 50))
    console.log(
      `${s.name}: median of ${runs}: first rows ${med(s.firsts)} ms, all rows ${med(s.alls)} ms, ` +
        `pods subscribed → first rows ${med(s.afterSubscribe)} ms ` +
        `(first rows ${s.firsts.map(Math.round).join(', ')})`,
    )
  }
  if (faultRuns.length) printFaults()
} finally {
  for (const s of setups) await s.web.stop()
  await cluster.stop()
}
// Backend A's profile (written as it exited) over each of A's runs, read as the page's is.
const profileDir = values['cpu-prof-dir']
if (profileDir) {
  for (const f of readdirSync(profileDir).filter((n) => n.endsWith('.cpuprofile'))) {
    const prof = JSON.parse(readFileSync(join(profileDir, f), 'utf8')) as CpuProfile
    for (const w of backendWindows) {
      const windows = profileWindows(prof, w.startUs, w.ms)
      if (!windows.includes('\n')) continue // another process's run (--fresh)
      console.log(`backend ${f}, A run ${w.run} (document's request to first rows):`)
      console.log(windows)
    }
  }
}
