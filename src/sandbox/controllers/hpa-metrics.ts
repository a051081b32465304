import type { TrafficMeter } from '../metrics/traffic'
import { containerUsage, cpuMillis, replicaCounter } from '../metrics/usage'
import type { Pod } from '../types'
import { isRecord } from '../types'

// What the HPA controller's replica calculator makes of resource metrics (cpu, memory) for a set of pods:
// the usage metrics.k8s.io would report, against the containers' requests.
const TOLERANCE = 0.1
const UNITS: Record<string, number> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  m: 1e-3,
  '': 1,
}

/** A quantity in the metric's own unit: millicores for cpu, bytes for memory. */
export function quantityValue(resource: string, text: unknown): number {
  if (typeof text === 'number') return resource === 'cpu' ? text * 1000 : text
  if (typeof text !== 'string') return 0
  if (resource === 'cpu') return cpuMillis(text)
  const m = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|Ti|k|M|G|T|m|)$/.exec(text.trim())
  return m ? Number(m[1]) * (UNITS[m[2] ?? ''] ?? 1) : 0
}

export function formatQuantity(resource: string, value: number): string {
  if (resource === 'cpu') return `${Math.round(value)}m`
  return value >= 2 ** 20 ? `${Math.round(value / 2 ** 20)}Mi` : `${Math.round(value / 2 ** 10)}Ki`
}

export interface MetricResult {
  resource: string
  replicas: number
  averageValue: number
  utilization?: number
}

export class MetricError extends Error {}

/** The replica count one Resource metric asks for, or a MetricError in the controller's words. */
export function resourceRecommendation(
  metric: Record<string, unknown>,
  pods: Pod[],
  current: number,
  traffic: TrafficMeter,
  now: number,
): MetricResult {
  const source = isRecord(metric.resource) ? metric.resource : {}
  const resource = String(source.name ?? 'cpu')
  const target = isRecord(source.target) ? source.target : {}
  const running = pods.filter((p) => p.status.phase === 'Running' && !p.metadata.deletionTimestamp)
  if (running.length === 0)
    throw new MetricError(
      `failed to get ${resource} utilization: did not receive metrics for targeted pods (pods might be unready)`,
    )
  const replicas = replicaCounter(running)
  let usage = 0
  let requests = 0
  for (const pod of running) {
    for (const c of pod.spec.containers) {
      const u = containerUsage(pod, c, replicas(pod), traffic, now)
      usage += resource === 'cpu' ? u.cpuNanos / 1e6 : u.memoryBytes
      const req =
        isRecord(c.resources) && isRecord(c.resources.requests) ? c.resources.requests[resource] : undefined
      if (req === undefined && target.type === 'Utilization')
        throw new MetricError(
          `failed to get ${resource} utilization: missing request for ${resource} in container ${c.name} of Pod ${pod.metadata.name}`,
        )
      requests += quantityValue(resource, req)
    }
  }
  const averageValue = usage / running.length
  if (target.type === 'Utilization') {
    const utilization = Math.round((usage * 100) / requests)
    const ratio = utilization / Number(target.averageUtilization ?? 80)
    const replicasWanted = Math.abs(ratio - 1) <= TOLERANCE ? current : Math.ceil(ratio * running.length)
    return { resource, replicas: replicasWanted, averageValue, utilization }
  }
  const ratio = averageValue / Math.max(1e-9, quantityValue(resource, target.averageValue))
  const replicasWanted = Math.abs(ratio - 1) <= TOLERANCE ? current : Math.ceil(ratio * running.length)
  return { resource, replicas: replicasWanted, averageValue }
}
