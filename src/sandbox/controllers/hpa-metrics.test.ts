import { describe, expect, it } from 'vitest'
import { TrafficMeter } from '../metrics/traffic'
import type { Pod } from '../types'
import { MetricError, quantityValue, resourceRecommendation } from './hpa-metrics'

// The HPA's replica calculator on simulated usage: utilization and average-value targets, the 10 %
// tolerance, and the error when a container has no request to compare against.
const NOW = Date.parse('2026-03-01T10:00:00Z')

function pods(n: number, load: string, requests?: Record<string, string>): Pod[] {
  return Array.from({ length: n }, (_, i) => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `web-${i}`,
      uid: `uid-${i}`,
      resourceVersion: '1',
      creationTimestamp: '',
      annotations: { 'sandbox.skiff.dev/load': load },
      ownerReferences: [
        { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: 'rs', controller: true },
      ],
    },
    spec: { containers: [{ name: 'app', image: 'nginx:1.27', resources: requests ? { requests } : {} }] },
    status: { phase: 'Running' },
  })) as unknown as Pod[]
}

const cpu = (averageUtilization: number): Record<string, unknown> => ({
  type: 'Resource',
  resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization } },
})

describe('resource metrics', () => {
  it('asks for replicas in proportion to CPU utilization, within the tolerance', () => {
    const busy = resourceRecommendation(cpu(50), pods(2, '400m', { cpu: '100m' }), 2, new TrafficMeter(), NOW)
    expect(busy.utilization).toBeGreaterThanOrEqual(200)
    expect(busy.replicas).toBe(Math.ceil(((busy.utilization ?? 0) / 50) * 2))
    const near = resourceRecommendation(cpu(95), pods(2, '180m', { cpu: '100m' }), 2, new TrafficMeter(), NOW)
    expect(near.replicas).toBe(2)
  })

  it('compares average memory with an AverageValue target', () => {
    const metric = {
      type: 'Resource',
      resource: { name: 'memory', target: { type: 'AverageValue', averageValue: '1Mi' } },
    }
    const r = resourceRecommendation(metric, pods(3, '0m'), 3, new TrafficMeter(), NOW)
    expect(r.averageValue).toBeGreaterThan(2 ** 20)
    expect(r.replicas).toBeGreaterThan(3)
    expect(quantityValue('memory', '64Mi')).toBe(64 * 2 ** 20)
    expect(quantityValue('cpu', '1.5')).toBe(1500)
  })

  it('cannot compute utilization without requests', () => {
    expect(() => resourceRecommendation(cpu(50), pods(1, '0m'), 1, new TrafficMeter(), NOW)).toThrow(
      new MetricError('failed to get cpu utilization: missing request for cpu in container app of Pod web-0'),
    )
  })
})
