import { deepEqual } from '../api/deep-equal'
import { RESOURCES } from '../api/resources'
import { matchesLabels, selectorFromSpec } from '../api/selectors'
import type { TrafficMeter } from '../metrics/traffic'
import type { KObj, LabelSelectorSpec, Pod } from '../types'
import { isRecord } from '../types'
import type { MetricResult } from './hpa-metrics'
import { MetricError, formatQuantity, resourceRecommendation } from './hpa-metrics'
import type { Sync } from './index'
import type { Recommendation } from './hpa-scaling'
import { cond, decideReplicas, mergeConditions } from './hpa-scaling'

// The HorizontalPodAutoscaler controller (pkg/controller/podautoscaler): every 15 s of sandbox time it
// reads the target's pods' simulated usage, computes the replica count each metric asks for, stabilizes
// it (scale-down waits out the window, 300 s by default), rate-limits it by the behavior's policies and
// writes the target's replicas, with the controller's events, conditions and status.
const PERIOD_MS = 15_000
const COMPONENT = 'horizontal-pod-autoscaler'
type Recommendations = Map<string, Recommendation[]>

function targetOf(sync: Sync, hpa: KObj): { def: (typeof RESOURCES)[number]; obj: KObj } | undefined {
  const ref = isRecord(hpa.spec) && isRecord(hpa.spec.scaleTargetRef) ? hpa.spec.scaleTargetRef : {}
  const def = RESOURCES.find((r) => r.kind === ref.kind && r.subresources.some((s) => s.name === 'scale'))
  const obj = def ? sync.api.store.get(def, hpa.metadata.namespace ?? '', String(ref.name))?.obj : undefined
  return def && obj ? { def, obj } : undefined
}

export function createHpaController(sync: Sync, traffic: TrafficMeter): (ns: string, name: string) => void {
  const history: Recommendations = new Map()
  return (ns, name) => {
    const hpaDef = RESOURCES.find((r) => r.kind === 'HorizontalPodAutoscaler')
    const key = `HorizontalPodAutoscaler|${ns}|${name}`
    const entry = hpaDef ? sync.api.store.get(hpaDef, ns, name) : undefined
    if (!hpaDef || !entry || entry.obj.metadata.deletionTimestamp) {
      history.delete(key)
      return
    }
    sync.after(key, PERIOD_MS)
    const hpa = entry.obj
    const spec = (isRecord(hpa.spec) ? hpa.spec : {}) as Record<string, unknown>
    const status = isRecord(hpa.status) ? hpa.status : {}
    const at = sync.api.timestamp()
    const now = sync.clock.now()
    const ref = isRecord(spec.scaleTargetRef) ? spec.scaleTargetRef : {}
    const next: Record<string, unknown> = {
      ...structuredClone(status),
      observedGeneration: hpa.metadata.generation ?? 1,
    }
    const target = targetOf(sync, hpa)
    if (!target) {
      const message = `the HPA controller was unable to get the target's current scale: ${String(ref.kind).toLowerCase()}s.apps "${String(ref.name)}" not found`
      sync.events.record(
        hpa,
        'Warning',
        'FailedGetScale',
        `${String(ref.kind).toLowerCase()}s.apps "${String(ref.name)}" not found`,
        COMPONENT,
      )
      next.conditions = mergeConditions(status.conditions, [
        cond('AbleToScale', false, 'FailedGetScale', message, at),
      ])
      return write(sync, hpaDef, hpa, next)
    }
    const targetSpec = isRecord(target.obj.spec) ? target.obj.spec : {}
    const current = typeof targetSpec.replicas === 'number' ? targetSpec.replicas : 1
    const min = typeof spec.minReplicas === 'number' ? spec.minReplicas : 1
    const max = Number(spec.maxReplicas ?? 1)
    const selector = selectorFromSpec(targetSpec.selector as LabelSelectorSpec | undefined)
    const pods = sync.api.store
      .list(RESOURCES.find((r) => r.kind === 'Pod') ?? hpaDef, ns)
      .map((e) => e.obj as Pod)
      .filter((p) => matchesLabels(selector, p.metadata.labels))
    next.currentReplicas = current

    const metrics = (Array.isArray(spec.metrics) ? spec.metrics : []).filter(isRecord)
    const results: MetricResult[] = []
    try {
      for (const m of metrics) {
        if (m.type !== 'Resource') throw new MetricError(`the sandbox has no ${String(m.type)} metrics`)
        results.push(resourceRecommendation(m, pods, current, traffic, now))
      }
    } catch (err) {
      if (!(err instanceof MetricError)) throw err
      sync.events.record(hpa, 'Warning', 'FailedGetResourceMetric', err.message, COMPONENT)
      sync.events.record(
        hpa,
        'Warning',
        'FailedComputeMetricsReplicas',
        `invalid metrics (1 invalid out of ${metrics.length}), first error is: ${err.message}`,
        COMPONENT,
      )
      next.desiredReplicas = current
      delete next.currentMetrics
      next.conditions = mergeConditions(status.conditions, [
        cond(
          'AbleToScale',
          true,
          'SucceededGetScale',
          "the HPA controller was able to get the target's current scale",
          at,
        ),
        cond(
          'ScalingActive',
          false,
          'FailedGetResourceMetric',
          `the HPA was unable to compute the replica count: ${err.message}`,
          at,
        ),
      ])
      return write(sync, hpaDef, hpa, next)
    }

    // the largest recommendation wins, then stabilization, the min/max range and the rate limits
    const proposed = Math.max(...results.map((r) => r.replicas), 0)
    const recs = (history.get(key) ?? []).filter((r) => now - r.at <= 3_600_000)
    recs.push({ at: now, replicas: proposed })
    history.set(key, recs)
    const { desired, stabilized, limited } = decideReplicas({
      recs,
      proposed,
      current,
      min,
      max,
      behavior: spec.behavior,
      now,
      at,
    })

    let able =
      stabilized && desired === current && proposed < current
        ? cond(
            'AbleToScale',
            true,
            'ScaleDownStabilized',
            'recent recommendations were higher than current one, applying the highest recent recommendation',
            at,
          )
        : cond('AbleToScale', true, 'ReadyForNewScale', 'recommended size matches current size', at)
    if (desired !== current) {
      const next2 = structuredClone(target.obj)
      ;(next2.spec as Record<string, unknown>).replicas = desired
      sync.api.update(target.def, ns, target.obj.metadata.name, next2, { internal: true })
      const first = results[0]
      const reason =
        desired > current
          ? `${first?.resource ?? 'cpu'} resource${first?.utilization !== undefined ? ' utilization (percentage of request)' : ''} above target`
          : 'All metrics below target'
      sync.events.record(
        hpa,
        'Normal',
        'SuccessfulRescale',
        `New size: ${desired}; reason: ${reason}`,
        COMPONENT,
      )
      next.lastScaleTime = at
      able = cond(
        'AbleToScale',
        true,
        'SucceededRescale',
        `the HPA controller was able to update the target scale to ${desired}`,
        at,
      )
    }
    next.desiredReplicas = desired
    next.currentMetrics = results.map((r) => ({
      type: 'Resource',
      resource: {
        name: r.resource,
        current: {
          averageValue: formatQuantity(r.resource, r.averageValue),
          ...(r.utilization !== undefined ? { averageUtilization: r.utilization } : {}),
        },
      },
    }))
    const first = results[0]
    next.conditions = mergeConditions(status.conditions, [
      able,
      cond(
        'ScalingActive',
        true,
        'ValidMetricFound',
        `the HPA was able to successfully calculate a replica count from ${first?.resource ?? 'cpu'} resource${first?.utilization !== undefined ? ' utilization (percentage of request)' : ''}`,
        at,
      ),
      limited,
    ])
    write(sync, hpaDef, hpa, next)
  }
}

function write(
  sync: Sync,
  def: (typeof RESOURCES)[number],
  hpa: KObj,
  status: Record<string, unknown>,
): void {
  if (deepEqual(status, hpa.status)) return
  sync.api.update(
    def,
    hpa.metadata.namespace ?? '',
    hpa.metadata.name,
    { ...structuredClone(hpa), status },
    {
      internal: true,
      subresource: 'status',
    },
  )
}
