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

/** One round of scenario 6: raw LIST (whole and paged), watch fan-out, GETs per second. */
export async function sandboxFigures(
  cluster: BenchCluster,
  namespace: string,
  watchers: number,
  getSeconds: number,
): Promise<SandboxFigures> {
  const list = await timed(() => cluster.request('GET', `/api/v1/namespaces/${namespace}/pods`))
  let lastPageMs = 0
  const paged = await timed(async () => {
    let cont = ''
    do {
      const q = `limit=500${cont ? `&continue=${encodeURIComponent(cont)}` : ''}`
      const page = await timed(() => cluster.request('GET', `/api/v1/namespaces/${namespace}/pods?${q}`))
      lastPageMs = page.ms
      cont = (JSON.parse(page.result.text) as { metadata?: { continue?: string } }).metadata?.continue ?? ''
    } while (cont)
  })
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
    pagedListMs: paged.ms,
    lastPageMs,
    fanOutMs: fan.ms,
    getsPerSecond: gets / getSeconds,
  }
}
