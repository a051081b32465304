// `npx tsx bench/profile-sandbox-list.ts [pods] [rounds]`: the sandbox alone, in this process. Seeds `pods`
// pods (50,000 by default) and lists them `rounds` times (5) over HTTPS: all pages of limit=500, one
// un-paged LIST and a Table page as kubectl asks for it; prints each time and the heap the pods hold.
// With SKIFF_PROFILE=file.cpuprofile a CPU profile of the listing rounds (not the seeding) is written there;
// run with `node --expose-gc --import tsx` for an exact heap figure.
import { writeFileSync } from 'node:fs'
import { Session } from 'node:inspector/promises'
import { startCluster } from './cluster'
import { percentile, timed } from './stats'

const pods = Number(process.argv[2] ?? 50_000)
const rounds = Number(process.argv[3] ?? 5)
const NS = 'bench'
// The client reads only the metadata at the head of each body, so the figures are the sandbox's serving.
const HEAD = { head: 4096 }

const gc = (globalThis as { gc?: () => void }).gc
const heapMb = (): number => {
  gc?.()
  return process.memoryUsage().heapUsed / 1e6
}

const cluster = await startCluster()
try {
  const before = heapMb()
  const seed = await timed(async () => cluster.sandbox.seedPods(NS, pods))
  const after = heapMb()
  console.log(
    `seeded ${pods} pods in ${Math.round(seed.ms)} ms; heap ${before.toFixed(0)} → ${after.toFixed(0)} MB` +
      ` (${(((after - before) * 1e6) / pods).toFixed(0)} B per pod${gc ? '' : ', no --expose-gc: rough'})`,
  )
  const profileTo = process.env.SKIFF_PROFILE
  const inspector = profileTo ? new Session() : undefined
  if (inspector) {
    inspector.connect()
    await inspector.post('Profiler.enable')
    await inspector.post('Profiler.start')
  }
  const all: number[] = []
  const allCpu: number[] = []
  const wholeCpu: number[] = []
  // CPU time (user + system) of this process: steadier than wall time when the machine is shared.
  const cpuMs = (from: NodeJS.CpuUsage): number => {
    const d = process.cpuUsage(from)
    return (d.user + d.system) / 1000
  }
  const first: number[] = []
  const last: number[] = []
  const whole: number[] = []
  const table: number[] = []
  for (let round = 0; round < rounds; round++) {
    const pagedCpu = process.cpuUsage()
    const paged = await timed(async () => {
      let cont = ''
      let page = 0
      do {
        const q = `limit=500${cont ? `&continue=${encodeURIComponent(cont)}` : ''}`
        const r = await timed(() =>
          cluster.request('GET', `/api/v1/namespaces/${NS}/pods?${q}`, undefined, undefined, HEAD),
        )
        if (page++ === 0) first.push(r.ms)
        last.splice(round, 1, r.ms)
        // The list's metadata comes first; reading the token from there keeps the client's share small.
        cont = /"continue":"([^"]+)"/.exec(r.result.text)?.[1] ?? ''
      } while (cont)
    })
    all.push(paged.ms)
    allCpu.push(cpuMs(pagedCpu))
    const wholeFrom = process.cpuUsage()
    whole.push(
      (await timed(() => cluster.request('GET', `/api/v1/namespaces/${NS}/pods`, undefined, undefined, HEAD)))
        .ms,
    )
    wholeCpu.push(cpuMs(wholeFrom))
    table.push(
      (
        await timed(() =>
          cluster.request('GET', `/api/v1/namespaces/${NS}/pods?limit=500`, undefined, undefined, {
            headers: { Accept: 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json' },
          }),
        )
      ).ms,
    )
  }
  if (inspector && profileTo) {
    const { profile } = await inspector.post('Profiler.stop')
    writeFileSync(profileTo, JSON.stringify(profile))
  }
  const show = (name: string, xs: number[]): void =>
    console.log(
      `${name.padEnd(34)} median ${percentile(xs, 50).toFixed(1).padStart(8)} ms  (${xs.map((x) => x.toFixed(0)).join(', ')})`,
    )
  show(`paged LIST ${pods} (limit=500, all)`, all)
  show('  CPU time of the process', allCpu)
  show('  first page', first)
  show('  last page', last)
  show(`un-paged LIST ${pods}`, whole)
  show('  CPU time of the process', wholeCpu)
  show('Table page (limit=500)', table)
} finally {
  await cluster.stop()
}
