import type { BenchBrowser } from './browser'
import { longestTask, onPage } from './browser'

export interface OpenPodsResult {
  firstRowsMs: number
  allRowsMs: number
  /** The app started on Pods (`#workloads` in the address): from navigation start, page load included. */
  coldFirstRowsMs: number
  coldAllRowsMs: number
  bytesPerPod: number
  longestTaskMs: number
  heapMb: number
  /** With `scroll`: frames over 50 ms (and the longest) while the whole list scrolls, a screenful per frame. */
  slowFrames?: number
  longestFrameMs?: number
  scrollFrames?: number
  /** With `backendRss`: the web backend's RSS with the list open. */
  backendRssMb?: number
}

export interface OpenPodsExtras {
  /** Milliseconds to scroll the open list for, counting slow frames. */
  scrollMs?: number
  backendRss?: () => number
}

// In the page: scroll through the whole grid in `ms` (a step of 1/180 of it per animation frame, so each frame
// shows rows not rendered before, as when the scrollbar is dragged) and keep every frame interval.
export const SCROLL_FRAMES = (ms: number): string => `(async () => {
  const box = document.querySelector('.rt-scroll')
  const frames = []
  let prev = performance.now()
  const end = prev + ${ms}
  while (performance.now() < end) {
    await new Promise((r) => requestAnimationFrame(() => r()))
    const now = performance.now()
    frames.push(now - prev)
    prev = now
    const range = Math.max(1, box.scrollHeight - box.clientHeight)
    box.scrollTop = (box.scrollTop + Math.max(300, range / 180)) % range
  }
  return { frames: frames.length, slow: frames.filter((f) => f > 50).length, longest: Math.max(0, ...frames) }
})()`

// In the page: switch to Pods and poll each animation frame until a row is painted and the grid counts all.
// `fromNavigation`: the page was opened on Pods already; time from navigation start (t0 = 0) instead.
export const openPodsScript = (expected: number, fromNavigation = false): string => `(async () => {
  const frame = () => new Promise((r) => requestAnimationFrame(() => r()))
  const t0 = ${fromNavigation ? '0' : 'performance.now()'}
  ${fromNavigation ? '' : "location.hash = '#workloads'"}
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
  extras: OpenPodsExtras = {},
): Promise<OpenPodsResult> {
  const cold = await coldStart(browser, url, expectedRows)
  return await onPage(browser, url, async (p) => {
    await p.page.waitForLoadState('load')
    await p.page.waitForTimeout(500)
    const r = await p.page.evaluate<{ first: number; all: number; t0: number }>(openPodsScript(expectedRows))
    // The SSE data of the snapshot may still be in flight to the CDP client; let it settle.
    await p.page.waitForTimeout(200)
    const longestTaskMs = await longestTask(p.page, r.t0)
    const heapMb = await p.heapMb()
    const backendRssMb = extras.backendRss?.()
    const scroll = extras.scrollMs
      ? await p.page.evaluate<{ frames: number; slow: number; longest: number }>(
          SCROLL_FRAMES(extras.scrollMs),
        )
      : undefined
    return {
      firstRowsMs: r.first,
      allRowsMs: r.all,
      coldFirstRowsMs: cold.first,
      coldAllRowsMs: cold.all,
      // Every byte of the event stream since the page opened: the Overview starts the pods watch before the
      // switch to Pods, so counting from the switch would miss its first parts. The few bytes of the other
      // streams on the page (deployments, events, namespaces) count too.
      bytesPerPod: p.watchBytes() / expectedRows,
      longestTaskMs,
      heapMb,
      ...(backendRssMb === undefined ? {} : { backendRssMb }),
      ...(scroll
        ? { slowFrames: scroll.slow, longestFrameMs: scroll.longest, scrollFrames: scroll.frames }
        : {}),
    }
  })
}

/** The app opened straight on Pods, with no watch running in the backend: first rows and all rows. */
async function coldStart(
  browser: BenchBrowser,
  url: string,
  expectedRows: number,
): Promise<{ first: number; all: number }> {
  return await onPage(browser, `${url}#workloads`, async (p) => {
    return await p.page.evaluate<{ first: number; all: number }>(openPodsScript(expectedRows, true))
  })
}
