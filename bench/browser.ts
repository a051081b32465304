import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core'
import { chromiumArgs, chromiumPath } from '../test/e2e/chromium'

/** Headless Debian Chromium (Playwright gives it a fresh profile); each page gets a CDP session for bytes, heap and GC. */
export interface BenchBrowser {
  open(url: string): Promise<BenchPage>
  close(): Promise<void>
}

/** Opens `url`, runs `measure` on the page and closes it; a failure carries the page's first errors. */
export async function onPage<T>(
  browser: BenchBrowser,
  url: string,
  measure: (p: BenchPage) => Promise<T>,
): Promise<T> {
  const p = await browser.open(url)
  try {
    return await measure(p)
  } catch (err) {
    if (p.errors.length > 0) (err as Error).message += `\npage errors: ${p.errors.slice(0, 5).join(' | ')}`
    throw err
  } finally {
    await p.close()
  }
}

export interface BenchPage {
  page: Page
  cdp: CDPSession
  /** Bytes received so far on the event streams that carry `resources.watch` (SSE), counted by CDP. */
  watchBytes(): number
  /** Page errors and console errors so far, for messages when a run fails. */
  errors: string[]
  /** JS heap used after a forced GC, in MB. */
  heapMb(): Promise<number>
  close(): Promise<void>
}

// Runs before the app: long tasks are collected from the start, on the page's own clock.
const INSTRUMENT = `
  window.__bench = { longTasks: [] }
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__bench.longTasks.push([e.startTime, e.duration])
    }).observe({ type: 'longtask', buffered: true })
  } catch {}
`

function experimentArgs(value = ''): string[] {
  return value.split(value.includes('|') ? '|' : ' ').filter(Boolean)
}

const launch = (): Promise<Browser> =>
  chromium.launch({
    executablePath: chromiumPath,
    args: [
      ...chromiumArgs,
      '--enable-precise-memory-info',
      '--disable-dev-shm-usage',
      // For experiments, e.g. BENCH_CHROMIUM_ARGS=--js-flags=--no-flush-bytecode: space-separated, or `|`-separated
      // when one argument holds spaces (`--js-flags=--a --b|--other`).
      ...experimentArgs(process.env.BENCH_CHROMIUM_ARGS),
    ],
  })

/** A new Chromium per page: pages of one browser sometimes came up blank after earlier ones on this machine. */
export async function launchBrowser(): Promise<BenchBrowser> {
  const open = new Set<Browser>()
  return {
    async open(url) {
      const browser = await launch()
      open.add(browser)
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
      await page.addInitScript({ content: INSTRUMENT })
      const cdp = await page.context().newCDPSession(page)
      await cdp.send('Network.enable')
      const watchIds = new Set<string>()
      let bytes = 0
      cdp.on('Network.requestWillBeSent', (e) => {
        const path = new URL(e.request.url).pathname
        // Per-stream SSE (`/api/stream?name=resources.watch`) or the one multiplexed stream (`/api/events`).
        if ((path === '/api/stream' && e.request.url.includes('resources.watch')) || path === '/api/events')
          watchIds.add(e.requestId)
      })
      let messageBytes = 0
      cdp.on('Network.dataReceived', (e) => {
        if (watchIds.has(e.requestId)) bytes += e.dataLength
      })
      // Some Chromium runs report an event stream only as messages; count those too and take the larger.
      cdp.on('Network.eventSourceMessageReceived', (e) => {
        if (watchIds.has(e.requestId)) messageBytes += Buffer.byteLength(e.data) + 8
      })
      const errors: string[] = []
      page.on('pageerror', (e) => errors.push(e.message))
      page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())))
      await page.goto(url)
      return {
        page,
        cdp,
        errors,
        watchBytes: () => Math.max(bytes, messageBytes),
        async heapMb() {
          await cdp.send('HeapProfiler.collectGarbage')
          const usage = await cdp.send('Runtime.getHeapUsage')
          return usage.usedSize / 1e6
        },
        close: async () => {
          open.delete(browser)
          await browser.close()
        },
      }
    },
    async close() {
      await Promise.all([...open].map((b) => b.close()))
    },
  }
}

/** Longest task (ms) the page's PerformanceObserver saw since `sinceMs` on the page clock. */
export async function longestTask(page: Page, sinceMs = 0): Promise<number> {
  return page.evaluate(
    `Math.max(0, ...window.__bench.longTasks.filter((t) => t[0] + t[1] >= ${sinceMs}).map((t) => t[1]))`,
  )
}

/** The `longtask` entries (each ≥ 50 ms) that ended at or after `sinceMs`. */
export async function longTaskCount(page: Page, sinceMs = 0): Promise<number> {
  return page.evaluate(`window.__bench.longTasks.filter((t) => t[0] + t[1] >= ${sinceMs}).length`)
}

export async function pageNow(page: Page): Promise<number> {
  return page.evaluate('performance.now()')
}
