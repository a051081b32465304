// Load soak (not part of npm test): 20 views' worth of resource watches and 10 log follows on a
// 10,000-pod sandbox, with a deployment scaled up and down every 5 s, for SOAK_SECONDS (default 120).
// Samples open sockets, active handles/timers, RSS and heap every 10 s and exits 1 if any grows past its bound.
// Run: npx tsx --expose-gc test/hardening/soak.ts
import { readdirSync, readlinkSync } from 'node:fs'
import type { ResourceEvent } from '@shared/contract'
import { createActionHandlers } from '../../src/main/handlers/actions'
import { createKubeService } from '../../src/main/kube'
import { createResourceHandlers } from '../../src/main/handlers/resources'
import { kubeConfigFor } from '../support/kube'
import { startSandbox } from '@sandbox'
import { kubectlFor } from '../support/kubectl'
import { createDispatcher, type MethodHandlers, type StreamHandlers } from '../../src/main/transport/dispatch'

const SECONDS = Number(process.env.SOAK_SECONDS ?? 120)
const SAMPLE_MS = 10_000
const MB = 1024 * 1024
/** Allowed growth from the first sample after warm-up to any later one. */
const BOUNDS = { sockets: 5, handles: 25, timers: 20, heapMb: 40, rssMb: 150 }

interface Sample {
  t: number
  sockets: number
  handles: number
  timers: number
  heapMb: number
  rssMb: number
  events: number
  logLines: number
}

function socketFds(): number {
  let n = 0
  for (const fd of readdirSync('/proc/self/fd')) {
    try {
      if (readlinkSync(`/proc/self/fd/${fd}`).startsWith('socket:')) n++
    } catch {
      // Closed between listing and reading.
    }
  }
  return n
}

const gc = (globalThis as { gc?: () => void }).gc

async function main(): Promise<void> {
  const sb = await startSandbox({ name: 'soak', speed: 10 })
  sb.seedPods('load', 10_000, { phase: 'Running' })
  const kubectl = await kubectlFor(sb)
  const kc = kubeConfigFor(sb)
  const getKubeConfig = async (): Promise<typeof kc> => kc
  const kube = createKubeService({ getKubeConfig })
  const resources = createResourceHandlers(kube)
  const actions = createActionHandlers({ getKubeConfig })
  const d = createDispatcher(
    { ...resources.methods, ...actions.methods } as unknown as MethodHandlers,
    { ...resources.streams, ...actions.streams } as unknown as StreamHandlers,
  )
  for (const args of [
    ['create', 'deployment', 'logs', '--image=nginx', '--replicas=10'],
    ['create', 'deployment', 'churn', '--image=nginx', '--replicas=5'],
  ]) {
    const r = await kubectl.run(args)
    if (r.exitCode !== 0) throw new Error(r.stderr)
  }

  let events = 0
  let logLines = 0
  const stops: (() => void)[] = []
  const views: { kind: string; namespaces?: string[] }[] = [
    { kind: 'pods' },
    { kind: 'pods', namespaces: ['load'] },
    { kind: 'pods', namespaces: ['default'] },
    { kind: 'pods', namespaces: ['load', 'default'] },
    { kind: 'deployments' },
    { kind: 'deployments', namespaces: ['default'] },
    { kind: 'replicasets' },
    { kind: 'replicasets', namespaces: ['default'] },
    { kind: 'services' },
    { kind: 'configmaps' },
    { kind: 'secrets' },
    { kind: 'events' },
    { kind: 'events', namespaces: ['default'] },
    { kind: 'namespaces' },
    { kind: 'nodes' },
    { kind: 'pods' },
    { kind: 'pods', namespaces: ['load'] },
    { kind: 'deployments' },
    { kind: 'replicasets' },
    { kind: 'events' },
  ]
  const ended: string[] = []
  let stopping = false
  for (const v of views) {
    stops.push(
      d.subscribe(
        'resources.watch',
        v,
        (e) => {
          events++
          if ((e as ResourceEvent).type === 'status') console.log(`  status ${JSON.stringify(e)}`)
        },
        (err) => stopping || ended.push(`watch ${v.kind}: ${err?.message ?? 'ended'}`),
      ),
    )
  }
  // Ten pods of the "logs" deployment, followed.
  let logPods: string[] = []
  for (let i = 0; i < 100 && logPods.length < 10; i++) {
    const r = await kubectl.run(['get', 'pods', '-n', 'default', '-l', 'app=logs', '-o', 'name'])
    logPods = r.stdout
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((n) => n.slice(4))
    if (logPods.length < 10) await new Promise((res) => setTimeout(res, 200))
  }
  for (const pod of logPods) {
    stops.push(
      d.subscribe(
        'logs.stream',
        { namespace: 'default', pod, follow: true },
        (e) => (logLines += (e as { lines: string[] }).lines.length),
        (err) => stopping || ended.push(`log ${pod}: ${err?.message ?? 'ended'}`),
      ),
    )
  }
  console.log(
    `soak: ${views.length} watches, ${logPods.length} log follows, 10,000 seeded pods, ${SECONDS} s`,
  )

  let replicas = 5
  const churn = setInterval(() => {
    replicas = replicas === 5 ? 15 : 5
    void d.call('deployments.scale', { namespace: 'default', name: 'churn', replicas })
  }, 5000)

  const samples: Sample[] = []
  const started = Date.now()
  const sample = (): Sample => {
    gc?.()
    const resources = process.getActiveResourcesInfo()
    const mem = process.memoryUsage()
    return {
      t: Math.round((Date.now() - started) / 1000),
      sockets: socketFds(),
      handles: resources.length,
      timers: resources.filter((r) => r === 'Timeout').length,
      heapMb: Math.round(mem.heapUsed / MB),
      rssMb: Math.round(mem.rss / MB),
      events,
      logLines,
    }
  }
  while (Date.now() - started < SECONDS * 1000) {
    await new Promise((r) => setTimeout(r, SAMPLE_MS))
    const s = sample()
    samples.push(s)
    console.log(
      `t=${String(s.t).padStart(3)}s sockets=${s.sockets} handles=${s.handles} timers=${s.timers} ` +
        `heap=${s.heapMb}MB rss=${s.rssMb}MB events=${s.events} logLines=${s.logLines}`,
    )
  }
  clearInterval(churn)
  stopping = true
  for (const stop of stops) stop()
  await new Promise((r) => setTimeout(r, 1000))
  const after = sample()
  console.log(
    `after unsubscribing: subscriptions=${d.activeSubscriptions()} watches=${kube.activeWatches().size} ` +
      `sockets=${after.sockets} handles=${after.handles} timers=${after.timers}`,
  )

  const base = samples[1] ?? samples[0]!
  const problems: string[] = []
  for (const s of samples.slice(2)) {
    if (s.sockets > base.sockets + BOUNDS.sockets)
      problems.push(`sockets ${base.sockets}→${s.sockets} at ${s.t}s`)
    if (s.handles > base.handles + BOUNDS.handles)
      problems.push(`handles ${base.handles}→${s.handles} at ${s.t}s`)
    if (s.timers > base.timers + BOUNDS.timers) problems.push(`timers ${base.timers}→${s.timers} at ${s.t}s`)
    if (s.heapMb > base.heapMb + BOUNDS.heapMb) problems.push(`heap ${base.heapMb}→${s.heapMb} MB at ${s.t}s`)
    if (s.rssMb > base.rssMb + BOUNDS.rssMb) problems.push(`rss ${base.rssMb}→${s.rssMb} MB at ${s.t}s`)
  }
  if (d.activeSubscriptions() !== 0) problems.push(`${d.activeSubscriptions()} subscriptions left`)
  if (kube.activeWatches().size !== 0) problems.push(`${kube.activeWatches().size} watches left`)
  if (ended.length > 0) problems.push(`streams ended early: ${ended.slice(0, 5).join('; ')}`)
  if (logLines === 0 || events === 0) problems.push('no load: no events or no log lines arrived')

  kube.close()
  await kubectl.cleanup()
  await sb.stop()
  console.log(`bounds (growth from t=${base.t}s): ${JSON.stringify(BOUNDS)}`)
  console.log(problems.length ? `FAIL: ${problems.join('; ')}` : 'PASS: nothing grew past its bound')
  process.exit(problems.length ? 1 : 0)
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
