// `npx tsx bench/profile-floor.ts [--runs N]`: the browser's own floor under `profile-cold --faults`. A fresh
// Chromium with the bench's flags opens a one-line page from a loopback server; each of its processes' CPU
// time and new memory (minor faults) from navigation to the first frame after paint, medians over the runs.
// What a cold start costs above these figures is Skiff's.
import { createServer } from 'node:http'
import { parseArgs } from 'node:util'
import { chromium } from 'playwright-core'
import { chromiumArgs, chromiumPath } from '../test/e2e/chromium'
import { faultSampler } from './process-faults'
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
const figures = new Map<string, { faults: number[]; cpu: number[] }>()
const add = (k: string, faults: number, cpu: number): void => {
  const e = figures.get(k) ?? { faults: [], cpu: [] }
  e.faults.push(faults)
  e.cpu.push(cpu)
  figures.set(k, e)
}
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
      const sums = new Map<string, { faults: number; cpu: number }>()
      for (const p of sampler.window(from, to)) {
        const k = p.label === 'process' ? 'bench (Playwright, sampler)' : `chromium ${p.label}`
        const s = sums.get(k) ?? { faults: 0, cpu: 0 }
        sums.set(k, { faults: s.faults + p.faults, cpu: s.cpu + p.cpuMs })
      }
      for (const [k, s] of sums) add(k, s.faults, s.cpu)
      walls.push(to - from)
    } finally {
      await browser.close()
    }
  }
} finally {
  server.close()
}
console.log(`blank page, navigation → painted, ${runs} runs, medians:`)
for (const [k, e] of [...figures].sort((a, b) => percentile(b[1].cpu, 50) - percentile(a[1].cpu, 50)))
  console.log(
    `  ${k.padEnd(30)} ${String(Math.round(percentile(e.faults, 50))).padStart(6)} faults  ` +
      `${String(Math.round(percentile(e.cpu, 50))).padStart(5)} ms CPU`,
  )
console.log(`  navigation → painted: ${Math.round(percentile(walls, 50))} ms`)
