import { createWriteStream } from 'node:fs'
import type { Page } from 'playwright-core'
import type { BenchPage } from './browser'
import { heapCategories, type HeapCategories, type Snapshot } from './heap-diff'

// What a person does in the soak's page, each step waited on in the page itself (the app's CSP forbids the
// eval that Playwright's waitForFunction needs, so conditions are polled by one evaluate).

/** Polls `condition` (a JS expression) every animation frame until true; throws with `what` after `ms`. */
export async function until(page: Page, condition: string, what: string, ms = 30_000): Promise<void> {
  await page.evaluate(`(async () => {
    const t0 = performance.now()
    while (!(${condition})) {
      if (performance.now() - t0 > ${ms})
        throw new Error(${JSON.stringify(what)} + ' (after ${ms} ms; at ' + location.hash + ': ' +
          document.body.innerText.slice(0, 200).replace(/\\s+/g, ' ') + ')')
      await new Promise((r) => requestAnimationFrame(() => r()))
    }
  })()`)
}

const hasGrid = `document.querySelector('[role="grid"] tbody tr td') !== null`
// A list view has drawn its rows, or said it has none.
const shown = `document.querySelector('[role="grid"] tbody tr td, .empty-state') !== null`

/**
 * The views one simulated hour walks through, across kinds: the dedicated sections and generic kind views
 * (each starts its own watches, which must end ~10 s after the view is left).
 */
export const soakViews: { hash: string; ready: string }[] = [
  { hash: '#overview', ready: `document.querySelector('section.card h2') !== null` },
  { hash: '#workloads', ready: hasGrid },
  { hash: '#network', ready: shown },
  { hash: '#config', ready: shown },
  { hash: '#events', ready: shown },
  { hash: '#namespaces', ready: hasGrid },
  { hash: '#nodes', ready: hasGrid },
  { hash: '#kind/serviceaccounts', ready: shown },
  { hash: '#kind/deployments.apps', ready: shown },
  { hash: '#kind/roles.rbac.authorization.k8s.io', ready: shown },
  { hash: '#kind/endpoints', ready: shown },
  { hash: '#kind/leases.coordination.k8s.io', ready: shown },
]

/** Goes to a view and waits until it shows its content, then lets it be looked at for `dwellMs`. */
export async function visit(
  page: Page,
  view: { hash: string; ready: string },
  dwellMs: number,
): Promise<void> {
  await page.evaluate(`location.hash = ${JSON.stringify(view.hash)}`)
  await until(page, view.ready, `the view ${view.hash} showed nothing`)
  await page.waitForTimeout(dwellMs)
}

/** Waits until the page's context chip names `context` (it follows the kubeconfig's current context). */
export async function contextShown(page: Page, context: string): Promise<void> {
  await until(
    page,
    `document.querySelector('.context-chip strong')?.textContent === ${JSON.stringify(context)}`,
    `the page never switched to ${context}`,
  )
}

// The steps below find elements with plain DOM queries and act through CDP's mouse and keyboard, not
// Playwright's locators: a locator runs Playwright's injected script (selector engines, ARIA roles) in the
// page's own V8 heap, where its compiled code grew with the hours and counted as the page's.

/** A JS expression: the first element under `root` (an expression) matching `selector` whose text is `text`. */
const within = (root: string, selector: string, text?: string): string =>
  text === undefined
    ? `((${root})?.querySelector(${JSON.stringify(selector)}) ?? null)`
    : `([...((${root})?.querySelectorAll(${JSON.stringify(selector)}) ?? [])].find((e) => e.textContent.trim() === ${JSON.stringify(text)}) ?? null)`

/** A JS expression: pod `name`'s details panel, or null. */
const panelOf = (name: string): string =>
  `([...document.querySelectorAll('aside.detail[role="dialog"]')].find((d) => d.querySelector('h2')?.textContent === ${JSON.stringify(name)}) ?? null)`

/** Waits for the element `find` (a JS expression) gives, then clicks its centre as a person would. */
async function clickOn(page: Page, find: string, what: string): Promise<void> {
  await until(page, `${find} !== null`, `${what} never appeared`)
  const at = await page.evaluate<{ x: number; y: number }>(`(() => {
    const el = ${find}
    el.scrollIntoView({ block: 'nearest' })
    const r = el.getBoundingClientRect()
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 }
  })()`)
  await page.mouse.click(at.x, at.y)
}

const podsFilter = `document.querySelector('input[placeholder^="Filter pods"]')`

/** Types `text` into the Pods filter in place of what it held, and waits until the list shows only matches. */
async function filterPods(page: Page, text: string): Promise<void> {
  await clickOn(page, podsFilter, 'the Pods filter')
  await page.keyboard.press('Control+A')
  await page.keyboard.press('Backspace')
  if (text) await page.keyboard.type(text)
  const names = `[...document.querySelectorAll('[role="grid"] tbody tr .cell-name')].map((c) => c.title)`
  await until(
    page,
    `${podsFilter}.value === ${JSON.stringify(text)} && ${names}.every((n) => n.includes(${JSON.stringify(text)}))`,
    `the Pods list never showed only "${text}"`,
  )
}

/** Opens pod `name`'s panel from the Pods list, runs `inside`, then closes the panel and clears the filter. */
async function inPodPanel(page: Page, name: string, inside: (panel: string) => Promise<void>): Promise<void> {
  await page.evaluate(`location.hash = '#workloads'`)
  await until(page, hasGrid, 'the Pods list showed no rows')
  await filterPods(page, name)
  // The name cell, not the row's middle: other cells hold links (node, owner) that go elsewhere.
  const nameCell = `([...document.querySelectorAll('[role="grid"] tbody tr .cell-name')].find((c) => c.title === ${JSON.stringify(name)}) ?? null)`
  await clickOn(page, nameCell, `the row of ${name}`)
  const panel = panelOf(name)
  await until(page, `${panel} !== null`, `the panel of ${name} never opened`)
  await inside(panel)
  await clickOn(page, within(panel, 'button[aria-label="Close details (Esc)"]'), "the panel's close button")
  await until(page, `${panel} === null`, `the panel of ${name} never closed`, 10_000)
  await filterPods(page, '')
}

/** Follows pod `name`'s Logs tab until `during` resolves (its first lines are shown before that). */
export async function followLogs(page: Page, name: string, during: () => Promise<void>): Promise<void> {
  await inPodPanel(page, name, async (panel) => {
    await clickOn(page, within(panel, '[role="tab"]', 'Logs'), 'the Logs tab')
    await until(page, `${within(panel, '.log-line')} !== null`, `no log line of ${name}`)
    await during()
  })
}

/**
 * Opens a shell in pod `name` from its Shell tab, runs `hostname`, then `during` (the pod is replaced under
 * it), and closes the terminal.
 */
export async function shellIn(page: Page, name: string, during: () => Promise<void>): Promise<void> {
  await inPodPanel(page, name, async (panel) => {
    await clickOn(page, within(panel, '[role="tab"]', 'Shell'), 'the Shell tab')
    await clickOn(page, within(panel, 'button', 'Open shell'), 'the Open shell button')
    const terminal = within(panel, 'section.terminal[aria-label^="Terminal: "]')
    await until(
      page,
      `${within(terminal, '.terminal-bar .pill')}?.textContent.startsWith('Connected') === true`,
      `the shell in ${name} never connected`,
    )
    await clickOn(page, within(terminal, '.terminal-box'), 'the terminal')
    await page.keyboard.type('hostname\r')
    await until(
      page,
      `${within(terminal, '.xterm-rows')}?.textContent.includes(${JSON.stringify(name)}) === true`,
      `hostname never printed ${name}`,
    )
    await during()
    // Whatever the terminal made of it (ended, reconnecting to the new pod), a person closes it now.
    await page.waitForTimeout(1000)
    await clickOn(
      page,
      within(terminal, 'button[aria-label^="Close terminal"]'),
      "the terminal's close button",
    )
    await until(page, `${terminal} === null`, 'the terminal never closed', 10_000)
  })
}

/** The page's JS heap after a forced GC, and Chromium's DOM counters (nodes, listeners). */
export async function pageMemory(
  p: BenchPage,
): Promise<{ heapMb: number; domNodes: number; listeners: number }> {
  const heapMb = await p.heapMb()
  const dom = await p.cdp.send('Memory.getDOMCounters')
  return { heapMb, domNodes: dom.nodes, listeners: dom.jsEventListeners }
}

/** Collects garbage in the page, then streams a V8 heap snapshot's chunks to `onChunk`. */
async function snapshotAfterGc(p: BenchPage, onChunk: (chunk: string) => void): Promise<void> {
  const listener = (e: { chunk: string }): void => onChunk(e.chunk)
  p.cdp.on('HeapProfiler.addHeapSnapshotChunk', listener)
  try {
    await p.cdp.send('HeapProfiler.collectGarbage')
    await p.cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false })
  } finally {
    p.cdp.off('HeapProfiler.addHeapSnapshotChunk', listener)
  }
}

/**
 * The page's heap after a GC split by kind (a heap snapshot taken in memory): compiled code is V8's and comes
 * and goes with tiering and bytecode flushing, the rest is what the app holds. In MB.
 */
export async function pageHeapSplit(p: BenchPage): Promise<HeapCategories> {
  const chunks: string[] = []
  await snapshotAfterGc(p, (chunk) => void chunks.push(chunk))
  const bytes = heapCategories(JSON.parse(chunks.join('')) as Snapshot)
  const mb = (n: number): number => n / 1e6 // as heapMb(): decimal MB
  return {
    code: mb(bytes.code),
    strings: mb(bytes.strings),
    objects: mb(bytes.objects),
    system: mb(bytes.system),
    native: mb(bytes.native),
  }
}

/** Writes the page's V8 heap snapshot to `file` (CDP HeapProfiler, after a GC), for comparing hours. */
export async function pageHeapSnapshot(p: BenchPage, file: string): Promise<void> {
  const out = createWriteStream(file)
  try {
    await snapshotAfterGc(p, (chunk) => void out.write(chunk))
  } finally {
    await new Promise<void>((resolve, reject) =>
      out.end((err?: Error | null) => (err ? reject(err) : resolve())),
    )
  }
}
