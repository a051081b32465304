import { spawn } from 'node:child_process'
import { appendFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { BenchBrowser } from './browser'
import { onPage } from './browser'
import type { BenchCluster } from './cluster'
import {
  backendGc,
  idleCpuPercent,
  idleWindowDiagnostics,
  pageTaskSeconds,
  processCpuSeconds,
  SETTLED_GC_QUIET_MS,
  SETTLE_MAX_MS,
  waitForSettledBackend,
} from './idle-cpu'
import { spread } from './stats'
import { figure, type Figure } from './table'

// Scenario 8 (issue 16): many kinds at once. Custom kinds are created through the API like any client would.

export interface KindsSetup {
  kinds: string[]
  big: string
}

const GROUP = 'bench.skiff.dev'

function crd(plural: string, kind: string): object {
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: `${plural}.${GROUP}` },
    spec: {
      group: GROUP,
      scope: 'Namespaced',
      names: { plural, singular: kind.toLowerCase(), kind },
      versions: [
        {
          name: 'v1',
          served: true,
          storage: true,
          schema: {
            openAPIV3Schema: {
              type: 'object',
              properties: { spec: { type: 'object', properties: { size: { type: 'integer' } } } },
            },
          },
          additionalPrinterColumns: [{ name: 'Size', type: 'integer', jsonPath: '.spec.size' }],
        },
      ],
    },
  }
}

async function pool(count: number, width: number, fn: (i: number) => Promise<void>): Promise<void> {
  let next = 0
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < count) await fn(next++)
    }),
  )
}

async function createKind(cluster: BenchCluster, ns: string, plural: string, kind: string, n: number) {
  const made = await cluster.request(
    'POST',
    '/apis/apiextensions.k8s.io/v1/customresourcedefinitions',
    crd(plural, kind),
  )
  if (made.status !== 201)
    throw new Error(`creating CRD ${plural}: ${made.status} ${made.text.slice(0, 200)}`)
  await pool(n, 16, async (i) => {
    const r = await cluster.request('POST', `/apis/${GROUP}/v1/namespaces/${ns}/${plural}`, {
      apiVersion: `${GROUP}/v1`,
      kind,
      metadata: { name: `${kind.toLowerCase()}-${i}` },
      spec: { size: i },
    })
    if (r.status !== 201) throw new Error(`creating ${plural} #${i}: ${r.status} ${r.text.slice(0, 200)}`)
  })
}

/** `kinds` CRDs with `perKind` objects each, and one CRD with `bigCount` objects. */
export async function setUpKinds(
  cluster: BenchCluster,
  ns: string,
  kinds: number,
  perKind: number,
  bigCount: number,
): Promise<KindsSetup> {
  const names: string[] = []
  for (let i = 0; i < kinds; i++) {
    await createKind(cluster, ns, `kind${i}s`, `Kind${i}`, perKind)
    names.push(`kind${i}s`)
  }
  await createKind(cluster, ns, 'bigs', 'Big', bigCount)
  return { kinds: names, big: 'bigs' }
}

/** The backend's resource services watching every kind and all pods at once, in a process of their own. */
export async function backendRss(
  cluster: BenchCluster,
  setup: KindsSetup,
  idleSeconds: number,
  settle = true,
): Promise<{ rssMb: number; rows: number; idleCpuPct: number }> {
  const child = spawn(
    process.execPath,
    [
      '--expose-gc',
      '--import',
      'tsx',
      'bench/kinds-backend.ts',
      setup.kinds.join(','),
      String(idleSeconds),
      settle ? 'settle' : '',
    ],
    {
      env: cluster.env,
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  )
  try {
    // Two lines: RSS once every snapshot is whole, then the idle CPU measured after it.
    const lines = await new Promise<string[]>((resolve, reject) => {
      let out = ''
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString()
        const done = out.split('\n')
        if (done.length > 2) resolve(done.slice(0, 2))
      })
      child.once('exit', (code) => reject(new Error(`kinds-backend exited with ${code}`)))
    })
    return {
      ...(JSON.parse(lines[0] ?? '') as { rssMb: number; rows: number }),
      ...(JSON.parse(lines[1] ?? '') as { idleCpuPct: number }),
    }
  } finally {
    child.stdin.end()
  }
}

// In the page: go to a kind's view and poll each frame until its first row is painted, then until all are.
const openKindScript = (id: string, label: string, expected: number): string => `(async () => {
  const frame = () => new Promise((r) => requestAnimationFrame(() => r()))
  const t0 = performance.now()
  location.hash = '#kind/${id}'
  let first = NaN
  let all = NaN
  while (performance.now() - t0 < 90000) {
    await frame()
    const grid = document.querySelector('[role="grid"][aria-label^="${label} objects"]')
    if (!grid) continue
    if (Number.isNaN(first) && grid.querySelector('tbody tr:not([aria-hidden]) td')) first = performance.now() - t0
    if (Number(grid.getAttribute('aria-rowcount')) - 1 >= ${expected}) { all = performance.now() - t0; break }
  }
  return { first, all }
})()`

export interface KindsBrowserResult {
  switchFirstRowsMs: number
  /** A kind's view opened for the first time (another kind's view open before it). */
  firstVisitFirstRowsMs: number
  bigFirstRowsMs: number
  bigAllRowsMs: number
  heapMb: number
  /** With the big CRD's view open and nothing changing: the web backend's CPU and the page's main thread. */
  idleBackendCpuPct: number
  idlePageCpuPct: number
}

/**
 * In the app: the pods view (10k pods) is opened first so its watch runs; then two kinds' views are switched
 * between (first rows of the one switched to), then the big CRD is opened; the heap is read at the end.
 */
export async function kindsInBrowser(
  browser: BenchBrowser,
  url: string,
  setup: KindsSetup,
  perKind: number,
  bigCount: number,
  pods: number,
  idle: { backendPid: number; seconds: number; settleSeconds: number },
): Promise<KindsBrowserResult> {
  return await onPage(browser, `${url}#workloads`, async (p) => {
    // The pods view has listed every pod (its grid counts them) before the kinds are opened.
    await p.page.evaluate(`(async () => {
      const t0 = performance.now()
      while (performance.now() - t0 < 90000) {
        const grid = document.querySelector('[role="grid"]')
        if (Number(grid?.getAttribute('aria-rowcount') ?? 0) - 1 >= ${pods}) return
        await new Promise((r) => requestAnimationFrame(() => r()))
      }
      throw new Error('the pods view never counted ${pods} pods')
    })()`)
    const [a, b] = setup.kinds
    const open = (id: string, label: string, n: number) =>
      p.page.evaluate<{ first: number; all: number }>(openKindScript(`${id}.${GROUP}`, label, n))
    // Warm both once (the catalog, the code paths), then time switches between them.
    await open(a!, 'Kind0', perKind)
    const firstVisit = await open(b!, 'Kind1', perKind)
    const switches: number[] = []
    for (let i = 0; i < 4; i++)
      switches.push((await open(i % 2 ? b! : a!, i % 2 ? 'Kind1' : 'Kind0', 1)).first)
    const big = await open(setup.big, 'Big', bigCount)
    // Idle: nothing changes in the cluster. The window starts once the backend has settled: the views left
    // behind have ended their watches (useResourceWatch's 10 s linger), one full collection has taken the
    // garbage of the opens above, and SETTLED_GC_QUIET_MS have passed with no full collection and no watch
    // opened or closed.
    // With a fixed 11 s wait, V8's memory reducer collected that garbage inside the window (8-40 s after
    // the opens, 100-900 ms of CPU each with ~70 MB live): all of the 0.5-1.9 % once measured there
    // (docs/performance.md, "Idle CPU after the other scenarios").
    const settle =
      idle.settleSeconds > 0
        ? await waitForSettledBackend(url, {
            minMs: idle.settleSeconds * 1000,
            quietMs: SETTLED_GC_QUIET_MS,
            maxMs: SETTLE_MAX_MS,
          })
        : undefined
    const gcBefore = await backendGc(url)
    // BENCH_IDLE_PROFILE=DIR: a CPU profile of the page over the idle window, to see what it spends.
    const profileDir = process.env.BENCH_IDLE_PROFILE
    if (profileDir) await p.cdp.send('Profiler.enable').then(() => p.cdp.send('Profiler.start'))
    // BENCH_IDLE_DIAG=FILE: one JSON line per window (its bounds, the backend's live counts and GCs before
    // and after, its CPU second by second and per thread); see idleWindowDiagnostics.
    const diagFile = process.env.BENCH_IDLE_DIAG
    const diag = diagFile ? await idleWindowDiagnostics(url, idle.backendPid, idle.seconds) : undefined
    const [idleBackendCpuPct, idlePageCpuPct] = await Promise.all([
      idleCpuPercent(() => processCpuSeconds(idle.backendPid), idle.seconds),
      idleCpuPercent(() => pageTaskSeconds(p.cdp), idle.seconds),
    ])
    if (diagFile && diag) appendFileSync(diagFile, `${JSON.stringify(await diag.end())}\n`)
    const gcAfter = await backendGc(url)
    process.stderr.write(
      `[scenario 8] idle window: backend ${idleBackendCpuPct.toFixed(2)} % after ` +
        (settle
          ? `${(settle.waitedMs / 1000).toFixed(0)} s ${settle.settled ? 'settling' : 'without settling'}`
          : 'no settling') +
        `; ${gcAfter.count - gcBefore.count} GCs in it (${gcAfter.major - gcBefore.major} full)\n`,
    )
    if (profileDir) {
      const { profile } = await p.cdp.send('Profiler.stop')
      writeFileSync(join(profileDir, `idle-page-${Date.now()}.cpuprofile`), JSON.stringify(profile))
    }
    switches.sort((x, y) => x - y)
    return {
      switchFirstRowsMs: switches[Math.floor(switches.length / 2)] ?? Number.NaN,
      firstVisitFirstRowsMs: firstVisit.first,
      bigFirstRowsMs: big.first,
      bigAllRowsMs: big.all,
      heapMb: await p.heapMb(),
      idleBackendCpuPct,
      idlePageCpuPct,
    }
  })
}

export function kindsFigures(
  sizes: { kinds: number; perKind: number; big: number; pods: number },
  backend: { rssMb: number; idleCpuPct: number }[],
  browser: KindsBrowserResult[],
): Figure[] {
  const k = (n: number): string => (n >= 1000 ? `${n / 1000}k` : String(n))
  const pick = <T>(xs: T[], f: (x: T) => number): number[] => xs.map(f)
  const s = '8'
  const many = `${sizes.kinds} kinds × ${k(sizes.perKind)} + ${k(sizes.pods)} pods`
  return [
    figure(
      s,
      `${many} watched: backend RSS`,
      'MB',
      spread(pick(backend, (r) => r.rssMb)),
      { below: 400 },
      'the backend’s resource services in a process of their own',
    ),
    figure(
      s,
      `${many} watched, nothing changing: backend CPU`,
      '%',
      spread(pick(backend, (r) => r.idleCpuPct)),
      { below: 1 },
      'of one core; the same process as the RSS above',
    ),
    figure(
      s,
      'In the app, idle on a kind’s view: web backend CPU',
      '%',
      spread(pick(browser, (r) => r.idleBackendCpuPct)),
      { below: 1 },
      'of one core; the whole web-mode process',
    ),
    figure(
      s,
      'In the app, idle on a kind’s view: page main thread',
      '%',
      spread(pick(browser, (r) => r.idlePageCpuPct)),
      { below: 1 },
      'CDP TaskDuration',
    ),
    figure(s, `Renderer heap (pods view + kind views)`, 'MB', spread(pick(browser, (r) => r.heapMb)), {
      below: 150,
    }),
    figure(
      s,
      `Switch between two kinds’ views → first rows`,
      'ms',
      spread(pick(browser, (r) => r.switchFirstRowsMs)),
      { below: 300 },
      'back to a kind seen before: its last rows at once, live once the new watch has listed',
    ),
    figure(
      s,
      'Switch to a kind not opened before → first rows',
      'ms',
      spread(pick(browser, (r) => r.firstVisitFirstRowsMs)),
      { below: 300 },
      'a new watch: the backend lists it from the API server',
    ),
    figure(
      s,
      `CRD with ${k(sizes.big)} objects: open → first rows`,
      'ms',
      spread(pick(browser, (r) => r.bigFirstRowsMs)),
      { below: 1000 },
    ),
    figure(
      s,
      `CRD with ${k(sizes.big)} objects: open → all rows`,
      'ms',
      spread(pick(browser, (r) => r.bigAllRowsMs)),
    ),
  ]
}
