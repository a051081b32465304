import type { ServerResponse } from 'node:http'
import type { ObjectApi } from '../api/objects'
import type { ResourceDef } from '../api/resources'
import { resourceByKind } from '../api/resources'
import { matchesLabels, parseLabelSelector } from '../api/selectors'
import { methodNotAllowed, notFound } from '../api/status'
import type { KObj, Pod } from '../types'
import type { TrafficMeter } from './traffic'
import type { Usage } from './usage'
import { containerUsage, replicaCounter } from './usage'

// metrics.k8s.io/v1beta1 as metrics-server serves it: PodMetrics for running pods, NodeMetrics per node,
// computed on request from the pods the sandbox runs (nothing stored, nothing to watch).
export const METRICS_GROUP = 'metrics.k8s.io'
const WINDOW = '15s'
// what the node's own daemons (kubelet, runtime, system pods) use on top of the pods
const NODE_OVERHEAD: Usage = { cpuNanos: 85e6, memoryBytes: 720 * 1024 * 1024 }

function quantities(u: Usage): { cpu: string; memory: string } {
  return { cpu: `${u.cpuNanos}n`, memory: `${Math.round(u.memoryBytes / 1024)}Ki` }
}

function running(pod: Pod): boolean {
  return pod.status.phase === 'Running' && !pod.metadata.deletionTimestamp
}

interface PodUsage {
  pod: Pod
  containers: Array<{ name: string; usage: Usage }>
}

function podUsages(api: ObjectApi, traffic: TrafficMeter): PodUsage[] {
  const now = api.clock.now()
  const pods = api.store
    .list(resourceByKind('Pod'))
    .map((e) => e.obj as Pod)
    .filter(running)
  const replicas = replicaCounter(pods)
  return pods.map((pod) => ({
    pod,
    containers: pod.spec.containers
      .filter((c) => pod.status.containerStatuses?.find((s) => s.name === c.name)?.state.running)
      .map((c) => ({ name: c.name, usage: containerUsage(pod, c, replicas(pod), traffic, now) })),
  }))
}

function stamp(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z')
}

function podMetrics(p: PodUsage, now: number): KObj {
  const { name, namespace, labels } = p.pod.metadata
  return {
    kind: 'PodMetrics',
    apiVersion: `${METRICS_GROUP}/v1beta1`,
    metadata: {
      name,
      namespace,
      creationTimestamp: stamp(now),
      ...(labels ? { labels } : {}),
    } as KObj['metadata'],
    timestamp: stamp(now - 5000),
    window: WINDOW,
    containers: p.containers.map((c) => ({ name: c.name, usage: quantities(c.usage) })),
  }
}

function nodeMetrics(node: KObj, usages: PodUsage[], now: number): KObj {
  const total = { ...NODE_OVERHEAD }
  for (const p of usages) {
    if (p.pod.spec.nodeName !== node.metadata.name) continue
    for (const c of p.containers) {
      total.cpuNanos += c.usage.cpuNanos
      total.memoryBytes += c.usage.memoryBytes
    }
  }
  const { name, labels } = node.metadata
  return {
    kind: 'NodeMetrics',
    apiVersion: `${METRICS_GROUP}/v1beta1`,
    metadata: { name, creationTimestamp: stamp(now), ...(labels ? { labels } : {}) } as KObj['metadata'],
    timestamp: stamp(now - 5000),
    window: WINDOW,
    usage: quantities(total),
  }
}

export function serveMetrics(
  api: ObjectApi,
  traffic: TrafficMeter,
  res: ServerResponse,
  method: string,
  r: ResourceDef,
  namespace: string,
  name: string | undefined,
  query: URLSearchParams,
): void {
  if (method !== 'GET') throw methodNotAllowed()
  const now = api.clock.now()
  const selector = parseLabelSelector(query.get('labelSelector') ?? '')
  const usages = podUsages(api, traffic)
  let items: KObj[]
  if (r.kind === 'PodMetrics') {
    items = usages
      .filter((p) => !namespace || p.pod.metadata.namespace === namespace)
      .map((p) => podMetrics(p, now))
  } else {
    items = api.store.list(resourceByKind('Node')).map((e) => nodeMetrics(e.obj, usages, now))
  }
  if (name !== undefined) {
    const found = items.find((i) => i.metadata.name === name)
    // metrics-server names the kind (podmetrics) and, for pods, namespace/name
    const id = r.namespaced ? `${namespace}/${name}` : name
    if (!found) throw notFound({ ...r, plural: r.kind.toLowerCase() }, id)
    return send(res, found)
  }
  items = items.filter((i) => matchesLabels(selector, i.metadata.labels ?? {}))
  send(res, { kind: `${r.kind}List`, apiVersion: `${METRICS_GROUP}/v1beta1`, metadata: {}, items })
}

function send(res: ServerResponse, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(200, {
    'Content-Type': 'application/json',
    'Cache-Control': 'no-cache, private',
    'Content-Length': Buffer.byteLength(text),
  })
  res.end(text)
}
