import type { Page } from 'playwright-core'
import type { BenchBrowser, BenchPage } from './browser'
import { longestTask, onPage } from './browser'
import type { BenchCluster } from './cluster'
import { percentile } from './stats'

export interface ReconcileResult {
  longestFrameMs: number
  p95FrameMs: number
  longestTaskMs: number
  frames: number
  rolloutMs: number
}

// In the page: time every animation frame until told to stop.
const RECORD = `(() => {
  const frames = []
  let prev = performance.now()
  window.__bench.recon = { frames, t0: prev, stop: false }
  const tick = (t) => {
    frames.push(t - prev)
    prev = t
    if (!window.__bench.recon.stop) requestAnimationFrame(tick)
  }
  requestAnimationFrame(tick)
  return prev
})()`

// The dots are drawn on canvases; each canvas's accessible name counts them ("web-7d9f: 498 running, 2 pending").
const RUNNING = `[...document.querySelectorAll('.owner-graph .graph-pods canvas')]
  .map((c) => Number(/(\\d+) running/.exec(c.getAttribute('aria-label') ?? '')?.[1] ?? 0))
  .reduce((a, b) => a + b, 0)`

const runningDots = (page: Page): Promise<number> => page.evaluate<number>(RUNNING)

/**
 * Scenario 9: a `replicas`-pod Deployment's Reconcile tab open while its image changes, until the rollout is
 * done (one ReplicaSet, every dot running). Frame times come from requestAnimationFrame in the page.
 */
export async function reconcileRollout(
  browser: BenchBrowser,
  cluster: BenchCluster,
  url: string,
  replicas: number,
  /** For bench/profile-reconcile.ts: called as the rollout starts and once it is done. */
  hooks?: { started(p: BenchPage): Promise<void>; finished(p: BenchPage): Promise<void> },
): Promise<ReconcileResult> {
  const name = `big-${Date.now().toString(36)}`
  const path = '/apis/apps/v1/namespaces/default/deployments'
  const labels = { app: name }
  const created = await cluster.request('POST', path, {
    metadata: { name },
    spec: {
      replicas,
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { containers: [{ name: 'web', image: 'nginx:1.26' }] } },
    },
  })
  if (created.status !== 201) throw new Error(`creating ${name}: HTTP ${created.status} ${created.text}`)
  try {
    return await onPage(browser, `${url}#workloads`, async (p) => {
      const page = p.page
      await page.getByRole('tab', { name: 'Deployments' }).click()
      await page.getByPlaceholder(/^Filter deployments/).fill(name)
      await page
        .getByRole('row', { name: new RegExp(name) })
        .getByText(name, { exact: true })
        .click()
      await page.getByRole('dialog', { name }).getByRole('tab', { name: 'Reconcile' }).click()
      for (let i = 0; (await runningDots(page)) < replicas; i++) {
        if (i > 600) throw new Error(`${replicas} running dots did not show in 120 s`)
        await page.waitForTimeout(200)
      }
      await hooks?.started(p)
      const t0 = await page.evaluate<number>(RECORD)
      const started = Date.now()
      const patched = await cluster.request(
        'PATCH',
        `${path}/${name}`,
        { spec: { template: { spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } } } },
        'application/strategic-merge-patch+json',
      )
      if (patched.status !== 200) throw new Error(`rolling out ${name}: HTTP ${patched.status}`)
      // Waited for inside the page with plain DOM queries: Playwright's locators would force layouts of their
      // own and show up as the app's long tasks.
      const finished = await page.evaluate<boolean>(`new Promise((resolve) => {
        const until = performance.now() + 180000
        let seenTwo = false
        const check = () => {
          const sets = document.querySelectorAll('.owner-graph .graph-sets > li').length
          const running = ${RUNNING}
          if (sets > 1) seenTwo = true
          if (seenTwo && sets === 1 && running === ${replicas}) return resolve(true)
          if (performance.now() > until) return resolve(false)
          setTimeout(check, 250)
        }
        check()
      })`)
      if (!finished) throw new Error(`the rollout of ${name} did not finish in 180 s`)
      const rolloutMs = Date.now() - started
      await hooks?.finished(p)
      const frames = await page.evaluate<number[]>(
        '(() => { window.__bench.recon.stop = true; return window.__bench.recon.frames.slice(1) })()',
      )
      return {
        longestFrameMs: Math.max(0, ...frames),
        p95FrameMs: percentile(frames, 95),
        longestTaskMs: await longestTask(page, t0),
        frames: frames.length,
        rolloutMs,
      }
    })
  } finally {
    await cluster.request('DELETE', `${path}/${name}`).catch(() => undefined)
  }
}
