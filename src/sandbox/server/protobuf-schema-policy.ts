import type { FieldDef, FieldType, MessageDef } from './protobuf-schema'

// policy/v1 messages kubectl sends as protobuf: `kubectl create poddisruptionbudget` and the Eviction
// `kubectl drain` posts (k8s.io/api/policy/v1/generated.proto, meta/v1 DeleteOptions).
const f = (name: string, type: FieldType, repeated = false): FieldDef => ({
  name,
  type,
  ...(repeated ? { repeated } : {}),
})
const m = (msg: string): { msg: string } => ({ msg })

export const POLICY_MESSAGES: Record<string, MessageDef> = {
  PodDisruptionBudget: {
    1: f('metadata', m('ObjectMeta')),
    2: f('spec', m('PodDisruptionBudgetSpec')),
    3: f('status', m('Empty')),
  },
  PodDisruptionBudgetSpec: {
    1: f('minAvailable', 'intstr'),
    2: f('selector', m('LabelSelector')),
    3: f('maxUnavailable', 'intstr'),
    4: f('unhealthyPodEvictionPolicy', 'string'),
  },
  Eviction: { 1: f('metadata', m('ObjectMeta')), 2: f('deleteOptions', m('DeleteOptions')) },
  DeleteOptions: {
    1: f('gracePeriodSeconds', 'int'),
    2: f('preconditions', m('Preconditions')),
    3: f('orphanDependents', 'bool'),
    4: f('propagationPolicy', 'string'),
    5: f('dryRun', 'string', true),
  },
  Preconditions: { 1: f('uid', 'string'), 2: f('resourceVersion', 'string') },
}
