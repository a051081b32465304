// `npx tsx bench/profile-open.ts [pods]`: CPU profiles of the backend and the page while Pods opens on a sandbox
// of that many pods (10,000 by default), and the arrival times of the event-stream messages. For finding what
// dominates figure 1 before changing anything (see docs/performance.md); open the .cpuprofile files in
// Chromium's DevTools (Performance → Load profile).
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildWebIfStale } from '../scripts/serve.mjs'
import { launchBrowser } from './browser'
import { startCluster } from './cluster'
import { openPodsScript, SCROLL_FRAMES } from './pods-scenario'
import { startWeb } from './web'

const pods = Number(process.argv[2] ?? 10_000)
const out = mkdtempSync(join(tmpdir(), 'skiff-profile-'))
buildWebIfStale()
const cluster = await startCluster()
cluster.sandbox.seedPods('bench', pods)
const web = await startWeb(cluster.env, ['--cpu-prof', `--cpu-prof-dir=${out}`])
const browser = await launchBrowser()
try {
  const p = await browser.open(web.url)
  await p.page.waitForLoadState('load')
  await p.page.waitForTimeout(500)
  const messages: [number, number][] = []
  p.cdp.on('Network.eventSourceMessageReceived', (e) => messages.push([e.timestamp, e.data.length]))
  await p.cdp.send('Profiler.enable')
  await p.cdp.send('Profiler.setSamplingInterval', { interval: 200 })
  await p.cdp.send('Profiler.start')
  const r = await p.page.evaluate<{ first: number; all: number }>(openPodsScript(pods))
  const { profile } = await p.cdp.send('Profiler.stop')
  writeFileSync(join(out, 'page.cpuprofile'), JSON.stringify(profile))
  const base = profile.startTime / 1e6
  console.log(`first rows ${Math.round(r.first)} ms, all rows ${Math.round(r.all)} ms`)
  console.log('event-stream messages (ms after the switch:bytes):')
  console.log(messages.map(([t, n]) => `${Math.round((t - base) * 1000)}:${n}`).join(' '))
  // Then 3 s of scrolling through the whole list (as the bench does), profiled on its own.
  await p.cdp.send('Profiler.start')
  const s = await p.page.evaluate<{ frames: number; slow: number; longest: number }>(SCROLL_FRAMES(3000))
  const scroll = await p.cdp.send('Profiler.stop')
  writeFileSync(join(out, 'scroll.cpuprofile'), JSON.stringify(scroll.profile))
  console.log(`scroll: ${s.frames} frames, ${s.slow} over 50 ms, longest ${Math.round(s.longest)} ms`)
  await p.close()
} finally {
  await browser.close()
  await web.stop() // the backend writes its profile as it exits
  await cluster.stop()
}
console.log(`profiles in ${out}`)
