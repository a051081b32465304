import { writeFileSync } from 'node:fs'
import type { BenchBrowser } from './browser'
import { longestTask, longTaskCount, onPage } from './browser'
import type { BenchCluster } from './cluster'
import { pageTaskSeconds } from './idle-cpu'

export interface LogViewerResult {
  /** Lines the viewer took in per second (kept + dropped by its cap), over the measured window. */
  linesPerSecond: number
  longestTaskMs: number
  /** Tasks of 50 ms or more over the window: a rarer kind of pause shows here before it shows in the longest. */
  longTasks: number
  /** Share of the window the page's main thread spent in tasks (CDP TaskDuration), in percent. */
  busyPct: number
  heapMb: number
  /** Lines kept at the end (the viewer keeps the last 1,000,000). */
  kept: number
}

// In the page: read the viewer's own count ("N lines shown …; M older lines dropped") every 250 ms.
const measureScript = (seconds: number): string => `(async () => {
  const meta = () => document.querySelector('.log-meta span')?.textContent ?? ''
  const count = () => {
    const nums = [...meta().matchAll(/([\\d,]+) (?:lines shown|older lines dropped)/g)].map((m) => Number(m[1].replaceAll(',', '')))
    return { kept: nums[0] ?? 0, total: (nums[0] ?? 0) + (nums[1] ?? 0) }
  }
  const t0 = performance.now()
  const start = count().total
  await new Promise((r) => setTimeout(r, ${seconds * 1000}))
  const end = count()
  return { t0, lines: end.total - start, kept: end.kept, ms: performance.now() - t0 }
})()`

/**
 * Scenario 4 on a page: a sandbox pod whose container writes `rate` lines a second (a `loggen:<rate>` image),
 * its Logs tab open in the real app, for `seconds`.
 */
export async function logViewerThroughput(
  browser: BenchBrowser,
  cluster: BenchCluster,
  url: string,
  rate: number,
  seconds: number,
): Promise<LogViewerResult> {
  const name = `loggen-${Date.now().toString(36)}`
  const path = '/api/v1/namespaces/default/pods'
  const created = await cluster.request('POST', path, {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default' },
    spec: { containers: [{ name: 'flood', image: `bench/loggen:${rate}` }] },
  })
  if (created.status !== 201) throw new Error(`creating the log pod: HTTP ${created.status} ${created.text}`)
  try {
    for (let i = 0; ; i++) {
      const pod = JSON.parse((await cluster.request('GET', `${path}/${name}`)).text) as {
        status?: { containerStatuses?: { state?: { running?: unknown } }[] }
      }
      if (pod.status?.containerStatuses?.[0]?.state?.running) break
      if (i > 150) throw new Error(`pod ${name} did not start in 30 s`)
      await new Promise((r) => setTimeout(r, 200))
    }
    return await onPage(browser, `${url}#workloads`, async (p) => {
      await p.page.getByPlaceholder(/^Filter pods/).fill(name)
      await p.page.getByRole('row', { name: new RegExp(name) }).click()
      await p.page.getByRole('dialog', { name }).getByRole('tab', { name: 'Logs' }).click()
      await p.page.locator('.log-line').first().waitFor({ timeout: 30_000 })
      const busy0 = await pageTaskSeconds(p.cdp)
      // BENCH_TRACE=PREFIX: a Chromium trace of each window, with V8's GC phases, to PREFIX-<ms>.json (it slows
      // the page, so its runs' figures are not comparable with untraced ones).
      const tracer = process.env.BENCH_TRACE ? p.page.context().browser() : null
      if (tracer)
        await tracer.startTracing(p.page, {
          categories: [
            'devtools.timeline',
            'v8',
            'v8.execute',
            'disabled-by-default-v8.gc',
            'blink.user_timing',
          ],
        })
      const r = await p.page.evaluate<{ t0: number; lines: number; kept: number; ms: number }>(
        measureScript(seconds),
      )
      const busy = (await pageTaskSeconds(p.cdp)) - busy0
      if (tracer) writeFileSync(`${process.env.BENCH_TRACE}-${Date.now()}.json`, await tracer.stopTracing())
      return {
        linesPerSecond: r.lines / (r.ms / 1000),
        longestTaskMs: await longestTask(p.page, r.t0),
        longTasks: await longTaskCount(p.page, r.t0),
        busyPct: (busy / (r.ms / 1000)) * 100,
        heapMb: await p.heapMb(),
        kept: r.kept,
      }
    })
  } finally {
    await cluster.request('DELETE', `${path}/${name}?gracePeriodSeconds=0`).catch(() => undefined)
  }
}
