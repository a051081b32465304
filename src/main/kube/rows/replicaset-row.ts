import { formatLabelSelector } from '@shared/format-selector'
import type { ReplicaSetRow } from '@shared/rows'
import { baseFields, controllerOf, templateColumns } from './base'
import type { WireWorkload } from './wire'

export function replicaSetRow(rs: WireWorkload): ReplicaSetRow {
  const spec = rs.spec ?? {}
  const st = rs.status ?? {}
  const b = baseFields(rs)
  const t = templateColumns(spec.template)
  return {
    kind: 'replicasets',
    key: b.key,
    name: b.name,
    namespace: b.namespace,
    uid: b.uid,
    createdAt: b.createdAt,
    labels: b.labels,
    deleting: b.deleting,
    desired: spec.replicas ?? 1,
    current: st.replicas ?? 0,
    ready: st.readyReplicas ?? 0,
    containers: t.containers,
    images: t.images,
    selector: formatLabelSelector(spec.selector),
    owner: controllerOf(rs),
    revision: rs.metadata?.annotations?.['deployment.kubernetes.io/revision'] || undefined,
  }
}
