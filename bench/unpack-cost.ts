/**
 * What `unpackRows` costs in Chromium's V8, the page's engine: a 50,000-pod list as the backend frames it (100
 * parts of 500 rows, as JSON), decoded by this tree's `unpackRows` and by another version of row-columns.ts,
 * alternating, each in a fresh headless page (cold code, as in an open). Prints each side's milliseconds per whole list (median and min),
 * and what reading the rows then costs: a sort by name and a filter over every row, as the table does.
 * `--restarted`: every pod has restarted (`lastRestartAt`, 17 fields, as in a cluster with crashing pods).
 *   npx tsx bench/unpack-cost.ts OTHER_ROW_COLUMNS.ts [pods] [rounds] [--restarted]
 */
import { readFileSync } from 'node:fs'
import { transformSync } from 'esbuild'
import { chromium } from 'playwright-core'
import { chromiumArgs, chromiumPath } from '../test/e2e/chromium'
import { packRows } from '../src/shared/row-columns'

const args = process.argv.slice(2)
const restarted = args.includes('--restarted')
const [otherPath, podsArg, roundsArg] = args.filter((a) => a !== '--restarted')
if (!otherPath) throw new Error('usage: unpack-cost.ts OTHER_ROW_COLUMNS.ts [pods] [rounds] [--restarted]')
const pods = Number(podsArg ?? 50_000)
const rounds = Number(roundsArg ?? 15)

/** A pod row as podRow makes it for the bench's pods (absent fields travel as null columns). */
const pad = (i: number): string => String(i).padStart(6, '0')
const row = (i: number): Record<string, unknown> => ({
  kind: 'pods',
  key: `bench/pod-${pad(i)}`,
  name: `pod-${pad(i)}`,
  namespace: 'bench',
  uid: `6f1c${pad(i)}-2b7e-4c1a-9d3e-${pad(i)}abcdef`,
  createdAt: `2026-11-30T10:${String(i % 60).padStart(2, '0')}:00Z`,
  labels: { app: `app-${i % 50}`, 'pod-template-hash': `h${i % 50}` },
  deleting: false,
  ready: '1/1',
  status: 'Running',
  phase: 'Running',
  restarts: restarted ? 3 : 0,
  ...(restarted ? { lastRestartAt: `2026-11-30T11:${String(i % 60).padStart(2, '0')}:00Z` } : {}),
  ip: `10.1.${(i >> 8) & 255}.${i & 255}`,
  node: `node-${i % 3}`,
  owner: { kind: 'ReplicaSet', name: `app-${i % 50}-h${i % 50}` },
  containers: ['app'],
})
const parts: string[] = []
for (let p = 0; p * 500 < pods; p++)
  parts.push(
    JSON.stringify(
      packRows(Array.from({ length: Math.min(500, pods - p * 500) }, (_, j) => row(p * 500 + j))),
    ),
  )

/** A row-columns.ts as a script that defines one global function. */
const asScript = (file: string, name: string): string =>
  transformSync(readFileSync(file, 'utf8'), { loader: 'ts', format: 'iife', globalName: name }).code

const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs })
const scripts = {
  A: asScript(otherPath, 'A'),
  B: asScript(new URL('../src/shared/row-columns.ts', import.meta.url).pathname, 'B'),
}
const times: Record<'A' | 'B', number[]> = { A: [], B: [] }
const reads: Record<'A' | 'B', number[]> = { A: [], B: [] }
for (let round = 0; round < rounds; round++) {
  for (const side of round % 2 ? (['A', 'B'] as const) : (['B', 'A'] as const)) {
    // A fresh page each time: the list is decoded once per open, by code the engine has not warmed up yet.
    const page = await browser.newPage()
    await page.addScriptTag({ content: scripts[side] })
    const [ms, readMs] = await page.evaluate(
      ([side, parts]) => {
        const lib = (globalThis as unknown as Record<string, { unpackRows: (p: unknown) => unknown[] }>)[
          side
        ]!
        const packed = parts.map((s) => JSON.parse(s) as unknown)
        const t0 = performance.now()
        const rows: Record<string, string>[] = []
        for (const p of packed) for (const r of lib.unpackRows(p)) rows.push(r as Record<string, string>)
        if (rows.length === 0) throw new Error('no rows')
        const t1 = performance.now()
        // By age, then name: rows arrive in key order, so a sort by name alone would find one run. (No named
        // helper: tsx would wrap it in a `__name` call the page does not have.)
        rows.sort((a, b) =>
          a.createdAt! !== b.createdAt!
            ? a.createdAt! < b.createdAt!
              ? -1
              : 1
            : a.name! < b.name!
              ? -1
              : a.name! > b.name!
                ? 1
                : 0,
        )
        const hits = rows.filter(
          (r) => r.name!.includes('77') || r.node!.includes('77') || r.status!.includes('77'),
        )
        if (hits.length === rows.length) throw new Error('filter kept every row')
        return [t1 - t0, performance.now() - t1]
      },
      [side, parts] as const,
    )
    times[side].push(ms)
    reads[side].push(readMs)
    await page.close()
  }
}
await browser.close()
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!
for (const side of ['A', 'B'] as const)
  console.log(
    `${side === 'A' ? `A ${otherPath}` : 'B this tree'}: median ${median(times[side]).toFixed(0)} ms, min ${Math.min(...times[side]).toFixed(0)} ms per ${pods} rows` +
      `; then sort + filter: median ${median(reads[side]).toFixed(0)} ms, min ${Math.min(...reads[side]).toFixed(0)} ms`,
  )
