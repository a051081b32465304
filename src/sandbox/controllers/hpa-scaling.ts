import type { Condition } from '../types'
import { isRecord } from '../types'

// How the HPA turns a proposed replica count into the one it writes (normalizeDesiredReplicasWithBehaviors):
// stabilization over recent recommendations, the min/max range, then the behavior's rate limits, with the
// ScalingLimited condition that says which bound applied.
const DEFAULT_UP: Rules = {
  stabilizationWindowSeconds: 0,
  selectPolicy: 'Max',
  policies: [
    { type: 'Pods', value: 4, periodSeconds: 15 },
    { type: 'Percent', value: 100, periodSeconds: 15 },
  ],
}
const DEFAULT_DOWN: Rules = {
  stabilizationWindowSeconds: 300,
  selectPolicy: 'Max',
  policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }],
}

interface Rules {
  stabilizationWindowSeconds?: number
  selectPolicy?: string
  policies?: Array<{ type: string; value: number; periodSeconds: number }>
}

export interface Recommendation {
  at: number
  replicas: number
}

export function cond(type: string, ok: boolean, reason: string, message: string, at: string): Condition {
  return { type, status: ok ? 'True' : 'False', lastTransitionTime: at, reason, message }
}

/** Keeps a condition's lastTransitionTime while its status stays the same. */
export function mergeConditions(prev: unknown, next: Condition[]): Condition[] {
  const old = Array.isArray(prev) ? (prev as Condition[]) : []
  return next.map((c) => {
    const was = old.find((o) => o.type === c.type)
    return was && was.status === c.status ? { ...c, lastTransitionTime: was.lastTransitionTime } : c
  })
}

// The furthest one period's policies let the count move from `current` (the sandbox acts once a period).
function limitFor(rules: Rules, current: number, up: boolean): number {
  if (rules.selectPolicy === 'Disabled') return current
  const limits = (rules.policies ?? []).map((p) =>
    up
      ? p.type === 'Pods'
        ? current + p.value
        : Math.ceil(current * (1 + p.value / 100))
      : p.type === 'Pods'
        ? current - p.value
        : Math.floor(current * (1 - p.value / 100)),
  )
  if (limits.length === 0) return up ? Infinity : 0
  const pickMax = (rules.selectPolicy ?? 'Max') === 'Max'
  return up === pickMax ? Math.max(...limits) : Math.min(...limits)
}

export interface ScaleDecision {
  desired: number
  stabilized: boolean
  limited: Condition
}

export function decideReplicas(input: {
  recs: Recommendation[] // including this period's proposal
  proposed: number
  current: number
  min: number
  max: number
  behavior: unknown
  now: number
  at: string
}): ScaleDecision {
  const { recs, proposed, current, min, max, now, at } = input
  const behavior = isRecord(input.behavior) ? input.behavior : {}
  const up = (isRecord(behavior.scaleUp) ? behavior.scaleUp : DEFAULT_UP) as Rules
  const down = (isRecord(behavior.scaleDown) ? behavior.scaleDown : DEFAULT_DOWN) as Rules
  const within = (seconds: number): number[] =>
    recs.filter((r) => now - r.at <= seconds * 1000).map((r) => r.replicas)
  let desired = current
  const upRec = Math.min(...within(up.stabilizationWindowSeconds ?? 0))
  const downRec = Math.max(...within(down.stabilizationWindowSeconds ?? 300))
  if (desired < upRec) desired = upRec
  if (desired > downRec) desired = downRec
  const stabilized = desired !== proposed
  const limit = (reason: string, message: string): Condition =>
    cond('ScalingLimited', true, reason, message, at)
  let limited = cond(
    'ScalingLimited',
    false,
    'DesiredWithinRange',
    'the desired count is within the acceptable range',
    at,
  )
  if (desired > max) {
    desired = max
    limited = limit('TooManyReplicas', 'the desired replica count is more than the maximum replica count')
  } else if (desired < min) {
    desired = min
    limited = limit('TooFewReplicas', 'the desired replica count is less than the minimum replica count')
  }
  if (desired > current && desired > limitFor(up, current, true)) {
    desired = limitFor(up, current, true)
    limited = limit(
      'ScaleUpLimit',
      'the desired replica count is increasing faster than the maximum scale rate',
    )
  } else if (desired < current && desired < limitFor(down, current, false)) {
    desired = limitFor(down, current, false)
    limited = limit(
      'ScaleDownLimit',
      'the desired replica count is decreasing faster than the maximum scale rate',
    )
  }
  return { desired, stabilized, limited }
}
