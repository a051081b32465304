import type { BenchBrowser } from './browser'
import { longestTask } from './browser'

export interface OpenPodsResult {
  firstRowsMs: number
  allRowsMs: number
  bytesPerPod: number
  longestTaskMs: number
  heapMb: number
}

// In the page: switch to Pods and poll each animation frame until a row is painted and the grid counts all.
const openPodsScript = (expected: number): string => `(async () => {
  const frame = () => new Promise((r) => requestAnimationFrame(() => r()))
  const t0 = performance.now()
  location.hash = '#workloads'
  let first = NaN
  let all = NaN
  while (performance.now() - t0 < 90000) {
    await frame()
    const grid = document.querySelector('[role="grid"]')
    if (!grid) continue
    if (Number.isNaN(first) && grid.querySelector('tbody tr:not([aria-hidden]) td')) first = performance.now() - t0
    if (Number(grid.getAttribute('aria-rowcount')) - 1 >= ${expected}) { all = performance.now() - t0; break }
  }
  return { first, all, t0 }
})()`

/** Opens the Pods view in a fresh page (a cold watch in the backend) and times first rows and the full list. */
export async function openPods(
  browser: BenchBrowser,
  url: string,
  expectedRows: number,
): Promise<OpenPodsResult> {
  const p = await browser.open(url)
  try {
    await p.page.waitForLoadState('load')
    await p.page.waitForTimeout(500)
    const before = p.watchBytes()
    const r = await p.page.evaluate<{ first: number; all: number; t0: number }>(openPodsScript(expectedRows))
    // The SSE data of the snapshot may still be in flight to the CDP client; let it settle.
    await p.page.waitForTimeout(200)
    return {
      firstRowsMs: r.first,
      allRowsMs: r.all,
      bytesPerPod: (p.watchBytes() - before) / expectedRows,
      longestTaskMs: await longestTask(p.page, r.t0),
      heapMb: await p.heapMb(),
    }
  } catch (err) {
    if (p.errors.length > 0) (err as Error).message += `\npage errors: ${p.errors.slice(0, 5).join(' | ')}`
    throw err
  } finally {
    await p.close()
  }
}
