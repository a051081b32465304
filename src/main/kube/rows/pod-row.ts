import type { PodRow } from '@shared/rows'
import { baseFields, controllerOf } from './base'
import { podStatus } from './pod-status'
import type { WirePod } from './wire'

function readinessGates(pod: WirePod): string | undefined {
  const gates = pod.spec?.readinessGates
  if (!gates?.length) return undefined
  const conditions = pod.status?.conditions ?? []
  const isTrue = (type: string | undefined): boolean =>
    conditions.find((c) => c.type === type)?.status === 'True'
  return `${gates.filter((g) => isTrue(g.conditionType)).length}/${gates.length}`
}

export function podRow(pod: WirePod): PodRow {
  const b = baseFields(pod)
  const s = podStatus(pod)
  const spec = pod.spec ?? {}
  const st = pod.status ?? {}
  // Written out as one literal (no spread) so every pod row shares one shape: see baseFields.
  return {
    kind: 'pods',
    key: b.key,
    name: b.name,
    namespace: b.namespace,
    uid: b.uid,
    createdAt: b.createdAt,
    labels: b.labels,
    deleting: b.deleting,
    ready: s.ready,
    status: s.status,
    phase: st.phase ?? '',
    restarts: s.restarts,
    lastRestartAt: s.lastRestartAt,
    ip: st.podIPs?.[0]?.ip || st.podIP || undefined,
    node: spec.nodeName || undefined,
    nominatedNode: st.nominatedNodeName || undefined,
    readinessGates: readinessGates(pod),
    owner: controllerOf(pod),
    containers: (spec.containers ?? []).map((c) => c.name ?? ''),
  }
}
