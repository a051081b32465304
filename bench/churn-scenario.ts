import type { BenchBrowser } from './browser'
import { longestTask, onPage, pageNow } from './browser'
import type { BenchCluster } from './cluster'
import { percentile } from './stats'

export interface ChurnResult {
  p50: number
  p95: number
  p99: number
  /** Writes to visible rows whose change never reached the DOM. */
  missed: number
  writes: number
  writeErrors: number
  longestTaskMs: number
  droppedFrames: number
  scrollFrames: number
  scrollLongestTaskMs: number
  heapMb: number
}

// In the page: remember each visible row's IP cell and timestamp every change a MutationObserver sees.
const OBSERVE = `(() => {
  const grid = document.querySelector('[role="grid"]')
  const heads = [...grid.querySelectorAll('thead th')].map((th) => th.textContent.trim())
  const nameIdx = heads.findIndex((h) => h.startsWith('Name') && !h.startsWith('Namespace'))
  const ipIdx = heads.findIndex((h) => h.startsWith('IP'))
  const last = new Map()
  const seen = []
  const scan = () => {
    const now = performance.timeOrigin + performance.now()
    for (const tr of grid.querySelectorAll('tbody tr')) {
      const name = tr.children[nameIdx]?.textContent
      const ip = tr.children[ipIdx]?.textContent
      if (!name || !ip) continue
      if (last.get(name) !== ip) { last.set(name, ip); seen.push([ip, now]) }
    }
  }
  scan()
  window.__bench.seen = seen
  window.__bench.observer = new MutationObserver(scan)
  window.__bench.observer.observe(grid, { subtree: true, childList: true, characterData: true })
  return { heads, names: [...last.keys()], first: grid.querySelector('tbody tr')?.textContent ?? '' }
})()`

// In the page: scroll the table a screenful-ish per frame for `ms` and count frames that took too long.
const SCROLL = (ms: number): string => `(async () => {
  const box = document.querySelector('.rt-scroll')
  const frames = []
  let prev = performance.now()
  const end = prev + ${ms}
  while (performance.now() < end) {
    await new Promise((r) => requestAnimationFrame(() => r()))
    const now = performance.now()
    frames.push(now - prev)
    prev = now
    box.scrollTop = (box.scrollTop + 300) % Math.max(1, box.scrollHeight - box.clientHeight)
  }
  const dropped = frames.reduce((n, dt) => n + Math.max(0, Math.round(dt / (1000 / 60)) - 1), 0)
  return { frames: frames.length, dropped }
})()`

async function podNames(cluster: BenchCluster, namespace: string): Promise<string[]> {
  const r = await cluster.request('GET', `/api/v1/namespaces/${namespace}/pods`)
  if (r.status !== 200) throw new Error(`listing pods in ${namespace}: HTTP ${r.status}`)
  const list = JSON.parse(r.text) as { items: { metadata: { name: string } }[] }
  if (list.items.length === 0) throw new Error(`no pods in ${namespace} to write to`)
  return list.items.map((pod) => pod.metadata.name)
}

const ipFor = (seq: number): string => `10.${100 + ((seq >> 16) & 63)}.${(seq >> 8) & 255}.${seq & 255}`

/**
 * With the Pods view open: `rate` status writes per second (half to rows on screen, half anywhere) for
 * `seconds`, timing each on-screen write from its request to the IP cell changing in the DOM.
 */
export async function churn(
  browser: BenchBrowser,
  cluster: BenchCluster,
  url: string,
  opts: { expectedRows: number; rate: number; seconds: number; namespace: string },
): Promise<ChurnResult> {
  // The random half writes to pods that exist: the sandbox numbers seeded pods after every pod already in the
  // cluster (seed-13 on), so `seed-0`… would be 404s counted as write errors.
  const names = await podNames(cluster, opts.namespace)
  return await onPage(browser, url, async (p) => {
    // Like a person: the app first, then Pods (a cold load straight into #workloads at 10k rows came up blank).
    await p.page.waitForLoadState('load')
    await p.page.waitForTimeout(500)
    await p.page.evaluate(`location.hash = '#workloads'`)
    // A polling evaluate, not waitForFunction: the app's CSP forbids the eval that one needs.
    await p.page.evaluate(`(async () => {
      const t0 = performance.now()
      while (Number(document.querySelector('[role="grid"]')?.getAttribute('aria-rowcount') ?? 0) - 1 < ${opts.expectedRows}) {
        if (performance.now() - t0 > 90000)
          throw new Error('the Pods view never showed every row: ' + location.hash + ' ' +
            document.querySelector('[role="grid"]')?.getAttribute('aria-rowcount') + ' ' + document.body.innerText.slice(0, 300))
        await new Promise((r) => setTimeout(r, 100))
      }
    })()`)
    await p.page.waitForTimeout(500)
    const shown = await p.page.evaluate<{ heads: string[]; names: string[]; first: string }>(OBSERVE)
    const visible = shown.names
      .map((text) => /seed-\d+/.exec(text)?.[0])
      .filter((n): n is string => n !== undefined)
    if (visible.length === 0)
      throw new Error(`no seeded pod is visible in the Pods view: ${JSON.stringify(shown).slice(0, 500)}`)
    const sentAt = new Map<string, number>()
    let seq = 0
    let errors = 0
    let writes = 0
    const inFlight = new Set<Promise<void>>()
    const write = (pod: string, track: boolean): void => {
      const ip = ipFor(++seq)
      const path = `/api/v1/namespaces/${opts.namespace}/pods/${pod}/status`
      if (track) sentAt.set(ip, Date.now())
      writes++
      const req = cluster
        .request('PATCH', path, { status: { podIP: ip, podIPs: [{ ip }] } }, 'application/merge-patch+json')
        .then(
          (r) => void (r.status >= 300 && errors++),
          () => void errors++,
        )
        .finally(() => inFlight.delete(req))
      inFlight.add(req)
    }
    const pageStart = await pageNow(p.page)
    const tickMs = 50
    const perTick = Math.max(1, Math.round((opts.rate * tickMs) / 1000))
    const started = Date.now()
    let tick = 0
    while (Date.now() - started < opts.seconds * 1000) {
      for (let i = 0; i < perTick; i++) {
        const k = tick * perTick + i
        if (k % 2 === 0) write(visible[(k / 2) % visible.length] ?? visible[0]!, true)
        else write(names[Math.floor(Math.random() * names.length)]!, false)
      }
      tick++
      // Keep the schedule: sleep to the next tick's start rather than a fixed interval.
      const next = started + tick * tickMs
      await new Promise((r) => setTimeout(r, Math.max(0, next - Date.now())))
    }
    await Promise.all([...inFlight])
    await p.page.waitForTimeout(1500)
    const longest = await longestTask(p.page, pageStart)
    const seen = await p.page.evaluate<Array<[string, number]>>('window.__bench.seen')
    const latencies: number[] = []
    for (const [ip, at] of seen) {
      const sent = sentAt.get(ip)
      if (sent !== undefined) {
        latencies.push(at - sent)
        sentAt.delete(ip)
      }
    }
    // A row written twice within one batch shows only the second value: the first counts as superseded.
    const missed = sentAt.size
    await p.page.evaluate('window.__bench.observer.disconnect()')
    const scrollStart = await pageNow(p.page)
    const scroll = await p.page.evaluate<{ frames: number; dropped: number }>(SCROLL(3000))
    return {
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
      missed,
      writes,
      writeErrors: errors,
      longestTaskMs: longest,
      droppedFrames: scroll.dropped,
      scrollFrames: scroll.frames,
      scrollLongestTaskMs: await longestTask(p.page, scrollStart),
      heapMb: await p.heapMb(),
    }
  })
}
