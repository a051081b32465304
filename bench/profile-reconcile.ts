// `npx tsx bench/profile-reconcile.ts [replicas] [bench pods]`: a CPU profile of the page (and the backend)
// while scenario 9's rollout runs, plus the long tasks and the slowest frames. For finding what dominates
// figure 9 (docs/performance.md); open the .cpuprofile files in Chromium's DevTools or summarize them with
// `npx tsx bench/profile-summary.ts FILE`.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildWebIfStale } from '../scripts/serve.mjs'
import { launchBrowser } from './browser'
import { startCluster } from './cluster'
import { reconcileRollout } from './reconcile-scenario'
import { startWeb } from './web'

/** Main-thread time by trace event name (complete events only), the largest first. */
function summarizeTrace(text: string): void {
  const parsed = JSON.parse(text) as { traceEvents?: TraceEvent[] } | TraceEvent[]
  const events = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? [])
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
  // tdur is the thread's CPU time: on a loaded machine wall time (dur) also counts the time it waited for a core.
  const byName = new Map<string, { total: number; max: number; n: number; cpu: number; maxCpu: number }>()
  for (const e of events) {
    if (e.ph !== 'X' || !e.dur || (main && (e.tid !== main.tid || e.pid !== main.pid))) continue
    const s = byName.get(e.name) ?? { total: 0, max: 0, n: 0, cpu: 0, maxCpu: 0 }
    s.total += e.dur / 1000
    s.max = Math.max(s.max, e.dur / 1000)
    s.cpu += (e.tdur ?? 0) / 1000
    s.maxCpu = Math.max(s.maxCpu, (e.tdur ?? 0) / 1000)
    s.n++
    byName.set(e.name, s)
  }
  for (const [name, s] of [...byName].sort((a, b) => b[1].total - a[1].total).slice(0, 20))
    console.log(
      `${name.slice(0, 40).padEnd(40)} cpu ${s.cpu.toFixed(0).padStart(6)} ms (max ${s.maxCpu.toFixed(1).padStart(6)})  wall ${s.total.toFixed(0).padStart(6)} ms (max ${s.max.toFixed(1).padStart(6)})  n ${s.n}`,
    )
}
interface TraceEvent {
  name: string
  ph: string
  dur?: number
  tdur?: number
  pid: number
  tid: number
  args?: { name?: string }
}

const replicas = Number(process.argv[2] ?? 500)
const seeded = Number(process.argv[3] ?? 10_000)
const out = mkdtempSync(join(tmpdir(), 'skiff-profile-'))
buildWebIfStale()
const cluster = await startCluster()
// The bench seeds its pods namespace before scenario 9 runs; the same here so the page carries the same load.
if (seeded > 0) cluster.sandbox.seedPods('bench', seeded)
const web = await startWeb(cluster.env, ['--cpu-prof', `--cpu-prof-dir=${out}`])
const browser = await launchBrowser()
try {
  const r = await reconcileRollout(browser, cluster, web.url, replicas, {
    async started(p) {
      // A trace too: the renderer's own work (style, layout, paint) shows as "(program)" in a CPU profile.
      await p.cdp.send('Tracing.start', {
        categories: 'devtools.timeline,disabled-by-default-devtools.timeline',
        transferMode: 'ReturnAsStream',
      })
      await p.cdp.send('Profiler.enable')
      await p.cdp.send('Profiler.setSamplingInterval', { interval: 500 })
      await p.cdp.send('Profiler.start')
    },
    async finished(p) {
      const { profile } = await p.cdp.send('Profiler.stop')
      const ended = new Promise<string>((resolve) =>
        p.cdp.once('Tracing.tracingComplete', (e) => resolve(e.stream ?? '')),
      )
      await p.cdp.send('Tracing.end')
      const handle = await ended
      let trace = ''
      for (;;) {
        const chunk = await p.cdp.send('IO.read', { handle })
        trace += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString() : chunk.data
        if (chunk.eof) break
      }
      await p.cdp.send('IO.close', { handle })
      writeFileSync(join(out, 'page.trace.json'), trace)
      summarizeTrace(trace)
      writeFileSync(join(out, 'page.cpuprofile'), JSON.stringify(profile))
      const tasks = await p.page.evaluate<[number, number][]>('window.__bench.longTasks')
      const frames = await p.page.evaluate<number[]>('window.__bench.recon.frames')
      console.log(
        `long tasks (start:duration ms): ${tasks.map(([s, d]) => `${Math.round(s)}:${Math.round(d)}`).join(' ')}`,
      )
      console.log(
        `slowest frames: ${[...frames]
          .sort((a, b) => b - a)
          .slice(0, 15)
          .map(Math.round)
          .join(' ')}`,
      )
    },
  })
  console.log(JSON.stringify(r))
} finally {
  await browser.close()
  await web.stop()
  await cluster.stop()
}
console.log(`profiles in ${out}`)
