// Child process of scenario 8: Skiff's resource services (the same the backend runs) watching many kinds and
// the pods at once, so the figure is this process's own RSS. Prints one JSON line; then, with nothing changing,
// measures its own CPU for argv[3] seconds and prints a second line; then waits for stdin to end.
import { setMaxListeners } from 'node:events'
import { KubeConfig } from '@kubernetes/client-node'
import { createKubeService } from '../src/main/kube'
import { createApiService } from '../src/main/resources/api-service'
import { createCatalogService } from '../src/main/resources/catalog'
import { gcActivity } from '../src/main/util/gc-activity'
import { SETTLED_GC_QUIET_MS, SETTLE_MAX_MS } from './idle-cpu'

const kinds = (process.argv[2] ?? '').split(',').filter(Boolean)
const idleSeconds = Number(process.argv[3] ?? 0)
// argv[4] = 'settle': wait for garbage collection to settle before the idle reading (not in smoke runs).
const settle = process.argv[4] === 'settle'
const kc = new KubeConfig()
kc.loadFromDefault()
const getKubeConfig = (): Promise<KubeConfig> => Promise.resolve(kc)
const catalog = createCatalogService({ getKubeConfig })
const generic = createApiService({ getKubeConfig, catalog })
const kube = createKubeService({ getKubeConfig })
const abort = new AbortController()
// One signal ends every watch here (the app has one per view).
setMaxListeners(100, abort.signal)
const started = Date.now()

/** Reads a stream until its snapshot is whole; keeps reading (as a view would) until the abort. */
function hold<E extends { type: string; more?: true }>(stream: AsyncGenerator<E>): Promise<number> {
  return new Promise((resolve, reject) => {
    let rows = 0
    void (async () => {
      for await (const e of stream) {
        if (e.type === 'snapshot') {
          rows += (e as unknown as { rows: unknown[] }).rows.length
          if (!e.more) resolve(rows)
        }
      }
    })().catch(reject)
  })
}

const counts = await Promise.all([
  hold(kube.watch({ kind: 'pods' }, abort.signal)),
  ...kinds.map((resource) =>
    hold(generic.watch({ group: 'bench.skiff.dev', version: 'v1', resource }, abort.signal)),
  ),
])
gcActivity()
global.gc?.()
const rssMb = process.memoryUsage().rss / 1024 / 1024
process.stdout.write(
  `${JSON.stringify({ rssMb, rows: counts.reduce((a, b) => a + b, 0), ms: Date.now() - started })}\n`,
)
// Idle: every snapshot is whole and nothing changes; what the watches, timers and keep-alives still cost.
// First SETTLED_GC_QUIET_MS with no full garbage collection: V8's memory reducer may still collect after the
// lists and the gc() above, and that is the lists' cost, not idle work (as in kinds-scenario.ts).
const settleStart = performance.now()
let fullGcs = gcActivity().major
let quietSince = settleStart
while (
  settle &&
  performance.now() - quietSince < SETTLED_GC_QUIET_MS &&
  performance.now() - settleStart < SETTLE_MAX_MS
) {
  await new Promise((resolve) => setTimeout(resolve, 1000))
  const { major } = gcActivity()
  if (major !== fullGcs) [fullGcs, quietSince] = [major, performance.now()]
}
const settledMs = performance.now() - settleStart
const gcBefore = gcActivity()
const cpuBefore = process.cpuUsage()
const idleStart = performance.now()
await new Promise((resolve) => setTimeout(resolve, idleSeconds * 1000))
const cpu = process.cpuUsage(cpuBefore)
const idleCpuPct = ((cpu.user + cpu.system) / 1000 / (performance.now() - idleStart)) * 100
const gcAfter = gcActivity()
process.stdout.write(`${JSON.stringify({ idleCpuPct })}\n`)
process.stderr.write(
  `[scenario 8] services process idle: ${idleCpuPct.toFixed(2)} % after ${(settledMs / 1000).toFixed(0)} s ` +
    `settling; ${gcAfter.count - gcBefore.count} GCs in it (${gcAfter.major - gcBefore.major} full)\n`,
)
process.stdin.resume()
process.stdin.on('end', () => {
  abort.abort()
  generic.close()
  kube.close()
  process.exit(0)
})
