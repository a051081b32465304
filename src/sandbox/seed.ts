import { randomUUID } from 'node:crypto'
import { applyDefaults } from './api/defaults'
import { rfc3339 } from './api/names'
import type { ObjectApi } from './api/objects'
import { resourceByKind } from './api/resources'
import { initialStatus } from './controllers/container-state'
import { computePodStatus, condition } from './controllers/pod-status'
import type { KObj, Pod } from './types'

const IP_MARK = '\u0000pod-ip\u0000'

// Bulk-creates bare pods straight into the store (tests and benchmarks). Specs and container statuses
// are shared between pods, which is safe because stored objects are never mutated.
export function seedPods(
  api: ObjectApi,
  namespace: string,
  count: number,
  opts: { phase?: 'Running' | 'Pending'; labels?: Record<string, string> },
  nodes: string[],
): void {
  const podDef = resourceByKind('Pod')
  const nsDef = resourceByKind('Namespace')
  if (!api.store.get(nsDef, '', namespace)) api.create(nsDef, '', { metadata: { name: namespace } })
  const now = api.clock.now()
  const created = rfc3339(now)
  const started = rfc3339(now - 60_000)
  const pending = opts.phase === 'Pending'
  const labels = { app: 'seed', ...opts.labels }
  const container = { name: 'app', image: 'nginx:1.27' }
  // Pending seeds name a scheduler that does not exist, so they stay Pending like unschedulable pods.
  const specs = nodes.map((node) => {
    const shell: Record<string, unknown> = {
      apiVersion: 'v1',
      kind: 'Pod',
      spec: pending
        ? { schedulerName: 'sandbox-none', containers: [container] }
        : { nodeName: node, containers: [container] },
    }
    applyDefaults('Pod', shell)
    return shell.spec as Pod['spec']
  })
  const statusTemplates = nodes.map((node, n): Pod['status'] => {
    if (pending) return { phase: 'Pending', qosClass: 'BestEffort' }
    const bound = {
      metadata: { name: 'seed', uid: '' },
      spec: specs[n],
      status: {
        phase: 'Pending',
        qosClass: 'BestEffort',
        hostIP: `172.18.0.${n + 2}`,
        startTime: started,
        conditions: [condition('PodScheduled', true, started)],
        containerStatuses: [initialStatus(container)],
      },
    } as unknown as Pod
    return computePodStatus(bound, now, rfc3339(now - 50_000), () => '').status
  })
  // Each pod's JSON is its own metadata and IP around pieces shared by every pod on its node (the spec and
  // all of the status but the IPs): the store holds ~300 bytes per seeded pod instead of ~2 KB.
  const shared = nodes.map((_, n) => {
    const template = statusTemplates[n] ?? {}
    const status = pending ? template : { ...template, podIP: IP_MARK, podIPs: [{ ip: IP_MARK }] }
    const around = `,"spec":${JSON.stringify(specs[n])},"status":${JSON.stringify(status)}}`
    return around.split(JSON.stringify(IP_MARK)).map((piece) => Buffer.from(piece))
  })
  const base = api.store.count(podDef)
  for (let i = 0; i < count; i++) {
    const n = i % nodes.length
    const k = base + i
    const template = statusTemplates[n] ?? {}
    const ip = `10.245.${Math.floor(k / 250) % 256}.${(k % 250) + 2}`
    const pod: KObj = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: `seed-${k}`,
        namespace,
        uid: randomUUID(),
        resourceVersion: '',
        creationTimestamp: created,
        labels,
      },
      spec: specs[n],
      status: pending ? template : { ...template, podIP: ip, podIPs: [{ ip }] },
    }
    const pieces = shared[n]
    // Encoded now, so the first LIST does not pay for 10k serializations.
    const encode = pieces
      ? (stamped: KObj): Buffer[] => {
          const meta = JSON.stringify(stamped.metadata)
          const head = Buffer.from(`{"apiVersion":"v1","kind":"Pod","metadata":${meta}`)
          const ipJson = Buffer.from(JSON.stringify(ip))
          return pieces.flatMap((piece, i) => (i === 0 ? [head, piece] : [ipJson, piece]))
        }
      : undefined
    void api.store.put(podDef, pod, encode).size
  }
}
