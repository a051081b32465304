import type { PodRow } from '@shared/rows'
import { baseFields, controllerOf } from './base'
import { interned } from './intern'
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
  // Written out as one literal (no spread) so every pod row shares one shape: see baseFields. Values many pods
  // repeat are shared (intern.ts); name, uid and IP are each pod's own.
  return {
    kind: 'pods',
    key: b.key,
    name: b.name,
    namespace: b.namespace,
    uid: b.uid,
    createdAt: b.createdAt,
    labels: b.labels,
    deleting: b.deleting,
    ready: interned.str(s.ready),
    status: interned.str(s.status),
    phase: st.phase ?? '',
    restarts: s.restarts,
    lastRestartAt: interned.str(s.lastRestartAt),
    ip: st.podIPs?.[0]?.ip || st.podIP || undefined,
    node: interned.str(spec.nodeName || undefined),
    nominatedNode: interned.str(st.nominatedNodeName || undefined),
    readinessGates: interned.str(readinessGates(pod)),
    owner: controllerOf(pod),
    containers: interned.strings((spec.containers ?? []).map((c) => c.name ?? '')),
  }
}
