// Scale rules shared by the contract's schema and the UI; free of zod so the first paint need not load it.

/** Scaling above this many replicas needs `confirm: true` (a typo guard, not a cluster limit). */
export const SCALE_CONFIRM_ABOVE = 100
/** The scale subresource refuses nothing below this, but a desktop sandbox has no use for more. */
export const SCALE_MAX = 10_000

export const scalableKinds = ['deployments', 'replicasets', 'statefulsets'] as const
export type ScalableKind = (typeof scalableKinds)[number]

/** Why a replica count is refused, or undefined when it may be sent. Shared by the schema and the UI. */
export function replicaProblem(replicas: number, confirmed = false): string | undefined {
  if (!Number.isFinite(replicas) || !Number.isInteger(replicas)) return 'Replicas must be a whole number.'
  if (replicas < 0) return 'Replicas cannot be negative.'
  if (replicas > SCALE_MAX) return `Replicas cannot be more than ${SCALE_MAX}.`
  if (replicas > SCALE_CONFIRM_ABOVE && !confirmed) {
    return `Scaling above ${SCALE_CONFIRM_ABOVE} replicas needs a confirmation.`
  }
  return undefined
}
