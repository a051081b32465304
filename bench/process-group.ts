import { readdirSync, readFileSync } from 'node:fs'

/** Live processes (zombies left out) in process group `pgid`, read from /proc. */
export function groupMembers(pgid: number): number[] {
  const pids: number[] = []
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    let stat: string
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
    } catch {
      continue // ended while we read
    }
    // pid (comm) state ppid pgrp …; comm may hold spaces and parentheses, so split after its last ')'.
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    if (state !== 'Z' && Number(pgrp) === pgid) pids.push(Number(entry))
  }
  return pids
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal)
  } catch {
    // ESRCH: nothing left in the group
  }
}

async function untilEmpty(pgid: number, timeoutMs: number): Promise<number[]> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const left = groupMembers(pgid)
    if (left.length === 0 || Date.now() > deadline) return left
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/**
 * Ends every process in group `pgid` (a child spawned with `detached: true` and all it started): SIGTERM so they
 * can clean up, SIGKILL after `graceMs`. Resolves with those still running after that (none, normally).
 */
export async function stopGroup(pgid: number, graceMs = 5000): Promise<number[]> {
  if (groupMembers(pgid).length === 0) return []
  signalGroup(pgid, 'SIGTERM')
  if ((await untilEmpty(pgid, graceMs)).length === 0) return []
  signalGroup(pgid, 'SIGKILL')
  return untilEmpty(pgid, 5000)
}
