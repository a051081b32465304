// `npx tsx bench/profile-scroll.ts [pods] [--runs N] [--step PX] [--static DIR] [--b-static DIR] [--cpu-prof DIR]`:
// what a frame costs while Pods scrolls through the whole list (bench scenario 1's scroll: a fresh screenful each
// frame; `--step 300` scrolls 300 px a frame instead, as scenario 2 does after its churn).
// Each run opens Pods in a fresh Chromium, waits for every row, then traces 3 s of scrolling and prints the frames
// over 50 ms and the main thread's *thread* time per frame by kind of work (script, style, layout, paint, …), which
// a loaded box inflates far less than wall time. `--b-static DIR` serves another renderer build as "B" from a
// second backend on the same sandbox; runs alternate A, B, A, B… and medians of each are printed.
// `--cpu-prof DIR` also writes a CPU profile of A's first scroll (read it with bench/profile-summary.ts).
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { chromium } from 'playwright-core'
import { chromiumArgs, chromiumPath } from '../test/e2e/chromium'
import { buildWebIfStale } from '../scripts/serve.mjs'
import { startCluster } from './cluster'
import { openPodsScript, SCROLL_FRAMES } from './pods-scenario'
import { percentile } from './stats'
import { startWeb, type BenchWeb } from './web'

const { values, positionals } = parseArgs({
  options: {
    runs: { type: 'string' },
    static: { type: 'string' },
    'b-static': { type: 'string' },
    'cpu-prof': { type: 'string' },
    step: { type: 'string' },
  },
  allowPositionals: true,
})
const pods = Number(positionals[0] ?? 10_000)
const runs = Number(values.runs ?? 3)
const script = values.step
  ? SCROLL_FRAMES(3000).replace('Math.max(300, range / 180)', String(Number(values.step)))
  : SCROLL_FRAMES(3000)

interface TraceEvent {
  name: string
  cat: string
  ph: string
  ts: number
  dur?: number
  tdur?: number
  pid: number
  tid: number
  args?: { name?: string }
}

// Trace events grouped the way DevTools' summary groups them.
const KIND: Record<string, string> = {
  FunctionCall: 'script',
  EvaluateScript: 'script',
  FireAnimationFrame: 'script',
  TimerFire: 'script',
  EventDispatch: 'script',
  RunMicrotasks: 'script',
  'v8.callFunction': 'script',
  MajorGC: 'gc',
  MinorGC: 'gc',
  'V8.GCScavenger': 'gc',
  'V8.GC_MC_BACKGROUND_EVACUATE_COPY': 'gc',
  UpdateLayoutTree: 'style',
  RecalculateStyles: 'style',
  ParseAuthorStyleSheet: 'style',
  Layout: 'layout',
  LayoutShift: 'layout',
  PrePaint: 'paint',
  Paint: 'paint',
  PaintImage: 'paint',
  Layerize: 'paint',
  UpdateLayer: 'paint',
  UpdateLayerTree: 'paint',
  Commit: 'paint',
  CompositeLayers: 'paint',
  HitTest: 'other',
}

interface Summary {
  kinds: Map<string, number>
  names: Map<string, number>
  /** The longest main-thread tasks (thread ms) and when they started (ms into the trace), longest first. */
  longest: [number, number][]
}

/** Thread time of the renderer main thread's events, summed by kind and by name, and its longest tasks. */
function summarise(events: TraceEvent[]): Summary {
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
  const kinds = new Map<string, number>()
  const names = new Map<string, number>()
  if (!main) return { kinds, names, longest: [] }
  const own = events
    .filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0))
  const t0 = own[0]?.ts ?? 0
  const longest = own
    .filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask')
    .map((e): [number, number] => [(e.tdur ?? e.dur ?? 0) / 1000, (e.ts - t0) / 1000])
    .sort((a, b) => b[0] - a[0])
    .slice(0, 4)
  // Each event's own time: its duration less that of the events directly inside it.
  const stack: { e: TraceEvent; end: number; child: number }[] = []
  const close = (upTo: number): void => {
    while (stack.length && stack[stack.length - 1]!.end <= upTo) {
      const top = stack.pop()!
      const t = (top.e.tdur ?? top.e.dur ?? 0) - top.child
      // Self time counts for the nearest enclosing event whose kind is known (Layout's inner steps are layout).
      const known = [...stack, top].reverse().find((s) => KIND[s.e.name])
      const kind = known ? KIND[known.e.name]! : 'other'
      kinds.set(kind, (kinds.get(kind) ?? 0) + Math.max(0, t))
      names.set(top.e.name, (names.get(top.e.name) ?? 0) + Math.max(0, t))
      const parent = stack[stack.length - 1]
      if (parent) parent.child += top.e.tdur ?? top.e.dur ?? 0
    }
  }
  for (const e of own) {
    close(e.ts)
    stack.push({ e, end: e.ts + (e.dur ?? 0), child: 0 })
  }
  close(Infinity)
  return { kinds, names, longest }
}

interface Run {
  frames: number
  slow: number
  longest: number
  perFrame: Map<string, number>
  names: Map<string, number>
  longestTasks: [number, number][]
  nodesPerRow: number
}

async function scrollOnce(web: BenchWeb, cpuProf?: string): Promise<Run> {
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs })
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
    await page.goto(web.url)
    await page.waitForLoadState('load')
    await page.evaluate(openPodsScript(pods))
    await page.waitForTimeout(500)
    const nodesPerRow = await page.evaluate<number>(`(() => {
      const rows = [...document.querySelectorAll('[role="grid"] [aria-rowindex]')].filter((r) => Number(r.getAttribute('aria-rowindex')) > 1)
      const n = rows.reduce((s, r) => s + r.querySelectorAll('*').length + 1, 0)
      return rows.length ? n / rows.length : 0
    })()`)
    const cdp = cpuProf ? await page.context().newCDPSession(page) : undefined
    if (cdp) {
      await cdp.send('Profiler.enable')
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 })
      await cdp.send('Profiler.start')
    }
    await browser.startTracing(page, {
      categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute'],
    })
    const s = await page.evaluate<{ frames: number; slow: number; longest: number }>(script)
    const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] }
    if (cdp && cpuProf) {
      const { profile } = await cdp.send('Profiler.stop')
      writeFileSync(join(cpuProf, 'scroll.cpuprofile'), JSON.stringify(profile))
    }
    const { kinds, names, longest } = summarise(trace.traceEvents)
    const perFrame = new Map([...kinds].map(([k, us]) => [k, us / 1000 / s.frames]))
    const named = new Map([...names].map(([k, us]) => [k, us / 1000 / s.frames]))
    return { ...s, perFrame, names: named, longestTasks: longest, nodesPerRow }
  } finally {
    await browser.close()
  }
}

buildWebIfStale()
const cluster = await startCluster()
cluster.sandbox.seedPods('bench', pods)
const setups: { name: string; web: BenchWeb; runs: Run[] }[] = []
const staticArgs = (dir: string | undefined): string[] => (dir ? ['--static', dir] : [])
const fmt = (m: Map<string, number>, top = 8): string =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([k, v]) => `${k} ${v.toFixed(1)}`)
    .join(', ')
try {
  setups.push({ name: 'A', web: await startWeb(cluster.env, [], staticArgs(values.static)), runs: [] })
  if (values['b-static'])
    setups.push({ name: 'B', web: await startWeb(cluster.env, [], staticArgs(values['b-static'])), runs: [] })
  for (let run = 0; run < runs; run++) {
    for (const s of setups) {
      const prof = run === 0 && s.name === 'A' ? values['cpu-prof'] : undefined
      const r = await scrollOnce(s.web, prof)
      s.runs.push(r)
      const total = [...r.perFrame.values()].reduce((a, b) => a + b, 0)
      console.log(
        `${s.name} run ${run + 1}: ${r.frames} frames, ${r.slow} over 50 ms, longest ${r.longest.toFixed(1)} ms; ` +
          `${r.nodesPerRow.toFixed(1)} DOM nodes per row; main-thread ms per frame ${total.toFixed(1)}: ${fmt(r.perFrame)}`,
      )
      console.log(`   by event: ${fmt(r.names, 12)}`)
      const tasks = r.longestTasks.map(([ms, at]) => `${ms.toFixed(1)} ms at ${Math.round(at)} ms`)
      console.log(`   longest tasks (thread time): ${tasks.join(', ')}`)
    }
  }
  for (const s of setups) {
    const med = (f: (r: Run) => number): string => percentile(s.runs.map(f), 50).toFixed(1)
    const kinds = new Set(s.runs.flatMap((r) => [...r.perFrame.keys()]))
    const perKind = [...kinds].map((k) => `${k} ${med((r) => r.perFrame.get(k) ?? 0)}`).join(', ')
    console.log(
      `\n${s.name} medians of ${s.runs.length}: frames over 50 ms ${med((r) => r.slow)} of ${med((r) => r.frames)}, ` +
        `longest ${med((r) => r.longest)} ms, ms/frame ${med((r) => [...r.perFrame.values()].reduce((a, b) => a + b, 0))} (${perKind})`,
    )
  }
} finally {
  for (const s of setups) await s.web.stop()
  await cluster.stop()
}
