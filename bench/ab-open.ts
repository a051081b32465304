// `npx tsx bench/ab-open.ts [pods] [rounds] [VAR=a,b]`: figure 1 (open Pods → whole list, and the cold start)
// with the backend started under each value of one environment variable in turn, a fresh web process per
// run, the values alternating so both meet the same load. Default: SKIFF_LIST_WORKER=1,0 (the list decoder's
// worker against decoding inline; docs/performance.md). Prints each run and the medians.
import { readFileSync } from 'node:fs'
import { buildWebIfStale } from '../scripts/serve.mjs'
import { launchBrowser } from './browser'
import { startCluster } from './cluster'
import { openPods } from './pods-scenario'
import { percentile } from './stats'
import { startWeb } from './web'

const pods = Number(process.argv[2] ?? 50_000)
const rounds = Number(process.argv[3] ?? 3)
const [name, list] = (process.argv[4] ?? 'SKIFF_LIST_WORKER=1,0').split('=') as [string, string]
const values = list.split(',')
buildWebIfStale()
const cluster = await startCluster()
const browser = await launchBrowser()
try {
  cluster.sandbox.seedPods('bench', pods)
  const r = await cluster.request('GET', '/api/v1/pods?limit=1')
  const meta = (JSON.parse(r.text) as { metadata?: { remainingItemCount?: number } }).metadata
  const expected = 1 + (meta?.remainingItemCount ?? 0)
  const runs = new Map<string, { all: number[]; cold: number[] }>(
    values.map((v) => [v, { all: [], cold: [] }]),
  )
  for (let round = 0; round < rounds; round++)
    for (const value of values) {
      const web = await startWeb({ ...cluster.env, [name]: value })
      try {
        const o = await openPods(browser, web.url, expected)
        const load = readFileSync('/proc/loadavg', 'utf8').split(' ')[0]
        console.log(
          `${name}=${value}: open → whole list ${Math.round(o.allRowsMs)} ms, cold start → whole list ` +
            `${Math.round(o.coldAllRowsMs)} ms (load average ${load})`,
        )
        runs.get(value)!.all.push(o.allRowsMs)
        runs.get(value)!.cold.push(o.coldAllRowsMs)
      } finally {
        await web.stop()
      }
    }
  for (const [value, { all, cold }] of runs)
    console.log(
      `${name}=${value}: medians of ${all.length}: whole list ${Math.round(percentile(all, 50))} ms, cold ${Math.round(percentile(cold, 50))} ms`,
    )
} finally {
  await browser.close()
  await cluster.stop()
}
