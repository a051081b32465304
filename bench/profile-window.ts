// `npx tsx bench/profile-window.ts FILE.cpuprofile START_US END_US [N]`: what a --cpu-prof profile's process
// did between two monotonic timestamps (e.g. the idle windows BENCH_IDLE_DIAG records): busy time second by
// second, and the functions with the most self and total time in that window, idle excluded.
import { readFileSync } from 'node:fs'

interface Node {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  children?: number[]
}
const [file, startArg, endArg, topArg] = process.argv.slice(2)
if (!file || !startArg || !endArg) throw new Error('usage: profile-window FILE START_US END_US [N]')
const start = Number(startArg)
const end = Number(endArg)
const top = Number(topArg ?? 20)
const prof = JSON.parse(readFileSync(file, 'utf8')) as {
  nodes: Node[]
  startTime: number
  samples: number[]
  timeDeltas: number[]
}
const byId = new Map(prof.nodes.map((n) => [n.id, n]))
const parent = new Map<number, number>()
for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
const label = (n: Node): string =>
  `${n.callFrame.functionName || '(anonymous)'}  ${n.callFrame.url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber + 1}`

const self = new Map<string, number>()
const total = new Map<string, number>()
const perSecond = new Array<number>(Math.ceil((end - start) / 1e6)).fill(0)
let t = prof.startTime
let busy = 0
prof.samples.forEach((id, i) => {
  const dt = prof.timeDeltas[i] ?? 0
  t += dt
  if (t < start || t >= end) return
  const node = byId.get(id)
  if (!node || node.callFrame.functionName === '(idle)') return
  busy += dt
  perSecond[Math.floor((t - start) / 1e6)]! += dt
  self.set(label(node), (self.get(label(node)) ?? 0) + dt)
  const seen = new Set<string>()
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const n = byId.get(at)
    if (!n || n.callFrame.functionName === '(root)') continue
    const key = label(n)
    if (seen.has(key)) continue
    seen.add(key)
    total.set(key, (total.get(key) ?? 0) + dt)
  }
})
const ms = (us: number): string => (us / 1000).toFixed(1).padStart(8)
console.log(
  `busy ${ms(busy)} ms of ${((end - start) / 1000).toFixed(0)} ms (${((100 * busy) / (end - start)).toFixed(2)} %)`,
)
console.log(`per second (ms): ${perSecond.map((us) => Math.round(us / 1000)).join(' ')}`)
const show = (title: string, m: Map<string, number>): void => {
  console.log(`--- ${title}`)
  for (const [k, us] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${ms(us)} ms  ${k}`)
}
show('self', self)
show('total', total)
