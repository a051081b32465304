import { join } from 'node:path'
import type { RunningSandbox } from '@sandbox'
import type { BenchBrowser, BenchPage } from './browser'
import type { BenchCluster } from './cluster'
import type { SoakBackend } from './soak-backend'
import {
  contextShown,
  followLogs,
  pageHeapSnapshot,
  pageHeapSplit,
  pageMemory,
  shellIn,
  soakViews,
  until,
  visit,
} from './soak-page'

/**
 * One simulated hour of a person's session, compressed into ~30 s. The counts are what an hour of active use
 * of a local cluster looks like, scaled so every long-lived structure is exercised many times per hour:
 * a status change every 3 s across 1,000 pods (1,200), 20 pods created and the previous 20 deleted (new keys
 * and tombstones for every name-keyed cache), 14 view switches over 12 kinds' views, 3 follows of a chatty
 * pod's log, one of them with the pod deleted and recreated under the open viewer, a shell in that pod
 * (`hostname`) with the pod replaced under it, and two context switches
 * between two sandboxes (every watch of the first context ends and comes back).
 */
export const soakHour = {
  statusWrites: 1200,
  writesPerSecond: 100,
  podsCreated: 20,
  views: soakViews.length,
  logFollows: 3,
  followMs: 2000,
  shells: 1,
  podReplacements: 2,
  contextSwitches: 2,
}

export interface SoakReading {
  hour: number
  /** Wall seconds since the soak started. */
  atS: number
  backendRssMb: number
  backendHeapMb: number
  pageHeapMb: number
  /** The page's heap (snapshot self sizes) split into V8's compiled code and the rest, in MB. */
  pageCodeMb: number
  pageNonCodeMb: number
  domNodes: number
  listeners: number
  watchCaches: number
  watchRequests: number
  subscriptions: number
  sseStreams: number
  timers: number
  sockets: number
  /** Every live count by name, for the log. */
  live: Record<string, number>
}

export interface SoakOptions {
  namespace: string
  pods: number
  hours: number
  chatty: string
  /** The second sandbox the session switches to and back. */
  other: RunningSandbox
  /** Where hour 1's and the last hour's heap snapshots go; none when undefined. */
  snapshotDir?: string
  log: (m: string) => void
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))
const MB = 1024 * 1024

export async function soak(
  browser: BenchBrowser,
  cluster: BenchCluster,
  backend: SoakBackend,
  url: string,
  opts: SoakOptions,
): Promise<SoakReading[]> {
  const main = 'sandbox-bench'
  const other = `sandbox-${opts.other.name}`
  await createPod(cluster, opts.namespace, opts.chatty, 'bench/loggen:200')
  const p = await browser.open(`${url}#workloads`)
  // DevTools' network agent keeps every request's data; over hours that would be the bench's memory, not the app's.
  await p.cdp.send('Network.disable')
  const started = Date.now()
  const readings: SoakReading[] = []
  try {
    await contextShown(p.page, main)
    for (let hour = 1; hour <= opts.hours; hour++) {
      const churn = churnHour(cluster, opts, hour)
      await pageHour(p, cluster, backend, opts, main, other)
      await churn
      readings.push(await measure(p, backend, hour, started))
      const r = readings.at(-1)!
      opts.log(
        `hour ${hour}: backend RSS ${r.backendRssMb.toFixed(0)} MB heap ${r.backendHeapMb.toFixed(1)} MB, ` +
          `page heap ${r.pageHeapMb.toFixed(1)} MB (code ${r.pageCodeMb.toFixed(2)}, rest ${r.pageNonCodeMb.toFixed(2)}), ` +
          JSON.stringify(r.live),
      )
      if (opts.snapshotDir && (hour === 1 || hour === opts.hours)) {
        const backendFile = await backend.heapSnapshot()
        await pageHeapSnapshot(p, join(opts.snapshotDir, `page-hour-${hour}.heapsnapshot`))
        opts.log(`hour ${hour}: heap snapshots in ${opts.snapshotDir} (backend: ${backendFile})`)
      }
    }
    if (p.errors.length > 0) opts.log(`page errors during the soak: ${p.errors.slice(0, 5).join(' | ')}`)
    return readings
  } finally {
    await p.close()
  }
}

/** The page's part of one hour: views, log follows (one over a replaced pod), two context switches. */
async function pageHour(
  p: BenchPage,
  cluster: BenchCluster,
  backend: SoakBackend,
  opts: SoakOptions,
  main: string,
  other: string,
): Promise<void> {
  const dwell = 300
  const half = Math.ceil(soakViews.length / 2)
  for (const view of soakViews.slice(0, half)) await visit(p.page, view, dwell)
  await followLogs(p.page, opts.chatty, () => sleep(soakHour.followMs))
  await backend.call('contexts.use', { name: other })
  await contextShown(p.page, other)
  await visit(p.page, soakViews[1]!, dwell)
  await visit(p.page, soakViews[0]!, dwell)
  await backend.call('contexts.use', { name: main })
  await contextShown(p.page, main)
  for (const view of soakViews.slice(half)) await visit(p.page, view, dwell)
  await followLogs(p.page, opts.chatty, async () => {
    await replacePod(cluster, opts)
    await sleep(soakHour.followMs)
  })
  await shellIn(p.page, opts.chatty, () => replacePod(cluster, opts))
  await followLogs(p.page, opts.chatty, () => sleep(soakHour.followMs))
}

/** The chatty pod deleted and created again under the open log viewer, as a rollout or a crash would. */
async function replacePod(cluster: BenchCluster, opts: SoakOptions): Promise<void> {
  await deletePod(cluster, opts.namespace, opts.chatty)
  await createPod(cluster, opts.namespace, opts.chatty, 'bench/loggen:200')
}

/** One hour's churn, run beside the page: status writes at a steady rate, 20 pods in, last hour's 20 out. */
async function churnHour(cluster: BenchCluster, opts: SoakOptions, hour: number): Promise<void> {
  const ns = opts.namespace
  await expireEvents(cluster, ns, hourStarts)
  hourStarts.push(Date.now())
  for (let i = 0; i < soakHour.podsCreated; i++) {
    await createPod(cluster, ns, `soak-h${hour}-${i}`, 'nginx:1.27', false)
    if (hour > 1) await deletePod(cluster, ns, `soak-h${hour - 1}-${i}`)
  }
  const tickMs = 100
  const perTick = Math.round((soakHour.writesPerSecond * tickMs) / 1000)
  const t0 = Date.now()
  for (let sent = 0, tick = 0; sent < soakHour.statusWrites; tick++) {
    const batch: Promise<unknown>[] = []
    for (let i = 0; i < perTick && sent < soakHour.statusWrites; i++, sent++) {
      const pod = `seed-${Math.floor(Math.random() * opts.pods)}`
      const ip = `10.${100 + hour}.${(sent >> 8) & 255}.${sent & 255}`
      batch.push(
        cluster.request(
          'PATCH',
          `/api/v1/namespaces/${ns}/pods/${pod}/status`,
          { status: { podIP: ip, podIPs: [{ ip }] } },
          'application/merge-patch+json',
        ),
      )
    }
    await Promise.all(batch)
    await sleep(Math.max(0, t0 + (tick + 1) * tickMs - Date.now()))
  }
}

/** When each simulated hour began (wall ms), for the event TTL. */
const hourStarts: number[] = []

/**
 * The API server deletes events an hour after they were recorded (kube-apiserver's --event-ttl, 1 h); the
 * sandbox keeps them, so the soak applies the TTL in simulated hours: events from before the previous hour go.
 * Without it the cluster itself would grow by ~100 events an hour and every events list with it.
 */
async function expireEvents(cluster: BenchCluster, ns: string, starts: number[]): Promise<void> {
  const cutoff = starts.at(-1)
  if (cutoff === undefined) return
  const list = JSON.parse((await cluster.request('GET', `/api/v1/namespaces/${ns}/events`)).text) as {
    items: { metadata: { name: string; creationTimestamp?: string } }[]
  }
  for (const e of list.items) {
    // Timestamps have whole seconds: an event of the previous hour's first second may go a little early.
    if (Date.parse(e.metadata.creationTimestamp ?? '') < cutoff - 1000)
      await cluster.request('DELETE', `/api/v1/namespaces/${ns}/events/${e.metadata.name}`)
  }
}

/**
 * At rest on the Pods list: once the watches of the views left behind have ended (they linger 10 s) and the
 * counts hold still, the backend after a GC and the page after a GC.
 */
async function measure(
  p: BenchPage,
  backend: SoakBackend,
  hour: number,
  started: number,
): Promise<SoakReading> {
  await p.page.evaluate(`location.hash = '#workloads'`)
  await until(p.page, `document.querySelector('[role="grid"] tbody tr td') !== null`, 'no Pods rows at rest')
  const left = Date.now()
  const key = (d: Awaited<ReturnType<SoakBackend['diagnostics']>>): string =>
    `${d.live['watch caches'] ?? 0}/${d.subscriptions}/${d.sseStreams}`
  let last = ''
  for (;;) {
    const now = key(await backend.diagnostics(false))
    if (now === last && Date.now() - left > 11_000) break
    if (Date.now() - left > 60_000) break
    last = now
    await sleep(1000)
  }
  // Two collections a moment apart: V8 gives freed pages back to the system after the first.
  await backend.diagnostics(true)
  await sleep(1000)
  const d = await backend.diagnostics(true)
  const page = await pageMemory(p)
  const split = await pageHeapSplit(p)
  return {
    hour,
    atS: (Date.now() - started) / 1000,
    backendRssMb: d.rssBytes / MB,
    backendHeapMb: d.heapUsedBytes / MB,
    pageHeapMb: page.heapMb,
    pageCodeMb: split.code,
    pageNonCodeMb: split.strings + split.objects + split.system,
    domNodes: page.domNodes,
    listeners: page.listeners,
    watchCaches: d.live['watch caches'] ?? 0,
    watchRequests: d.live['watch requests'] ?? 0,
    subscriptions: d.subscriptions,
    sseStreams: d.sseStreams,
    timers: d.resources.Timeout ?? 0,
    sockets: (d.resources.TCPSocketWrap ?? 0) + (d.resources.TLSWrap ?? 0),
    live: d.live,
  }
}

async function createPod(
  cluster: BenchCluster,
  namespace: string,
  name: string,
  image: string,
  waitRunning = true,
): Promise<void> {
  const path = `/api/v1/namespaces/${namespace}/pods`
  const created = await cluster.request('POST', path, {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace, labels: { soak: 'yes' } },
    spec: { containers: [{ name: 'main', image }] },
  })
  if (created.status !== 201) throw new Error(`creating pod ${name}: HTTP ${created.status} ${created.text}`)
  if (!waitRunning) return
  for (let i = 0; ; i++) {
    const pod = JSON.parse((await cluster.request('GET', `${path}/${name}`)).text) as {
      status?: { containerStatuses?: { state?: { running?: unknown } }[] }
    }
    if (pod.status?.containerStatuses?.[0]?.state?.running) return
    if (i > 300) throw new Error(`pod ${name} did not start in 60 s`)
    await sleep(200)
  }
}

async function deletePod(cluster: BenchCluster, namespace: string, name: string): Promise<void> {
  const path = `/api/v1/namespaces/${namespace}/pods/${name}`
  await cluster.request('DELETE', `${path}?gracePeriodSeconds=0`)
  for (let i = 0; (await cluster.request('GET', path)).status !== 404; i++) {
    if (i > 300) throw new Error(`pod ${name} was not gone in 60 s`)
    await sleep(200)
  }
}
