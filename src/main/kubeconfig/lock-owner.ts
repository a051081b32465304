import { readFile } from 'node:fs/promises'
import { hostname } from 'node:os'

// What Skiff writes in kubectl's lock file (kubectl writes nothing and ignores the content):
// `skiff pid=<pid> start=<process start tick> host=<hostname>`. The start tick tells a reused pid apart.
const STAMP = /^skiff pid=(\d+) start=(\d*) host=(\S*)\n?$/

/** Linux: fields 3 onwards of /proc/<pid>/stat (state, ..., start time); undefined elsewhere. */
async function procStat(pid: number): Promise<string[] | undefined> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined)
  // The command name (field 2) may contain spaces and parentheses: count fields after its closing ')'.
  return stat?.slice(stat.lastIndexOf(')') + 2).split(' ')
}

/** The process's start time in clock ticks since boot (field 22). */
async function startTick(pid: number): Promise<string | undefined> {
  return (await procStat(pid))?.[19]
}

export async function lockStamp(pid = process.pid): Promise<string> {
  return `skiff pid=${pid} start=${(await startTick(pid)) ?? ''} host=${hostname()}\n`
}

/** True only for a lock Skiff wrote, on this machine, whose process no longer runs (or is another one now). */
export async function lockOwnerIsDead(stamp: string): Promise<boolean> {
  const m = STAMP.exec(stamp)
  if (!m || m[3] !== hostname()) return false
  const pid = Number(m[1])
  if (!Number.isSafeInteger(pid) || pid <= 0) return false
  try {
    process.kill(pid, 0)
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH'
  }
  const fields = await procStat(pid)
  if (fields?.[0] === 'Z') return true // killed, not yet reaped by its parent
  // Alive: the same process only if it started at the recorded time (pids are reused).
  const start = fields?.[19]
  return m[2] !== '' && start !== undefined && start !== m[2]
}
