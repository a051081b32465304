import { readFileSync } from 'node:fs'
import type { CDPSession } from 'playwright-core'

// Idle CPU (issue 22): with nothing changing in the cluster, how much CPU the backend and the page still use.

const TICKS_PER_SECOND = 100 // USER_HZ on Linux

/** CPU seconds (user + system, all threads) a process has used so far, from /proc/PID/stat. */
export function processCpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  // Fields after the command name (which may hold spaces) start at state; utime and stime are 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND
}

/** Seconds the page's main thread has spent in tasks so far (CDP Performance.getMetrics `TaskDuration`). */
export async function pageTaskSeconds(cdp: CDPSession): Promise<number> {
  await cdp.send('Performance.enable')
  const { metrics } = await cdp.send('Performance.getMetrics')
  return metrics.find((m) => m.name === 'TaskDuration')?.value ?? Number.NaN
}

/** CPU use in percent of one core over `seconds`, from two readings of a cumulative CPU-seconds counter. */
export async function idleCpuPercent(read: () => Promise<number> | number, seconds: number): Promise<number> {
  const before = await read()
  const t0 = performance.now()
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000))
  const after = await read()
  return ((after - before) / ((performance.now() - t0) / 1000)) * 100
}
