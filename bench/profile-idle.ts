// `npx tsx bench/profile-idle.ts [objects] [pods]`: CPU profile of the page idle on a custom kind's view of that many
// objects (10,000 by default), nothing changing: what scenario 8's idle page CPU is spent on. Prints the
// main thread's busy share and the top functions by self time; writes idle.cpuprofile to a temp folder.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildWebIfStale } from '../scripts/serve.mjs'
import { launchBrowser } from './browser'
import { startCluster } from './cluster'
import { pageTaskSeconds } from './idle-cpu'
import { setUpKinds } from './kinds-scenario'
import { startWeb } from './web'

const objects = Number(process.argv[2] ?? 10_000)
// As scenario 8 does: the Pods view of this many pods first, then the kind's view.
const pods = Number(process.argv[3] ?? 0)
const out = mkdtempSync(join(tmpdir(), 'skiff-idle-'))
buildWebIfStale()
const cluster = await startCluster()
const setup = await setUpKinds(cluster, 'default', 0, 0, objects)
if (pods) cluster.sandbox.seedPods('bench', pods)
const web = await startWeb(cluster.env)
const browser = await launchBrowser()
try {
  const p = await browser.open(`${web.url}#${pods ? 'workloads' : `kind/${setup.big}.bench.skiff.dev`}`)
  const count = (): Promise<number> =>
    p.page.evaluate(`Number(document.querySelector('[role="grid"]')?.getAttribute('aria-rowcount') ?? 0) - 1`)
  if (pods) {
    while ((await count()) < pods) await p.page.waitForTimeout(200)
    await p.page.evaluate(`location.hash = '#kind/${setup.big}.bench.skiff.dev'`)
  }
  // Polled from here: the app's CSP forbids the string evaluation waitForFunction would use.
  while ((await count()) !== objects) await p.page.waitForTimeout(200)
  await p.page.waitForTimeout(pods ? 11_000 : 2000) // past the Pods view's 10 s linger
  await p.cdp.send('Profiler.enable')
  await p.cdp.send('Profiler.start')
  const before = await pageTaskSeconds(p.cdp)
  await p.page.waitForTimeout(5000)
  const after = await pageTaskSeconds(p.cdp)
  const { profile } = await p.cdp.send('Profiler.stop')
  writeFileSync(join(out, 'idle.cpuprofile'), JSON.stringify(profile))
  console.log(`page main thread busy ${(((after - before) / 5) * 100).toFixed(2)} % over 5 s idle`)
  const self = new Map<string, number>()
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  profile.samples?.forEach((id, i) => {
    const f = byId.get(id)?.callFrame
    const key = `${f?.functionName || '(anon)'} ${f?.url.split('/').pop() ?? ''}:${(f?.lineNumber ?? 0) + 1}`
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas?.[i] ?? 0))
  })
  for (const [k, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 15))
    console.log(`${(us / 1000).toFixed(1).padStart(8)} ms  ${k}`)
} finally {
  await browser.close()
  await web.stop()
  await cluster.stop()
}
console.log(`profile in ${out}`)
