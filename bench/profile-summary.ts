// `npx tsx bench/profile-summary.ts FILE.cpuprofile [N]`: the functions with the most self time, and the
// scripts they live in, so a profile can be read without DevTools.
import { readFileSync } from 'node:fs'

interface Node {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  children?: number[]
}
const file = process.argv[2]
if (!file) throw new Error('usage: profile-summary FILE.cpuprofile [N]')
const top = Number(process.argv[3] ?? 30)
const prof = JSON.parse(readFileSync(file, 'utf8')) as {
  nodes: Node[]
  samples: number[]
  timeDeltas: number[]
}
const byId = new Map(prof.nodes.map((n) => [n.id, n]))
const self = new Map<number, number>()
prof.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (prof.timeDeltas[i] ?? 0)))
const total = [...self.values()].reduce((a, b) => a + b, 0)
const fns = new Map<string, number>()
const files = new Map<string, number>()
for (const [id, us] of self) {
  const f = byId.get(id)?.callFrame
  if (!f) continue
  const where = f.url.split('/').pop() ?? ''
  const key = `${f.functionName || '(anonymous)'}  ${where}:${f.lineNumber + 1}`
  fns.set(key, (fns.get(key) ?? 0) + us)
  files.set(where || '(native)', (files.get(where || '(native)') ?? 0) + us)
}
const show = (m: Map<string, number>, n: number): void => {
  for (const [k, us] of [...m].sort((a, b) => b[1] - a[1]).slice(0, n))
    console.log(
      `${(us / 1000).toFixed(0).padStart(7)} ms ${((100 * us) / total).toFixed(1).padStart(5)}%  ${k}`,
    )
}
console.log(`total ${(total / 1000).toFixed(0)} ms sampled`)
show(fns, top)
console.log('--- by script')
show(files, 10)
