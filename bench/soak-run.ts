// `npm run bench -- --soak [--hours N] [--snapshots DIR]`: a long session compressed into minutes.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startSandbox } from '@sandbox'
import { launchBrowser } from './browser'
import { startCluster } from './cluster'
import { soakBackend, soakNodeArgs } from './soak-backend'
import { renderSoakHours, soakFigures } from './soak-figures'
import { soak, soakHour } from './soak-scenario'
import { renderTable } from './table'
import { startWeb } from './web'

export async function runSoak(opts: {
  hours: number
  pods: number
  snapshotDir?: string
  log: (m: string) => void
}): Promise<boolean> {
  const { log } = opts
  const started = Date.now()
  const cluster = await startCluster()
  const other = await startSandbox({ name: 'soak2', nodes: 1, speed: 1 })
  const scratch = mkdtempSync(join(tmpdir(), 'skiff-soak-'))
  const snapshotDir = opts.snapshotDir ?? scratch
  mkdirSync(snapshotDir, { recursive: true })
  cluster.addContext(other)
  const namespace = 'soak'
  cluster.sandbox.seedPods(namespace, opts.pods)
  other.seedPods('default', 300)
  let web: Awaited<ReturnType<typeof startWeb>> | undefined
  let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined
  let ok = true
  try {
    web = await startWeb(cluster.env, soakNodeArgs(snapshotDir))
    browser = await launchBrowser()
    log(
      `soak: ${opts.hours} simulated hours; one hour = ${JSON.stringify(soakHour)}; ${opts.pods} pods in ${namespace}`,
    )
    const readings = await soak(browser, cluster, soakBackend(web.url, web.pid, snapshotDir), web.url, {
      namespace,
      pods: opts.pods,
      hours: opts.hours,
      chatty: 'chatty',
      other,
      ...(opts.snapshotDir ? { snapshotDir: opts.snapshotDir } : {}),
      log,
    })
    console.log(
      `\nSkiff soak ${new Date().toISOString().slice(0, 16)}Z, node ${process.version}, ` +
        `${Math.round((Date.now() - started) / 1000)} s; ${opts.hours} simulated hours, measured at rest after each\n`,
    )
    console.log(renderSoakHours(readings))
    console.log('')
    console.log(renderTable(soakFigures(readings)))
  } catch (err) {
    ok = false
    log(`soak FAILED: ${(err as Error).message.slice(0, 1000)}`)
  } finally {
    await browser?.close().catch(() => {})
    await web?.stop()
    await other.stop()
    await cluster.stop()
    rmSync(scratch, { recursive: true, force: true })
  }
  return ok
}
