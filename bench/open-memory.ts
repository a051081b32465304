// Scenario 1's backend RSS alone, attributed: `npx tsx bench/open-memory.ts [--pods 100000] [--rounds 3]
// [--env SKIFF_PREWARM=background,hold] [--cwd A,B] [--opens 1] [--flags "--max-semi-space-size=8"]`.
// Each run is a fresh web backend (one per value of --env or per checkout of --cwd, alternating, so all meet
// the same load) that opens Pods as the bench does (a cold start on #workloads, then the Overview and a switch
// to Pods) `--opens` times. It reads the raw RSS where the bench reads it (200 ms after the whole list), and a
// preloaded sampler (bench/mem-trace.mjs) gives RSS, heapUsed, external, arrayBuffers and V8's space sizes
// every 50 ms; at the end /proc/PID/smaps split by mapping kind and the figures after two full GCs.
import { readFileSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { buildWebIfStale } from '../scripts/serve.mjs'
import { launchBrowser } from './browser'
import { startCluster } from './cluster'
import { openPods } from './pods-scenario'
import { percentile } from './stats'
import { startWeb } from './web'

const { values } = parseArgs({
  options: {
    pods: { type: 'string', default: '100000' },
    rounds: { type: 'string', default: '3' },
    env: { type: 'string' },
    cwd: { type: 'string' },
    opens: { type: 'string', default: '1' },
    flags: { type: 'string', default: '' },
    // Print every sample of the last open (to see the curve), not only the summary.
    curve: { type: 'boolean', default: false },
  },
  strict: true,
})
const log = (m: string): void =>
  void process.stderr.write(`[open-memory ${new Date().toISOString().slice(11, 19)}] ${m}\n`)

interface Sample {
  t: number
  rss: number
  heapUsed: number
  heapTotal: number
  external: number
  arrayBuffers: number
  newSpace: number
  oldSpace: number
  oldUsed: number
  lo: number
  tag?: string
}

/** Resident memory by kind of mapping, MB: V8's and malloc's anonymous pages, brk heap, files (node, libs). */
function smapsSplit(pid: number): Record<string, number> {
  const split: Record<string, number> = { anon: 0, brk: 0, file: 0, other: 0 }
  let kind = 'other'
  for (const line of readFileSync(`/proc/${pid}/smaps`, 'utf8').split('\n')) {
    const head = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/.exec(line)
    if (head) {
      const name = head[1] ?? ''
      kind = name === '' ? 'anon' : name === '[heap]' ? 'brk' : name.startsWith('/') ? 'file' : 'other'
      continue
    }
    const rss = /^Rss:\s+(\d+) kB/.exec(line)
    if (rss) split[kind]! += Number(rss[1]) / 1024
  }
  for (const k of Object.keys(split)) split[k] = Math.round(split[k]!)
  return split
}

const readTrace = (file: string): Sample[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Sample)

const variants: { label: string; env: NodeJS.ProcessEnv; cwd?: string }[] = []
if (values.cwd)
  for (const c of values.cwd.split(',')) variants.push({ label: `cwd ${c}`, env: {}, cwd: resolve(c) })
if (values.env) {
  const [name, list] = values.env.split('=') as [string, string]
  for (const v of list.split(',')) variants.push({ label: `${name}=${v}`, env: { [name]: v } })
}
if (variants.length === 0) variants.push({ label: 'this checkout', env: {} })

buildWebIfStale()
const cluster = await startCluster()
const browser = await launchBrowser()
const pods = Number(values.pods)
const results = new Map<string, { raw: number[]; peak: number[]; gcRss: number[]; gcHeap: number[] }>(
  variants.map((v) => [v.label, { raw: [], peak: [], gcRss: [], gcHeap: [] }]),
)
try {
  cluster.sandbox.seedPods('bench', pods)
  const r = await cluster.request('GET', '/api/v1/pods?limit=1')
  const meta = (JSON.parse(r.text) as { metadata?: { remainingItemCount?: number } }).metadata
  const expected = 1 + (meta?.remainingItemCount ?? 0)
  log(`${expected} pods`)
  for (let round = 0; round < Number(values.rounds); round++)
    for (const v of variants) {
      const trace = `/tmp/mem-trace-${process.pid}-${round}-${v.label.replace(/\W+/g, '_')}.jsonl`
      rmSync(trace, { force: true })
      const web = await startWeb(
        { ...cluster.env, ...v.env, MEM_TRACE_OUT: trace },
        [
          '--expose-gc',
          '--import',
          resolve('bench/mem-trace.mjs'),
          ...values.flags.split(' ').filter(Boolean),
        ],
        v.cwd ? ['--static', join(resolve('.'), 'out/web')] : [],
        v.cwd,
      )
      try {
        const res = results.get(v.label)!
        for (let i = 0; i < Number(values.opens); i++) {
          const from = Date.now()
          let readAt = 0
          const o = await openPods(browser, web.url, expected, {
            backendRss: () => {
              readAt = Date.now()
              return web.rssMb()
            },
          })
          const s = readTrace(trace).filter((x) => x.t >= from && !x.tag)
          const at = s.reduce((a, b) => (Math.abs(b.t - readAt) < Math.abs(a.t - readAt) ? b : a))
          const max = (k: keyof Sample): number => Math.max(...s.map((x) => Number(x[k])))
          res.raw.push(o.backendRssMb ?? Number.NaN)
          res.peak.push(max('rss'))
          console.log(
            `${v.label} round ${round + 1} open ${i + 1}: whole list ${Math.round(o.allRowsMs)} ms (cold ${Math.round(o.coldAllRowsMs)}); ` +
              `RSS at reading ${o.backendRssMb?.toFixed(0)} MB [heapUsed ${at.heapUsed} / total ${at.heapTotal}, ` +
              `new ${at.newSpace}, old ${at.oldUsed}/${at.oldSpace}, lo ${at.lo}, external ${at.external}, ` +
              `arrayBuffers ${at.arrayBuffers}]; peaks: rss ${max('rss')} heapUsed ${max('heapUsed')} ` +
              `heapTotal ${max('heapTotal')} external ${max('external')} arrayBuffers ${max('arrayBuffers')} lo ${max('lo')}`,
          )
          if (values.curve && i === Number(values.opens) - 1)
            for (const x of s)
              console.log(
                `  +${x.t - from} ms rss ${x.rss} heapUsed ${x.heapUsed} heapTotal ${x.heapTotal} new ${x.newSpace} ` +
                  `old ${x.oldUsed}/${x.oldSpace} lo ${x.lo} ext ${x.external} ab ${x.arrayBuffers}${x.t >= readAt && x.t - readAt < 60 ? '  <- reading' : ''}`,
              )
        }
        const split = smapsSplit(web.pid)
        process.kill(web.pid, 'SIGUSR2')
        let gc: Sample | undefined
        for (let i = 0; i < 100 && !gc; i++) {
          await new Promise((r) => setTimeout(r, 100))
          gc = readTrace(trace).find((x) => x.tag === 'gc')
        }
        const after = smapsSplit(web.pid)
        res.gcRss.push(gc?.rss ?? Number.NaN)
        res.gcHeap.push(gc?.heapUsed ?? Number.NaN)
        console.log(
          `${v.label} round ${round + 1}: smaps before GC ${JSON.stringify(split)}, after ${JSON.stringify(after)}; ` +
            `after 2 GCs rss ${gc?.rss} heapUsed ${gc?.heapUsed} heapTotal ${gc?.heapTotal} external ${gc?.external} ` +
            `arrayBuffers ${gc?.arrayBuffers} (load ${readFileSync('/proc/loadavg', 'utf8').split(' ')[0]})`,
        )
      } finally {
        await web.stop()
      }
    }
  const med = (xs: number[]): string => percentile(xs, 50).toFixed(0)
  const range = (xs: number[]): string => `${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)}`
  for (const [label, r] of results)
    console.log(
      `${label}: RSS at the bench's reading ${med(r.raw)} MB (${range(r.raw)}), peak ${med(r.peak)} (${range(r.peak)}), ` +
        `after GC ${med(r.gcRss)} (${range(r.gcRss)}), heap after GC ${med(r.gcHeap)}; ${r.raw.length} opens`,
    )
} finally {
  await browser.close()
  await cluster.stop()
}
