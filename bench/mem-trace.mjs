// Preloaded into a web backend of any checkout (`node --expose-gc --import bench/mem-trace.mjs`) by
// bench/open-memory.ts: every $MEM_TRACE_MS (50) ms one JSON line of process.memoryUsage() and V8's new / old /
// large-object space sizes (MB) goes to $MEM_TRACE_OUT, without forcing anything. On SIGUSR2 it writes a line
// marked "gc": the same figures after two full collections. Sampling allocates a few hundred bytes a tick.
import { appendFileSync } from 'node:fs'
import { setInterval } from 'node:timers'
import v8 from 'node:v8'

const out = process.env.MEM_TRACE_OUT
const every = Number(process.env.MEM_TRACE_MS ?? 50)
const MB = 1048576
const r1 = (n) => Math.round((n / MB) * 10) / 10

function sample(tag) {
  const m = process.memoryUsage()
  const s = {}
  for (const sp of v8.getHeapSpaceStatistics()) s[sp.space_name] = sp
  const line = {
    t: Date.now(),
    rss: r1(m.rss),
    heapUsed: r1(m.heapUsed),
    heapTotal: r1(m.heapTotal),
    external: r1(m.external),
    arrayBuffers: r1(m.arrayBuffers),
    newSpace: r1(s.new_space?.space_size ?? 0),
    oldSpace: r1(s.old_space?.space_size ?? 0),
    oldUsed: r1(s.old_space?.space_used_size ?? 0),
    lo: r1((s.large_object_space?.space_size ?? 0) + (s.new_large_object_space?.space_size ?? 0)),
  }
  if (tag) line.tag = tag
  appendFileSync(out, `${JSON.stringify(line)}\n`)
}

if (out) {
  setInterval(() => sample(), every).unref()
  process.on('SIGUSR2', () => {
    globalThis.gc?.()
    globalThis.gc?.()
    sample('gc')
  })
}
