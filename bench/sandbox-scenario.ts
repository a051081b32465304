import https from 'node:https'
import type { BenchCluster } from './cluster'
import { timed } from './stats'

export interface SandboxFigures {
  listMs: number
  listMb: number
  pagedListMs: number
  lastPageMs: number
  fanOutMs: number
  getsPerSecond: number
}

/** Opens `count` watches on one namespace's configmaps and resolves once each has its initial events. */
function openWatchers(
  cluster: BenchCluster,
  count: number,
  namespace: string,
): Promise<{ waitForAll(name: string): Promise<void>; close(): void }> {
  const ca = Buffer.from(cluster.sandbox.caData, 'base64').toString('utf8')
  const received: string[] = Array.from({ length: count }, () => '')
  const waiters = new Set<() => void>()
  const requests = Array.from({ length: count }, (_, i) =>
    https.get(
      {
        host: '127.0.0.1',
        port: cluster.sandbox.port,
        path: `/api/v1/namespaces/${namespace}/configmaps?watch=true`,
        ca,
        headers: { Authorization: `Bearer ${cluster.sandbox.token}` },
        agent: false,
      },
      (res) =>
        res.on('data', (c: Buffer) => {
          received[i] += c.toString()
          for (const w of waiters) w()
        }),
    ),
  )
  return new Promise((resolve) => {
    // Give every stream a moment to be answered before the change is made.
    setTimeout(
      () =>
        resolve({
          waitForAll: (name) =>
            new Promise<void>((done) => {
              const check = (): void => {
                if (received.every((r) => r.includes(`"name":"${name}"`))) {
                  waiters.delete(check)
                  done()
                }
              }
              waiters.add(check)
              check()
            }),
          close: () => requests.forEach((r) => r.destroy()),
        }),
      300,
    )
  })
}

let fanSeq = 0
// The client reads only the metadata at the head of each body (the items still cross TLS), so a figure is
// the sandbox's serving and not the bench's own JSON decoding of every pod.
const HEAD = { head: 4096 }

export interface PagedList {
  allMs: number
  firstMs: number
  lastMs: number
}

/** Every page of one namespace's pods, `limit` at a time, following the continue tokens. */
export async function pagedList(cluster: BenchCluster, namespace: string, limit = 500): Promise<PagedList> {
  let firstMs = 0
  let lastMs = 0
  const all = await timed(async () => {
    let cont = ''
    do {
      const q = `limit=${limit}${cont ? `&continue=${encodeURIComponent(cont)}` : ''}`
      const page = await timed(() =>
        cluster.request('GET', `/api/v1/namespaces/${namespace}/pods?${q}`, undefined, undefined, HEAD),
      )
      if (!cont) firstMs = page.ms
      lastMs = page.ms
      cont = /"continue":"([^"]+)"/.exec(page.result.text)?.[1] ?? ''
    } while (cont)
  })
  return { allMs: all.ms, firstMs, lastMs }
}

export interface LargeListFigures extends PagedList {
  /** CPU (user + system) of this process, which is the sandbox and the client, over all pages. */
  pagedCpuMs: number
  listMs: number
  listMb: number
}

/** Scenario 6 at the large size: the paged LIST (all pages, first and last) and one un-paged LIST. */
export async function largeListFigures(cluster: BenchCluster, namespace: string): Promise<LargeListFigures> {
  const cpu = process.cpuUsage()
  const paged = await pagedList(cluster, namespace)
  const used = process.cpuUsage(cpu)
  const list = await timed(() =>
    cluster.request('GET', `/api/v1/namespaces/${namespace}/pods`, undefined, undefined, HEAD),
  )
  return {
    ...paged,
    pagedCpuMs: (used.user + used.system) / 1000,
    listMs: list.ms,
    listMb: list.result.bytes / 1e6,
  }
}

/** One round of scenario 6: raw LIST (whole and paged), watch fan-out, GETs per second. */
export async function sandboxFigures(
  cluster: BenchCluster,
  namespace: string,
  watchers: number,
  getSeconds: number,
): Promise<SandboxFigures> {
  const list = await timed(() =>
    cluster.request('GET', `/api/v1/namespaces/${namespace}/pods`, undefined, undefined, HEAD),
  )
  const paged = await pagedList(cluster, namespace)
  const w = await openWatchers(cluster, watchers, namespace)
  const name = `fan-${++fanSeq}`
  const fan = await timed(async () => {
    await cluster.request('POST', `/api/v1/namespaces/${namespace}/configmaps`, { metadata: { name } })
    await w.waitForAll(name)
  })
  w.close()
  let gets = 0
  const end = Date.now() + getSeconds * 1000
  // Eight clients in a loop, like a handful of controllers polling.
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (Date.now() < end) {
        await cluster.request('GET', `/api/v1/namespaces/${namespace}/pods/seed-1`)
        gets++
      }
    }),
  )
  return {
    listMs: list.ms,
    listMb: list.result.bytes / 1e6,
    pagedListMs: paged.allMs,
    lastPageMs: paged.lastMs,
    fanOutMs: fan.ms,
    getsPerSecond: gets / getSeconds,
  }
}
