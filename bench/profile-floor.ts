// `npx tsx bench/profile-floor.ts [--runs N]`: the browser's own floor under `profile-cold --faults`. A fresh
// Chromium with the bench's flags opens a one-line page from a loopback server; each of its processes' CPU
// time and new memory (minor faults) from navigation to the first frame after paint, medians over the runs.
// What a cold start costs above these figures is Skiff's.
import { createServer } from 'node:http'
import { parseArgs } from 'node:util'
import { chromium } from 'playwright-core'
import { chromiumArgs, chromiumPath } from '../test/e2e/chromium'
import { faultSampler, mediansByKind, type ProcessGrowth } from './process-faults'
import { percentile } from './stats'

const { values } = parseArgs({ options: { runs: { type: 'string', default: '8' } } })
const runs = Number(values.runs)

const server = createServer((_req, res) => {
  res.setHeader('content-type', 'text/html')
  res.end('<!doctype html><title>floor</title><p>A blank page.</p>')
}).listen(0, '127.0.0.1')
await new Promise((resolve) => server.once('listening', resolve))
const { port } = server.address() as { port: number }

const walls: number[] = []
const growth: ProcessGrowth[][] = []
try {
  for (let run = 0; run < runs; run++) {
    const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs })
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
      // Started after the launch, as profile-cold's: the browser's own start is not in either window.
      const sampler = faultSampler({ bench: process.pid })
      const from = performance.now()
      await page.goto(`http://127.0.0.1:${port}/`)
      await page.evaluate('new Promise((r) => requestAnimationFrame(() => setTimeout(r)))')
      const to = performance.now()
      sampler.stop()
      growth.push(sampler.window(from, to))
      walls.push(to - from)
    } finally {
      await browser.close()
    }
  }
} finally {
  server.close()
}
console.log(`blank page, navigation → painted, ${runs} runs, medians (a fault is a new 4 KB page):`)
const kindOf = (p: ProcessGrowth): string =>
  p.label === 'process' ? 'bench (Playwright, sampler)' : `chromium ${p.label}`
for (const line of mediansByKind(growth, kindOf)) console.log(line)
console.log(`  navigation → painted: ${Math.round(percentile(walls, 50))} ms`)
