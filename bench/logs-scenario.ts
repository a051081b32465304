import { monitorEventLoopDelay } from 'node:perf_hooks'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { AsyncQueue } from '../src/main/workloads/async-queue'
import { batches, lineWriter } from '../src/main/workloads/log-batches'

export interface LogsResult {
  linesPerSecond: number
  longestStallMs: number
  heapMbAtLines: number
  lines: number
  searchMs: number
}

/** The part of the renderer's LogStore the bench drives. */
interface LogStoreLike {
  append(lines: readonly string[]): void
  search(query: string): number[]
  readonly length: number
}
type LogStoreCtor = new (cap?: number, schedule?: (fn: () => void) => void) => LogStoreLike

// The store lives in the renderer (DOM-typed); a runtime-only import keeps it out of the Node type-check.
const storeModule = '../src/renderer/src/logs/log-store'

function forceGc(): () => void {
  setFlagsFromString('--expose_gc')
  return runInNewContext('gc') as () => void
}

/**
 * Scenario 4, in Node: the viewer is not reachable from a page yet, so this drives the real backend path
 * (line splitting, queue, 50 ms batches, JSON framing as SSE sends it) into the renderer's LogStore.
 */
export async function logsThroughput(linesPerSecond: number, seconds: number): Promise<LogsResult> {
  const { LogStore } = (await import(storeModule)) as { LogStore: LogStoreCtor }
  const gc = forceGc()
  gc()
  const heapBefore = process.memoryUsage().heapUsed
  const store = new LogStore(1_000_000, () => {})
  const queue = new AsyncQueue<string>()
  const writer = lineWriter(
    (line) => queue.push(line),
    () => queue.close(),
  )
  const abort = new AbortController()
  const delay = monitorEventLoopDelay({ resolution: 5 })
  delay.enable()
  let received = 0
  const consumer = (async () => {
    for await (const lines of batches(queue, abort.signal)) {
      const frame = JSON.stringify({ lines })
      const parsed = JSON.parse(frame) as { lines: string[] }
      store.append(parsed.lines)
      received += parsed.lines.length
    }
  })()
  const tickMs = 10
  const perTick = Math.round((linesPerSecond * tickMs) / 1000)
  const started = Date.now()
  let sent = 0
  let tick = 0
  while (Date.now() - started < seconds * 1000) {
    let chunk = ''
    for (let i = 0; i < perTick; i++, sent++)
      chunk += `2026-11-25T16:00:00.${String(sent % 1000).padStart(3, '0')}Z INFO request ${sent} served in 12ms path=/api/v1/items?page=${sent % 97}\n`
    writer.write(chunk)
    tick++
    await new Promise((r) => setTimeout(r, Math.max(0, started + tick * tickMs - Date.now())))
  }
  const elapsed = (Date.now() - started) / 1000
  writer.end()
  await consumer
  delay.disable()
  const searchStart = performance.now()
  store.search('path=/api/v1/items?page=42')
  const searchMs = performance.now() - searchStart
  gc()
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1e6
  abort.abort()
  return {
    linesPerSecond: received / elapsed,
    longestStallMs: delay.max / 1e6,
    heapMbAtLines: heapMb,
    lines: store.length,
    searchMs,
  }
}
