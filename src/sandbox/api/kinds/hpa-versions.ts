import type { KObj } from '../../types'
import { isRecord } from '../../types'
import type { ResourceDef } from '../resources'

// autoscaling/v1 is a view of the stored autoscaling/v2 HorizontalPodAutoscaler (kubectl 1.32's
// `kubectl autoscale` posts v1): the CPU utilization target and current value map to and from the v2
// cpu Resource metric; v1 has no place for other metrics, behavior or conditions.
export const HPA_V1: ResourceDef = {
  plural: 'horizontalpodautoscalers',
  singular: 'horizontalpodautoscaler',
  kind: 'HorizontalPodAutoscaler',
  group: 'autoscaling',
  version: 'v1',
  namespaced: true,
  shortNames: ['hpa'],
  categories: ['all'],
  verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
  subresources: [{ name: 'status', kind: 'HorizontalPodAutoscaler', verbs: ['get', 'patch', 'update'] }],
  fieldLabels: [],
}

export function isHpaV1(r: ResourceDef): boolean {
  return r.kind === 'HorizontalPodAutoscaler' && r.group === 'autoscaling' && r.version === 'v1'
}

function rec(v: unknown): Record<string, unknown> {
  return isRecord(v) ? v : {}
}

function cpuMetric(list: unknown): Record<string, unknown> | undefined {
  return (Array.isArray(list) ? list : [])
    .filter(isRecord)
    .map((m) => rec(m.resource))
    .find((r) => r.name === 'cpu')
}

export function hpaToV1(obj: KObj): KObj {
  if (obj.apiVersion === 'autoscaling/v1') return obj
  const spec = rec(obj.spec)
  const status = rec(obj.status)
  const target = rec(cpuMetric(spec.metrics)?.target).averageUtilization
  const current = rec(cpuMetric(status.currentMetrics)?.current).averageUtilization
  const { metrics: _m, behavior: _b, ...baseSpec } = spec
  const { currentMetrics: _c, conditions: _k, ...baseStatus } = status
  return {
    ...obj,
    apiVersion: 'autoscaling/v1',
    spec: { ...baseSpec, ...(typeof target === 'number' ? { targetCPUUtilizationPercentage: target } : {}) },
    status: {
      ...baseStatus,
      ...(typeof current === 'number' ? { currentCPUUtilizationPercentage: current } : {}),
    },
  }
}

export function hpaFromV1(body: unknown): unknown {
  if (!isRecord(body)) return body
  const spec = rec(body.spec)
  const { targetCPUUtilizationPercentage: target, ...baseSpec } = spec
  const status = rec(body.status)
  const { currentCPUUtilizationPercentage: current, ...baseStatus } = status
  const cpu = (kind: 'target' | 'current', value: unknown): unknown[] =>
    typeof value === 'number'
      ? [
          {
            type: 'Resource',
            resource: {
              name: 'cpu',
              [kind]:
                kind === 'target'
                  ? { type: 'Utilization', averageUtilization: value }
                  : { averageUtilization: value },
            },
          },
        ]
      : []
  return {
    ...body,
    apiVersion: 'autoscaling/v2',
    spec: { ...baseSpec, metrics: cpu('target', target) },
    ...(isRecord(body.status) ? { status: { ...baseStatus, currentMetrics: cpu('current', current) } } : {}),
  }
}
