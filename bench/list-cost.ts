// `npx tsx bench/list-cost.ts [pods] [pageSize]`: where the backend's first list of a namespace's pods goes.
// The sandbox runs in a child process (so its serving is not on this thread), and this process pages through
// the list a few ways, each adding one step: bytes only, + JSON.parse, + row projection, and Skiff's own
// watch (list + projection + row stream). Medians of 3 runs. For docs/performance.md's "what dominates".
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import https from 'node:https'
import { fileURLToPath } from 'node:url'
import { KubeConfig } from '@kubernetes/client-node'
import { startSandbox } from '@sandbox'
import { createListDecoder } from '../src/main/kube/list-decoder'
import { kubeListWatchSourceAt } from '../src/main/kube/list-watch-source'
import { projectors } from '../src/main/kube/rows'
import type { WireObject } from '../src/main/kube/rows'

const NS = 'bench'

if (process.argv[2] === 'serve') {
  const sandbox = await startSandbox({ name: 'cost', nodes: 3, speed: 1 })
  sandbox.seedPods(NS, Number(process.argv[3]))
  process.stdout.write(
    JSON.stringify({ url: sandbox.url, token: sandbox.token, caData: sandbox.caData, port: sandbox.port }) +
      '\n',
  )
  process.stdin.resume()
  process.stdin.on('end', () => void sandbox.stop().then(() => process.exit(0)))
} else {
  const pods = Number(process.argv[2] ?? 50_000)
  const pageSize = Number(process.argv[3] ?? 500)
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), 'serve', String(pods)],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  )
  const info = await new Promise<{ url: string; token: string; caData: string; port: number }>((resolve) => {
    let out = ''
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString()
      if (out.includes('\n')) resolve(JSON.parse(out.split('\n')[0]!))
    })
  })
  const ca = Buffer.from(info.caData, 'base64').toString('utf8')
  const agent = new https.Agent({ keepAlive: true, maxSockets: 4, ca })
  const get = (path: string): Promise<Buffer> =>
    new Promise((resolve, reject) => {
      const req = https.request(
        {
          host: '127.0.0.1',
          port: info.port,
          path,
          agent,
          headers: { Authorization: `Bearer ${info.token}`, Accept: 'application/json' },
        },
        (res) => {
          const chunks: Buffer[] = []
          res.on('data', (c: Buffer) => chunks.push(c))
          res.on('end', () => resolve(Buffer.concat(chunks)))
        },
      )
      req.on('error', reject)
      req.end()
    })
  const continueOf = (head: string): string | undefined => /"continue":"([^"]+)"/.exec(head)?.[1]
  type Step = 'bytes' | 'text' | 'parse' | 'project' | 'skiff' | 'worker'
  const inlineDecoder = createListDecoder({ worker: false })
  const workerDecoder = createListDecoder({ worker: true })
  const kc = new KubeConfig()
  kc.loadFromOptions({
    clusters: [{ name: 'c', server: info.url, caData: info.caData }],
    users: [{ name: 'u', token: info.token }],
    contexts: [{ name: 'x', cluster: 'c', user: 'u' }],
    currentContext: 'x',
  })
  // CPU time says more than wall time on a shared box: what each side spent, whoever else ran.
  // This process's main thread alone (a worker's time is in `client CPU` but not here).
  const mainCpu = (): number => {
    const f = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100
  }
  const childCpu = (): number => {
    const f = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100
  }
  async function pageThrough(
    step: Step,
  ): Promise<{ ms: number; cpu: number; main: number; sandboxCpu: number; bytes: number; items: number }> {
    const t0 = performance.now()
    const m0 = mainCpu()
    const c0 = process.cpuUsage()
    const s0 = childCpu()
    let cont: string | undefined
    let bytes = 0
    let items = 0
    if (step === 'skiff' || step === 'worker') {
      // Skiff's own list source (keep-alive, pages fetched one ahead, decoded into rows), the pages decoded
      // on this thread ('skiff') or on the list decoder's worker ('worker').
      const source = kubeListWatchSourceAt(kc, `/api/v1/namespaces/${NS}/pods`, {
        rowsOf: 'pods',
        decoder: step === 'worker' ? workerDecoder : inlineDecoder,
      })
      const abort = new AbortController()
      do {
        const page = await source.listPage({ limit: pageSize, continue: cont }, abort.signal)
        cont = page.continue
        items += page.rows?.length ?? 0
      } while (cont)
      source.close?.()
    } else
      do {
        const q = `limit=${pageSize}${cont ? `&continue=${cont}` : ''}`
        const buf = await get(`/api/v1/namespaces/${NS}/pods?${q}`)
        bytes += buf.length
        cont = continueOf(buf.subarray(0, 600).toString('latin1'))
        if (step === 'bytes') continue
        const text = buf.toString('utf8')
        if (step === 'text') continue
        const list = JSON.parse(text) as { items: WireObject[] }
        items += list.items.length
        if (step === 'project') for (const o of list.items) projectors.pods(o)
      } while (cont)
    const c = process.cpuUsage(c0)
    return {
      ms: performance.now() - t0,
      cpu: (c.user + c.system) / 1000,
      main: mainCpu() - m0,
      sandboxCpu: childCpu() - s0,
      bytes,
      items,
    }
  }
  const median = (xs: number[]): number => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
  await pageThrough('parse') // warm up
  const steps = (process.argv[4]?.split(',') ?? [
    'bytes',
    'text',
    'parse',
    'project',
    'skiff',
    'worker',
  ]) as Step[]
  for (const step of steps) {
    const ms: number[] = []
    const cpu: number[] = []
    const main: number[] = []
    const sb: number[] = []
    let bytes = 0
    for (let i = 0; i < 3; i++) {
      const r = await pageThrough(step)
      ms.push(r.ms)
      cpu.push(r.cpu)
      main.push(r.main)
      sb.push(r.sandboxCpu)
      bytes = r.bytes
    }
    console.log(
      `${pods} pods, limit ${pageSize}, up to ${step}: wall ${Math.round(median(ms))} ms, client CPU ` +
        `${Math.round(median(cpu))} ms (main thread ${Math.round(median(main))} ms), sandbox CPU ${Math.round(median(sb))} ms; ${(bytes / 1e6).toFixed(1)} MB`,
    )
  }
  agent.destroy()
  await workerDecoder.close()
  child.stdin.end()
}
