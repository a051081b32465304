// `npx tsx bench/prewarm-probe.ts [pods] [rounds] [paces] [windowMs]`: how fast the web backend answers
// another call while its prewarm reads a big pods list (docs/performance.md, "Prewarm at background priority").
// Each run: a fresh backend under SKIFF_PREWARM=<pace>, one warm-up `contexts.list`, then the page's document is
// requested (which starts the prewarm) and `contexts.list` is sent by curl, another process, 50 ms after the
// previous answer, for `windowMs`; curl's own time_total is kept. Paces alternate within each round, so all
// meet the same load. Defaults: 50,000 pods, 3 rounds, background,hold,full, 3,000 ms. PROBE_EACH=1 prints
// every call (when it was sent, from the document's request, and how long it took).
import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { promisify } from 'node:util'
import { buildWebIfStale } from '../scripts/serve.mjs'
import { startCluster } from './cluster'
import { percentile } from './stats'
import { startWeb } from './web'
import { webDoor } from './web-api'

const pods = Number(process.argv[2] ?? 50_000)
const rounds = Number(process.argv[3] ?? 3)
const paces = (process.argv[4] ?? 'background,hold,full').split(',')
const windowMs = Number(process.argv[5] ?? 3000)
const run = promisify(execFile)

/** One `contexts.list` by curl: its total time in ms. */
async function curlCall(origin: string, auth: string): Promise<number> {
  const { stdout } = await run('curl', [
    '-s',
    '-o',
    '/dev/null',
    '-w',
    '%{time_total}',
    '-X',
    'POST',
    '-H',
    `Authorization: ${auth}`,
    '-H',
    'Content-Type: application/json',
    '--data',
    '{"method":"contexts.list","input":{}}',
    `${origin}/api/call`,
  ])
  return Number(stdout) * 1000
}

buildWebIfStale()
const cluster = await startCluster()
try {
  cluster.sandbox.seedPods('bench', pods)
  const summary = new Map<string, { median: number[]; p90: number[]; max: number[] }>(
    paces.map((p) => [p, { median: [], p90: [], max: [] }]),
  )
  for (let round = 0; round < rounds; round++)
    for (const pace of paces) {
      const web = await startWeb({ ...cluster.env, SKIFF_PREWARM: pace })
      try {
        const door = webDoor(web.url)
        await door.call('contexts.list', {}) // warm: the kubeconfig's parse is not what is measured
        const page = await fetch(`${door.origin}/`)
        await page.arrayBuffer() // the document is sent: the backend starts its prewarm now
        const start = Date.now()
        const times: number[] = []
        while (Date.now() - start < windowMs) {
          const sentAt = Date.now() - start
          times.push(await curlCall(door.origin, door.auth.Authorization))
          if (process.env.PROBE_EACH === '1') console.log(`  at ${sentAt} ms: ${times.at(-1)?.toFixed(1)} ms`)
          await new Promise((r) => setTimeout(r, 50))
        }
        const stat = { median: percentile(times, 50), p90: percentile(times, 90), max: Math.max(...times) }
        const load = readFileSync('/proc/loadavg', 'utf8').split(' ')[0]
        console.log(
          `${pace}: contexts.list during the prewarm, ${times.length} calls: median ${stat.median.toFixed(1)} ms, ` +
            `p90 ${stat.p90.toFixed(1)} ms, max ${stat.max.toFixed(1)} ms (load average ${load})`,
        )
        const s = summary.get(pace)!
        s.median.push(stat.median)
        s.p90.push(stat.p90)
        s.max.push(stat.max)
      } finally {
        await web.stop()
      }
    }
  for (const [pace, s] of summary)
    console.log(
      `${pace}: medians of ${s.median.length} runs: median ${percentile(s.median, 50).toFixed(1)} ms, ` +
        `p90 ${percentile(s.p90, 50).toFixed(1)} ms, max ${percentile(s.max, 50).toFixed(1)} ms`,
    )
} finally {
  await cluster.stop()
}
