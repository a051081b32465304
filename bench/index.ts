// `npm run bench [-- --quick] [-- --runs N]`: Skiff's performance figures on a sandbox, one table.
import { parseArgs } from 'node:util'
import { launchBrowser } from './browser'
import { churn } from './churn-scenario'
import { startCluster, type BenchCluster } from './cluster'
import { compareWithKubectl } from './kubectl-scenario'
import { backendRss, kindsFigures, kindsInBrowser, setUpKinds } from './kinds-scenario'
import { logViewerThroughput } from './log-viewer-scenario'
import { logsThroughput } from './logs-scenario'
import { machineFigures } from './machine-scenario'
import { openPods } from './pods-scenario'
import { reconcileRollout } from './reconcile-scenario'
import { largeListFigures, sandboxFigures } from './sandbox-scenario'
import { prepareStreaming, streamingFigures } from './streaming-scenario'
import { repeat } from './stats'
import {
  churnFigures,
  kubectlFigures,
  largeListFigureRows,
  logViewerFigures,
  logsFigures,
  machineFigureRows,
  podsFigures,
  reconcileFigures,
  sandboxFigureRows,
  sessionFigureRows,
  streamingFigureRows,
} from './figures'
import { renderTable, type Figure } from './table'
import { backendAfterGc, startWeb } from './web'
import { sessionFigures } from './session-scenario'
import { runSoak } from './soak-run'
import { buildWebIfStale } from '../scripts/serve.mjs'

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    // npm test runs every scenario at toy sizes so the bench cannot rot; a failing scenario then exits 1.
    smoke: { type: 'boolean', default: false },
    runs: { type: 'string' },
    // e.g. --only 1,5: run just these scenarios (0 = the machine's own speed, 1 = open Pods, 2 = churn and memory, 4 = logs, 5 = kubectl,
    // 6 = sandbox, 7 = exec and port-forward, 8 = many kinds,
    // 9 = reconcile view during a rollout), for profiling one figure without waiting for the rest.
    only: { type: 'string' },
    // A long session compressed into minutes (bench/soak-scenario.ts); runs only the soak.
    soak: { type: 'boolean', default: false },
    hours: { type: 'string' },
    'soak-pods': { type: 'string' },
    // With --soak: write heap snapshots of the backend and the page after hour 1 and the last hour here.
    snapshots: { type: 'string' },
    // Serve another build of the renderer (e.g. main's, built with `vite build --outDir DIR`), for before/after.
    static: { type: 'string' },
  },
  strict: true,
})
const log = (m: string): void =>
  void process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${m}\n`)
if (values.soak) {
  buildWebIfStale()
  const ok = await runSoak({
    hours: values.hours ? Number(values.hours) : 8,
    pods: values['soak-pods'] ? Number(values['soak-pods']) : 1000,
    ...(values.snapshots ? { snapshotDir: values.snapshots } : {}),
    log,
  })
  process.exit(ok ? 0 : 1)
}
const smoke = values.smoke ?? false
const quick = (values.quick ?? false) || smoke
const runs = values.runs ? Number(values.runs) : smoke ? 1 : quick ? 2 : 5
const sizes = smoke
  ? {
      small: 200,
      large: 400,
      huge: undefined,
      churnSeconds: 2,
      logSeconds: 1,
      watchers: 3,
      getSeconds: 0.5,
      samples: 3,
      kinds: 2,
      perKind: 50,
      big: 200,
      idleSeconds: 1,
    }
  : quick
    ? {
        small: 1000,
        large: 3000,
        huge: undefined,
        churnSeconds: 5,
        logSeconds: 3,
        watchers: 10,
        getSeconds: 1,
        samples: 10,
        kinds: 20,
        perKind: 200,
        big: 2000,
        idleSeconds: 5,
      }
    : {
        small: 10_000,
        large: 50_000,
        huge: 100_000 as number | undefined,
        churnSeconds: 30,
        logSeconds: 20,
        watchers: 50,
        getSeconds: 3,
        samples: 20,
        kinds: 20,
        perKind: 2000,
        big: 10_000,
        idleSeconds: 20,
      }
const slowRuns = quick ? 1 : 3
const only = values.only ? new Set(values.only.split(',').map((s) => s.trim())) : undefined
const want = (scenario: string): boolean => !only || only.has(scenario)
const NS = 'bench'

const k = (n: number): string => (n >= 1000 ? `${n / 1000}k` : String(n))

async function totalPods(cluster: BenchCluster): Promise<number> {
  const r = await cluster.request('GET', '/api/v1/pods?limit=1')
  const meta = (JSON.parse(r.text) as { metadata?: { remainingItemCount?: number } }).metadata
  return 1 + (meta?.remainingItemCount ?? 0)
}

/** Browser runs now and then meet a blank page on this loaded machine; one more try tells that from a bug. */
async function retryOnce<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  } catch (err) {
    log(`retrying once after: ${(err as Error).message.slice(0, 200)}`)
    return fn()
  }
}

/** A scenario that fails is reported and skipped, so one broken part does not hide the other figures. */
async function attempt<T>(name: string, fn: () => Promise<T>): Promise<T | undefined> {
  try {
    return await fn()
  } catch (err) {
    log(`${name} FAILED: ${(err as Error).message.slice(0, 600)}`)
    failures.push(name)
    return undefined
  }
}

const failures: string[] = []
const figures: Figure[] = []
const started = Date.now()
log(`mode: ${smoke ? 'smoke' : quick ? 'quick' : 'full'}; ${runs} runs of each short scenario`)
if (!values.static) buildWebIfStale()
const cluster = await startCluster()
// --expose-gc only lets GET /api/diagnostics?gc=1 collect garbage (scenario 3's after-GC reading); nothing else
// in the backend calls gc().
const web = await startWeb(
  cluster.env,
  ['--expose-gc'],
  values.static ? ['--static', values.static] : [],
).catch(async (err: unknown) => {
  await cluster.stop()
  throw err
})
const browser = await launchBrowser().catch(async (err: unknown) => {
  await web.stop()
  await cluster.stop()
  throw err
})
try {
  const machine = !want('0')
    ? undefined
    : await attempt('scenario 0', () => repeat(runs, () => machineFigures(browser)))
  if (machine) figures.push(...machineFigureRows(machine))
  cluster.sandbox.seedPods(NS, sizes.small)
  let expected = await totalPods(cluster)
  log(`seeded ${sizes.small} pods (${expected} in the cluster); scenario 1 at ${k(sizes.small)}`)
  const small = !want('1')
    ? undefined
    : await attempt('scenario 1 small', () =>
        repeat(runs, () => retryOnce(() => openPods(browser, web.url, expected))),
      )
  const smallFigures = small ? podsFigures(sizes.small, small, { first: 1000, all: 1500 }) : []
  figures.push(...smallFigures)

  if (want('5')) log('scenario 5: Skiff list+projection vs kubectl')
  const cmp = !want('5')
    ? undefined
    : await attempt('scenario 5', () => repeat(runs, () => compareWithKubectl(cluster, NS)))
  if (want('6')) log('scenario 6: the sandbox itself')
  const sb = !want('6')
    ? undefined
    : await attempt('scenario 6', () =>
        repeat(runs, () => sandboxFigures(cluster, NS, sizes.watchers, sizes.getSeconds)),
      )
  if (want('7')) log('scenario 7: exec and port-forward')
  const st = !want('7')
    ? undefined
    : await attempt('scenario 7', async () => {
        await prepareStreaming(cluster, NS)
        return repeat(runs, () => streamingFigures(cluster, NS, sizes.samples))
      })
  const ss = !want('7')
    ? undefined
    : await attempt('scenario 7 (Skiff terminal and forward)', () =>
        repeat(runs, () => sessionFigures(web.url, NS, sizes.samples, Math.max(1, sizes.getSeconds * 2))),
      )

  const replicas = smoke ? 50 : 500
  if (want('9')) log(`scenario 9: reconcile view of a ${replicas}-replica rollout`)
  const rc = !want('9')
    ? undefined
    : await attempt('scenario 9', () =>
        repeat(slowRuns, () => retryOnce(() => reconcileRollout(browser, cluster, web.url, replicas))),
      )
  if (rc) figures.push(...reconcileFigures(rc, replicas))

  if (want('2')) log(`scenarios 2+3: churn 200/s for ${sizes.churnSeconds} s`)
  const rss: number[] = []
  const afterGc: { rssMb: number; heapMb: number }[] = []
  const ch = !want('2')
    ? undefined
    : await attempt('scenarios 2+3', () =>
        repeat(slowRuns, async () => {
          const r = await retryOnce(() =>
            churn(browser, cluster, web.url, {
              expectedRows: expected,
              rate: 200,
              seconds: sizes.churnSeconds,
              namespace: NS,
            }),
          )
          rss.push(web.rssMb())
          // After the last run only: a forced GC between runs would change what the next raw reading sees.
          if (rss.length === slowRuns) afterGc.push(await backendAfterGc(web.url))
          return r
        }),
      )
  if (ch) figures.push(...churnFigures(ch, rss, afterGc, 200, sizes.churnSeconds))

  if (want('4'))
    log(`scenario 4: logs 50k lines/s for ${sizes.logSeconds} s, in the app's viewer, then in Node`)
  const viewer = !want('4')
    ? undefined
    : await attempt('scenario 4 (viewer)', () =>
        repeat(slowRuns, () =>
          retryOnce(() => logViewerThroughput(browser, cluster, web.url, 50_000, sizes.logSeconds)),
        ),
      )
  if (viewer) figures.push(...logViewerFigures(viewer, 50_000, sizes.logSeconds))
  const lg = !want('4')
    ? undefined
    : await attempt('scenario 4', () => repeat(slowRuns, () => logsThroughput(50_000, sizes.logSeconds)))
  if (lg) figures.push(...logsFigures(lg, 50_000))
  if (want('8')) log(`scenario 8: ${sizes.kinds} kinds × ${sizes.perKind} objects, a CRD with ${sizes.big}`)
  const kindsRun = !want('8')
    ? undefined
    : await attempt('scenario 8', async () => {
        const setup = await setUpKinds(cluster, NS, sizes.kinds, sizes.perKind, sizes.big)
        const backend = await repeat(slowRuns, () => backendRss(cluster, setup, sizes.idleSeconds, !smoke))
        // The settle outlasts useResourceWatch's 10 s linger; smoke mode (npm test) skips it to stay short.
        const idle = { backendPid: web.pid, seconds: sizes.idleSeconds, settleSeconds: smoke ? 0 : 11 }
        const inApp = await repeat(slowRuns, () =>
          retryOnce(() => kindsInBrowser(browser, web.url, setup, sizes.perKind, sizes.big, expected, idle)),
        )
        return { backend, inApp }
      })
  if (kindsRun)
    figures.push(
      ...kindsFigures(
        { kinds: sizes.kinds, perKind: sizes.perKind, big: sizes.big, pods: sizes.small },
        kindsRun.backend,
        kindsRun.inApp,
      ),
    )
  if (cmp) figures.push(...kubectlFigures(sizes.small, cmp))
  if (sb) figures.push(...sandboxFigureRows(sizes.small, sizes.watchers, sb))
  if (st) figures.push(...streamingFigureRows(st))
  if (ss) figures.push(...sessionFigureRows(ss))

  let seededLarge = false
  const seedLarge = async (): Promise<void> => {
    if (seededLarge) return
    seededLarge = true
    cluster.sandbox.seedPods(NS, sizes.large - sizes.small)
    expected = await totalPods(cluster)
  }
  const large = !want('1')
    ? undefined
    : await attempt('scenario 1 large', async () => {
        await seedLarge()
        log(`seeded up to ${sizes.large} pods; scenario 1 at ${k(sizes.large)}`)
        return repeat(slowRuns, () => retryOnce(() => openPods(browser, web.url, expected)))
      })
  const largeFigures = large ? podsFigures(sizes.large, large, { first: 3000, all: 1000 }) : []
  figures.splice(smallFigures.length, 0, ...largeFigures)

  // Issue 22's sandbox target is at 50k pods: full mode only (quick and smoke keep their toy sizes). Before
  // the 100k seeding below, so the namespace holds exactly 50k.
  if (want('6') && !quick) log(`scenario 6 at ${k(sizes.large)}: paged and whole LIST`)
  const sbLarge =
    !want('6') || quick
      ? undefined
      : await attempt('scenario 6 large', async () => {
          await seedLarge()
          return repeat(runs, () => largeListFigures(cluster, NS))
        })
  if (sbLarge) figures.push(...largeListFigureRows(sizes.large, sbLarge))

  // Full mode only (issue 22): 100,000 pods in one namespace, with the list scrolled and the backend's RSS.
  const hugeSize = sizes.huge
  const huge =
    !want('1') || hugeSize === undefined
      ? undefined
      : await attempt('scenario 1 huge', async () => {
          await seedLarge()
          cluster.sandbox.seedPods(NS, hugeSize - sizes.large)
          expected = await totalPods(cluster)
          log(`seeded up to ${hugeSize} pods; scenario 1 at ${k(hugeSize)}`)
          return repeat(slowRuns, () =>
            retryOnce(() => openPods(browser, web.url, expected, { scrollMs: 3000, backendRss: web.rssMb })),
          )
        })
  if (huge && hugeSize !== undefined)
    figures.splice(
      smallFigures.length + largeFigures.length,
      0,
      ...podsFigures(hugeSize, huge, { first: 300, all: 2500, heap: 100, backendRss: 600 }),
    )
} finally {
  await browser.close().catch(() => {})
  await web.stop()
  await cluster.stop()
}
console.log(
  `\nSkiff bench (${quick ? 'quick' : 'full'}) ${new Date().toISOString().slice(0, 16)}Z, node ${process.version}, ` +
    `${Math.round((Date.now() - started) / 1000)} s; median and min–max over runs\n`,
)
console.log(renderTable(figures))
if (failures.length > 0) console.log(`\nFailed scenarios: ${failures.join(', ')} (see the messages above)`)
process.exit(smoke && failures.length > 0 ? 1 : 0)
