// CPU time spent by this test process, for budgets on in-process work (renderer tests run in Node).
// Wall-clock budgets fail on a loaded CI box: other processes' work counts against ours. CPU time counts only
// what this process did, so it still grows with the work measured (the regressions the budgets are for).

interface NodeProcess {
  cpuUsage(): { user: number; system: number }
}

/** Milliseconds of CPU (user + system, all threads) this process has used so far. */
export function cpuMs(): number {
  const { user, system } = (globalThis as unknown as { process: NodeProcess }).process.cpuUsage()
  return (user + system) / 1000
}
