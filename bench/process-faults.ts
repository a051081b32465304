import { readdirSync, readFileSync } from 'node:fs'
import { percentile } from './stats'

// New memory a process takes shows as minor page faults (/proc/PID/stat field 10): on a VM that gives idle
// memory back to the host each one costs microseconds. `faultSampler` reads them, with CPU time, for named
// process trees every few milliseconds, so a window (navigation → first rows) can be cut out afterwards.

const TICKS_MS = 10 // USER_HZ is 100 on Linux

interface ProcStat {
  pid: number
  ppid: number
  minflt: number
  cpuMs: number
}

function readStat(pid: number): ProcStat | undefined {
  try {
    return parseStat(pid, readFileSync(`/proc/${pid}/stat`, 'utf8'))
  } catch {
    return undefined // ended while we read
  }
}

/** One `/proc/PID/stat` line's parent, minor faults and CPU time (user + system). */
export function parseStat(pid: number, stat: string): ProcStat {
  // pid (comm) state ppid … ; comm may hold spaces, so split after its last ')'. Fields from 3 on: state=0,
  // ppid=1, minflt=7, utime=11, stime=12.
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return {
    pid,
    ppid: Number(f[1]),
    minflt: Number(f[7]),
    cpuMs: (Number(f[11]) + Number(f[12])) * TICKS_MS,
  }
}

const labels = new Map<number, string>()

/** Chromium's process type from its command line (browser, renderer, gpu-process, utility…), else "process". */
function label(pid: number): string {
  const known = labels.get(pid)
  if (known) return known
  const read = readLabel(pid)
  // A renderer forked from the zygote shows the zygote's command line until it sets its own.
  if (read !== 'zygote') labels.set(pid, read)
  return read
}

function readLabel(pid: number): string {
  try {
    return labelOf(readFileSync(`/proc/${pid}/cmdline`, 'utf8'))
  } catch {
    return 'gone'
  }
}

/** A process's kind from its `/proc/PID/cmdline` text. */
export function labelOf(cmdline: string): string {
  // Chromium's children rewrite their argv into one space-joined string, so split on both.
  const cmd = cmdline.split(/[\0 ]/)
  const type = cmd.find((a) => a.startsWith('--type='))?.slice('--type='.length)
  if (type) {
    const sub = cmd
      .find((a) => a.startsWith('--utility-sub-type='))
      ?.split('.')
      .at(-1)
    return sub ? `${type}:${sub}` : type
  }
  if (/crashpad/.test(cmd[0] ?? '')) return 'crashpad'
  return /chrom/.test(cmd[0] ?? '') ? 'browser' : 'process'
}

/** Every live process under `roots` (the roots included), each with the root's name and its own label. */
function trees(roots: Record<string, number>): Map<number, { tree: string; label: string; stat: ProcStat }> {
  const all = new Map<number, ProcStat>()
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    const s = readStat(Number(entry))
    if (s) all.set(s.pid, s)
  }
  const out = new Map<number, { tree: string; label: string; stat: ProcStat }>()
  const treeOf = (pid: number): string | undefined => {
    for (let p: number | undefined = pid, depth = 0; p && depth < 20; depth++) {
      const name = Object.entries(roots).find(([, r]) => r === p)?.[0]
      if (name) return name
      p = all.get(p)?.ppid
    }
    return undefined
  }
  for (const s of all.values()) {
    const tree = treeOf(s.pid)
    if (tree) out.set(s.pid, { tree, label: label(s.pid), stat: s })
  }
  return out
}

/** One process's growth over a window: new 4 KB pages (minor faults) and CPU ms. */
export interface ProcessGrowth {
  tree: string
  label: string
  faults: number
  cpuMs: number
}

export interface FaultSample {
  at: number
  procs: Map<number, { tree: string; label: string; stat: ProcStat }>
}

/** Samples the named trees every `everyMs` until stopped; `window(from, to)` gives each process's growth. */
export function faultSampler(roots: Record<string, number>, everyMs = 40) {
  const samples: FaultSample[] = [{ at: performance.now(), procs: trees(roots) }]
  const timer = setInterval(() => samples.push({ at: performance.now(), procs: trees(roots) }), everyMs)
  return {
    stop(): void {
      clearInterval(timer)
      samples.push({ at: performance.now(), procs: trees(roots) })
    },
    /** Minor faults and CPU ms of each process between the samples nearest `from` and `to` (performance.now()). */
    window(from: number, to: number): ProcessGrowth[] {
      const nearest = (t: number): FaultSample =>
        samples.reduce((best, s) => (Math.abs(s.at - t) < Math.abs(best.at - t) ? s : best))
      const a = nearest(from)
      const b = nearest(to)
      const rows: ProcessGrowth[] = []
      for (const [pid, p] of b.procs) {
        // A process born inside the window counts from zero.
        const before = a.procs.get(pid)?.stat
        rows.push({
          tree: p.tree,
          label: p.label,
          faults: p.stat.minflt - (before?.minflt ?? 0),
          cpuMs: p.stat.cpuMs - (before?.cpuMs ?? 0),
        })
      }
      return rows.sort((x, y) => y.faults - x.faults)
    },
  }
}

/**
 * Medians over runs, by kind of process (a run's processes of one kind summed), most CPU first: one printed
 * line each.
 */
export function mediansByKind(runs: ProcessGrowth[][], kindOf: (p: ProcessGrowth) => string): string[] {
  const byKind = new Map<string, { faults: number[]; cpu: number[] }>()
  for (const run of runs) {
    const sums = new Map<string, { faults: number; cpu: number }>()
    for (const p of run) {
      const s = sums.get(kindOf(p)) ?? { faults: 0, cpu: 0 }
      sums.set(kindOf(p), { faults: s.faults + p.faults, cpu: s.cpu + p.cpuMs })
    }
    for (const [k, s] of sums) {
      const e = byKind.get(k) ?? { faults: [], cpu: [] }
      e.faults.push(s.faults)
      e.cpu.push(s.cpu)
      byKind.set(k, e)
    }
  }
  return [...byKind]
    .map(([k, e]) => ({ k, faults: percentile(e.faults, 50), cpu: percentile(e.cpu, 50) }))
    .sort((a, b) => b.cpu - a.cpu || b.faults - a.faults)
    .map(
      ({ k, faults, cpu }) =>
        `  ${k.padEnd(32)} ${String(Math.round(faults)).padStart(7)} faults ` +
        `(${(faults / 256).toFixed(1)} MB)  ${String(Math.round(cpu)).padStart(5)} ms CPU`,
    )
}
