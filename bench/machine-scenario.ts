// Scenario 0: how fast this machine is, today, at what a cold start leans on. Boxes here differ by more than
// most changes do (stop 18's box touched fresh memory ~10× faster than stop 19's), so the table carries these
// beside the app's figures: a cold start is read against a blank page's paint in the same Chromium.
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { onPage, type BenchBrowser } from './browser'

const run = promisify(execFile)

export interface MachineFigures {
  /** A fixed loop of 3·10⁸ additions in a fresh Node process, ms. */
  cpuMs: number
  /** A fresh Node process writing one byte into each 4 KB page of 256 MB it has just mapped, ms. */
  freshMemoryMs: number
  /** A fresh Chromium (the bench's own flags) opening a one-line page with no network → first contentful paint, ms. */
  blankPaintMs: number
}

/** Each script prints its own elapsed milliseconds, so Node's start-up is not in the figure. */
const CPU_LOOP =
  'const t=performance.now();let x=0;for(let i=0;i<3e8;i++)x+=i%7;console.log(performance.now()-t,x>0)'
const FRESH_MEMORY =
  'const t=performance.now();const b=Buffer.allocUnsafeSlow(256*1024*1024);' +
  'for(let i=0;i<b.length;i+=4096)b[i]=1;console.log(performance.now()-t)'

const BLANK_PAGE = 'data:text/html,<!doctype html><p>Skiff</p>'
// On the page's clock, from its navigation's start.
const FIRST_PAINT = `new Promise((resolve) => {
  new PerformanceObserver((list, observer) => {
    const paint = list.getEntriesByName('first-contentful-paint')[0]
    if (!paint) return
    observer.disconnect()
    resolve(paint.startTime)
  }).observe({ type: 'paint', buffered: true })
})`

async function nodeMs(script: string): Promise<number> {
  const { stdout } = await run(process.execPath, ['-e', script])
  return Number.parseFloat(stdout)
}

export async function machineFigures(browser: BenchBrowser): Promise<MachineFigures> {
  const cpuMs = await nodeMs(CPU_LOOP)
  const freshMemoryMs = await nodeMs(FRESH_MEMORY)
  const blankPaintMs = await onPage(browser, BLANK_PAGE, ({ page }) => page.evaluate<number>(FIRST_PAINT))
  return { cpuMs, freshMemoryMs, blankPaintMs }
}
