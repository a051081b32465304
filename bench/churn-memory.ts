// Scenario 3 alone: the backend's memory after each churn run, raw (what the bench reports) and after a GC,
// split into heap / external / array buffers, for one backend checkout or another (bisecting a regression).
//   npx tsx bench/churn-memory.ts [--cwd OTHER_CHECKOUT] [--runs 3] [--seconds 30] [--pods 10000] [--opens 0]
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { launchBrowser } from './browser'
import { churn } from './churn-scenario'
import { startCluster } from './cluster'
import { openPods } from './pods-scenario'
import { reconcileRollout } from './reconcile-scenario'
import { sessionFigures } from './session-scenario'
import { prepareStreaming } from './streaming-scenario'
import { startWeb } from './web'

const { values } = parseArgs({
  options: {
    cwd: { type: 'string' },
    runs: { type: 'string', default: '3' },
    seconds: { type: 'string', default: '30' },
    pods: { type: 'string', default: '10000' },
    opens: { type: 'string', default: '0' },
    // What the full bench runs before the churn on the same backend: scenario 7's sessions, scenario 9's rollouts.
    sessions: { type: 'string', default: '0' },
    rollouts: { type: 'string', default: '0' },
    flags: { type: 'string', default: '' },
  },
  strict: true,
})
const log = (m: string): void => void process.stderr.write(`[churn-memory] ${m}\n`)
const cwd = values.cwd ? resolve(values.cwd) : process.cwd()
const probeOut = `/tmp/mem-probe-${process.pid}.json`
const NS = 'bench'
const pods = Number(values.pods)

const cluster = await startCluster()
cluster.sandbox.seedPods(NS, pods)
const nodeArgs = [
  '--expose-gc',
  '--import',
  resolve('bench/mem-probe.mjs'),
  ...values.flags.split(' ').filter(Boolean),
]
const web = await startWeb(
  { ...cluster.env, MEM_PROBE_OUT: probeOut },
  nodeArgs,
  ['--static', join(cwd, 'out/web')],
  cwd,
)
const browser = await launchBrowser()

type Mem = Record<string, number>
// Signals coalesce and the command file is read when one arrives: give each mark time to be read.
const mark = async (what: string): Promise<void> => {
  writeFileSync(`${probeOut}.cmd`, `mark ${what}`)
  process.kill(web.pid, 'SIGUSR2')
  await new Promise((r) => setTimeout(r, 300))
}
const probe = async (): Promise<{ before: Mem; after: Mem; spacesBefore: Record<string, string> }> => {
  rmSync(probeOut, { force: true })
  writeFileSync(`${probeOut}.cmd`, 'probe')
  process.kill(web.pid, 'SIGUSR2')
  for (let i = 0; i < 100; i++) {
    await new Promise((r) => setTimeout(r, 100))
    try {
      return JSON.parse(readFileSync(probeOut, 'utf8')) as never
    } catch {
      /* not written yet */
    }
  }
  throw new Error('the probe did not answer')
}

try {
  const expected = (
    await cluster.request('GET', '/api/v1/pods?limit=1', undefined, undefined, { head: 4000 })
  ).text
  const m = /"remainingItemCount":(\d+)/.exec(expected)
  let total = m ? Number(m[1]) + 1 : pods
  log(`cwd ${cwd}; ${total} pods`)
  const opened: string[] = []
  for (let i = 0; i < Number(values.opens); i++) {
    const o = await openPods(browser, web.url, total)
    opened.push(`${o.allRowsMs.toFixed(0)}/${o.coldAllRowsMs.toFixed(0)}`)
  }
  if (Number(values.opens) > 0)
    log(
      `after ${values.opens} opens (whole list warm/cold ms: ${opened.join(' ')}): RSS ${web.rssMb().toFixed(0)} MB`,
    )
  if (Number(values.sessions) > 0) {
    await prepareStreaming(cluster, NS)
    for (let i = 0; i < Number(values.sessions); i++) await sessionFigures(web.url, NS, 20, 6)
    log(`after ${values.sessions} sessions: RSS ${web.rssMb().toFixed(0)} MB`)
  }
  for (let i = 0; i < Number(values.rollouts); i++) await reconcileRollout(browser, cluster, web.url, 500)
  if (Number(values.rollouts) > 0) log(`after ${values.rollouts} rollouts: RSS ${web.rssMb().toFixed(0)} MB`)
  // The earlier scenarios leave pods of their own (the streaming pod, the rollout's, some still terminating).
  const count = async (): Promise<number> => {
    const r = await cluster.request('GET', '/api/v1/pods?limit=1', undefined, undefined, { head: 4000 })
    return 1 + Number(/"remainingItemCount":(\d+)/.exec(r.text)?.[1] ?? 0)
  }
  for (let last = -1; (total = await count()) !== last; last = total)
    await new Promise((r) => setTimeout(r, 3000))
  for (let run = 1; run <= Number(values.runs); run++) {
    await mark(`churn-${run}-start`)
    await churn(browser, cluster, web.url, {
      expectedRows: total,
      rate: 200,
      seconds: Number(values.seconds),
      namespace: NS,
    })
    const raw = web.rssMb()
    await mark(`churn-${run}-end`)
    if (run < Number(values.runs)) {
      console.log(JSON.stringify({ run, rawRss: +raw.toFixed(0) }))
      continue
    }
    // Only after the last run: a forced GC would change what the next run's raw RSS reads.
    const p = await probe()
    const gcRss = web.rssMb()
    console.log(
      JSON.stringify({
        run,
        rawRss: +raw.toFixed(0),
        gcRss: +gcRss.toFixed(0),
        before: p.before,
        after: p.after,
      }),
    )
    console.log('  spaces before GC:', JSON.stringify(p.spacesBefore))
  }
} finally {
  await browser.close()
  await web.stop()
  await cluster.stop()
}
if (process.env.BENCH_WEB_STDOUT)
  console.log(summarizeGcTrace(readFileSync(process.env.BENCH_WEB_STDOUT, 'utf8')))

/**
 * With `--flags --trace-gc` and BENCH_WEB_STDOUT: per churn run, the bytes allocated (the heap's growth
 * between one collection's end and the next one's start, summed), scavenges and mark-compacts.
 */
function summarizeGcTrace(text: string): string {
  const out: string[] = []
  let phase: { name: string; allocated: number; scavenges: number; full: number } | undefined
  let lastAfter: number | undefined
  for (const line of text.split('\n')) {
    const marker = /MEM-PROBE mark (\S+)/.exec(line)
    if (marker?.[1]?.endsWith('-start')) phase = { name: marker[1], allocated: 0, scavenges: 0, full: 0 }
    else if (marker && phase) {
      out.push(
        `${phase.name.replace(/-start$/, '')}: allocated ${phase.allocated.toFixed(0)} MB, ` +
          `${phase.scavenges} scavenges, ${phase.full} mark-compacts`,
      )
      phase = undefined
    }
    const gc =
      /ms: (Scavenge|Mark-Compact|Mark-sweep)[^\d]*([\d.]+) \(([\d.]+)\) -> ([\d.]+) \(([\d.]+)\) MB/.exec(
        line,
      )
    if (!gc) continue
    const before = Number(gc[2])
    if (phase && lastAfter !== undefined) {
      phase.allocated += Math.max(0, before - lastAfter)
      if (gc[1] === 'Scavenge') phase.scavenges++
      else phase.full++
    }
    lastAfter = Number(gc[4])
  }
  return out.join('\n')
}
