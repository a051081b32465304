// Preloaded into a web backend of any checkout (`node --expose-gc --import bench/mem-probe.mjs`) by
// bench/churn-memory.ts. On SIGUSR2 it reads $MEM_PROBE_OUT.cmd: "mark" prints a marker line to stdout
// (to cut a --trace-gc log into phases); anything else writes memory before and after two GCs to $MEM_PROBE_OUT.
import { readFileSync, writeFileSync } from 'node:fs'
import { Session } from 'node:inspector'
import { setTimeout } from 'node:timers'
import v8 from 'node:v8'

const session = new Session()

const out = process.env.MEM_PROBE_OUT
const mb = (m) => Object.fromEntries(Object.entries(m).map(([k, v]) => [k, +(v / 1048576).toFixed(1)]))
const spaces = () =>
  Object.fromEntries(
    v8
      .getHeapSpaceStatistics()
      .map((s) => [
        s.space_name,
        `${(s.space_used_size / 1048576).toFixed(1)}/${(s.space_size / 1048576).toFixed(1)}`,
      ]),
  )
process.on('SIGUSR2', () => {
  let cmd = ''
  try {
    cmd = readFileSync(`${out}.cmd`, 'utf8').trim()
  } catch {
    // no command file: a probe
  }
  if (cmd.startsWith('mark')) {
    console.log(`MEM-PROBE ${cmd} ${Date.now()}`)
    // With MEM_PROBE_ALLOC: sample every allocation (garbage included) from the last churn's start to its end.
    if (process.env.MEM_PROBE_ALLOC && cmd.endsWith(`-${process.env.MEM_PROBE_ALLOC}-start`)) {
      session.connect()
      session.post('HeapProfiler.startSampling', {
        samplingInterval: 16384,
        includeObjectsCollectedByMajorGC: true,
        includeObjectsCollectedByMinorGC: true,
      })
    } else if (process.env.MEM_PROBE_ALLOC && cmd.endsWith(`-${process.env.MEM_PROBE_ALLOC}-end`)) {
      session.post('HeapProfiler.stopSampling', (err, r) =>
        writeFileSync(`${out}.alloc.json`, JSON.stringify(err ? { error: String(err) } : r.profile)),
      )
    }
    return
  }
  const before = mb(process.memoryUsage())
  const spacesBefore = spaces()
  globalThis.gc?.()
  globalThis.gc?.()
  setTimeout(() => {
    const after = mb(process.memoryUsage())
    writeFileSync(out, JSON.stringify({ before, after, spacesBefore, spacesAfter: spaces() }))
  }, 200)
})
