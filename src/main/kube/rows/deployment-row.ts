import { formatLabelSelector } from '@shared/format-selector'
import type { DeploymentRow } from '@shared/rows'
import { baseFields, templateColumns } from './base'
import type { WireWorkload } from './wire'

/** One word for a deployment's state, from its conditions the way `kubectl rollout status` reads them. */
export function deploymentHealth(d: WireWorkload): DeploymentRow['health'] {
  const spec = d.spec ?? {}
  const st = d.status ?? {}
  const conditions = st.conditions ?? []
  const progressing = conditions.find((c) => c.type === 'Progressing')
  if (progressing?.reason === 'ProgressDeadlineExceeded') return 'failed'
  if (spec.paused) return 'paused'
  const desired = spec.replicas ?? 1
  if (desired === 0 && (st.replicas ?? 0) === 0) return 'scaled-down'
  const available = conditions.find((c) => c.type === 'Available')?.status === 'True'
  const settled =
    (st.updatedReplicas ?? 0) === desired &&
    (st.replicas ?? 0) === desired &&
    (st.availableReplicas ?? 0) === desired
  return available && settled ? 'available' : 'progressing'
}

export function deploymentRow(d: WireWorkload): DeploymentRow {
  const spec = d.spec ?? {}
  const st = d.status ?? {}
  const replicas = spec.replicas ?? 1
  const b = baseFields(d)
  const t = templateColumns(spec.template)
  return {
    kind: 'deployments',
    key: b.key,
    name: b.name,
    namespace: b.namespace,
    uid: b.uid,
    createdAt: b.createdAt,
    labels: b.labels,
    deleting: b.deleting,
    ready: `${st.readyReplicas ?? 0}/${replicas}`,
    upToDate: st.updatedReplicas ?? 0,
    available: st.availableReplicas ?? 0,
    replicas,
    containers: t.containers,
    images: t.images,
    selector: formatLabelSelector(spec.selector),
    paused: spec.paused === true,
    health: deploymentHealth(d),
  }
}
