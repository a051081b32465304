// `npx tsx bench/profile-cold.ts [pods] [--runs N] [--static DIR] [--trace FILE]`: where a cold start's time goes.
// A fresh Chromium opens the app straight on Pods (as bench scenario 1's "cold start" does) with a sandbox of
// that many pods; for each run it prints the page's timeline: document, scripts and styles, first paint, each
// API request (calls by method, stream control by stream), the event stream's first bytes, first rows and all
// rows. `--trace FILE` also writes a Chromium trace of the first run and prints the main thread's time by
// event name (script compile and evaluation, style, layout, paint). `--static DIR` serves another build of the
// renderer, to compare two builds under the same conditions; `--cpu-prof-dir DIR` profiles the backend.
import { writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { chromium } from 'playwright-core'
import { chromiumArgs, chromiumPath } from '../test/e2e/chromium'
import { buildWebIfStale } from '../scripts/serve.mjs'
import { startCluster } from './cluster'
import { openPodsScript } from './pods-scenario'
import { percentile } from './stats'
import { startWeb } from './web'
import { summariseTrace } from './trace-summary'

const { values, positionals } = parseArgs({
  options: {
    runs: { type: 'string' },
    static: { type: 'string' },
    trace: { type: 'string' },
    'cpu-prof-dir': { type: 'string' },
  },
  allowPositionals: true,
})
const pods = Number(positionals[0] ?? 10_000)
const runs = Number(values.runs ?? 3)
if (!values.static) buildWebIfStale()
const cluster = await startCluster()
cluster.sandbox.seedPods('bench', pods)
const expected = pods + (await countPods())
const web = await startWeb(
  cluster.env,
  values['cpu-prof-dir'] ? ['--cpu-prof', `--cpu-prof-dir=${values['cpu-prof-dir']}`] : [],
  values.static ? ['--static', values.static] : [],
)

async function countPods(): Promise<number> {
  const r = await cluster.request('GET', '/api/v1/pods?limit=1')
  const body = JSON.parse(r.text) as { metadata: { remainingItemCount?: number } }
  return (body.metadata.remainingItemCount ?? 0) + 1 - pods
}

const firsts: number[] = []
const alls: number[] = []
try {
  for (let run = 0; run < runs; run++) {
    const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs })
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
        const u = new URL(e.request.url)
        let what = u.pathname
        const body = e.request.postData
        if (body) {
          const b = JSON.parse(body) as { method?: string; op?: string; stream?: string }
          what += ` ${b.method ?? `${b.op ?? ''} ${b.stream ?? ''}`}`
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
      const tracing = values.trace && run === 0
      if (tracing) await browser.startTracing(page, { screenshots: false })
      await page.goto(`${web.url}#workloads`)
      const r = await page.evaluate<{ first: number; all: number }>(openPodsScript(expected, true))
      const trace = tracing ? await browser.stopTracing() : undefined
      const paints = await page.evaluate<[string, number][]>(
        `performance.getEntriesByType('paint').map((e) => [e.name, e.startTime])`,
      )
      const nav = await page.evaluate<Record<string, number>>(
        `(() => { const n = performance.getEntriesByType('navigation')[0]; return { responseEnd: n.responseEnd, domInteractive: n.domInteractive, domContentLoaded: n.domContentLoadedEventEnd, load: n.loadEventEnd } })()`,
      )
      for (const [name, t] of paints) lines.push([Math.round(t), `paint: ${name}`])
      for (const [name, t] of Object.entries(nav)) lines.push([Math.round(t), `document: ${name}`])
      lines.push([Math.round(r.first), '** first rows'], [Math.round(r.all), '** all rows'])
      firsts.push(r.first)
      alls.push(r.all)
      console.log(`\nrun ${run + 1}: first rows ${Math.round(r.first)} ms, all rows ${Math.round(r.all)} ms`)
      for (const [t, s] of lines.sort((a, b) => a[0] - b[0])) console.log(`${String(t).padStart(6)}  ${s}`)
      if (trace && values.trace) {
        writeFileSync(values.trace, trace)
        console.log(summariseTrace(JSON.parse(trace.toString()) as { traceEvents: never[] }))
      }
    } finally {
      await browser.close()
    }
  }
  console.log(
    `\nmedian of ${runs}: first rows ${Math.round(percentile(firsts, 50))} ms, all rows ${Math.round(percentile(alls, 50))} ms`,
  )
} finally {
  await web.stop()
  await cluster.stop()
}
