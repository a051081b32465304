// `npx tsx bench/ab-open.ts [pods] [rounds] [VAR=a,b]`: figure 1 (open Pods → whole list, and the cold start)
// with the backend started under each value of one environment variable in turn, a fresh web process per
// run, the values alternating so both meet the same load. Default: SKIFF_LIST_WORKER=1,0 (the list decoder's
// worker against decoding inline; docs/performance.md). `ROOT=.,../other` alternates this checkout's built web
// mode with another's (its own backend and page) instead. Prints each run and the medians.
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
  const runs = new Map<string, { all: number[]; cold: number[]; first: number[] }>(
    values.map((v) => [v, { all: [], cold: [], first: [] }]),
  )
  for (let round = 0; round < rounds; round++)
    for (const value of values) {
      const web =
        name === 'ROOT'
          ? await startWeb(cluster.env, [], [], value === '.' ? undefined : value)
          : await startWeb({ ...cluster.env, [name]: value })
      try {
        const o = await openPods(browser, web.url, expected)
        const load = readFileSync('/proc/loadavg', 'utf8').split(' ')[0]
        console.log(
          `${name}=${value}: open → whole list ${Math.round(o.allRowsMs)} ms, cold start → whole list ` +
            `${Math.round(o.coldAllRowsMs)} ms, first rows ${Math.round(o.coldFirstRowsMs)} ms (load average ${load})`,
        )
        runs.get(value)!.all.push(o.allRowsMs)
        runs.get(value)!.cold.push(o.coldAllRowsMs)
        runs.get(value)!.first.push(o.coldFirstRowsMs)
      } finally {
        await web.stop()
      }
    }
  const med = (xs: number[]): number => Math.round(percentile(xs, 50))
  for (const [value, { all, cold, first }] of runs)
    console.log(
      `${name}=${value}: medians of ${all.length}: whole list ${med(all)} ms, cold ${med(cold)} ms, ` +
        `cold first rows ${med(first)} ms`,
    )
} finally {
  await browser.close()
  await cluster.stop()
}
