import { deleteObject } from '../api/deletion'
import { deepEqual } from '../api/deep-equal'
import { randomSuffix } from '../api/names'
import { resourceByKind } from '../api/resources'
import type { KObj, Pod, ReplicaSet } from '../types'
import type { Sync } from './index'
import { controllerRef, isPodReady, ownedBy } from './owned'

// ReplicaSet controller: keeps spec.replicas pods alive and reports their counts in status.
const BURST = 500

function deletionRank(pod: Pod): number {
  if (!pod.spec.nodeName) return 0
  if (pod.status.phase === 'Pending') return 1
  return isPodReady(pod) ? 3 : 2
}

export function syncReplicaSet(sync: Sync, ns: string, name: string): void {
  const { api } = sync
  const rsDef = resourceByKind('ReplicaSet')
  const podDef = resourceByKind('Pod')
  const entry = api.store.get(rsDef, ns, name)
  if (!entry || entry.obj.metadata.deletionTimestamp) return
  const rs = entry.obj as ReplicaSet
  const pods = ownedBy(api, 'Pod', rs) as Pod[]
  const active = pods.filter(
    (p) => !p.metadata.deletionTimestamp && p.status.phase !== 'Succeeded' && p.status.phase !== 'Failed',
  )
  const want = rs.spec.replicas ?? 1
  const diff = active.length - want
  if (diff < 0) {
    const create = Math.min(-diff, BURST)
    for (let i = 0; i < create; i++) {
      const template = rs.spec.template
      const pod = api.create(
        podDef,
        ns,
        {
          metadata: {
            name: `${rs.metadata.name}-${randomSuffix()}`,
            namespace: ns,
            labels: { ...template.metadata?.labels },
            ...(template.metadata?.annotations ? { annotations: { ...template.metadata.annotations } } : {}),
            ownerReferences: [controllerRef(rs)],
          },
          spec: structuredClone(template.spec),
        },
        { internal: true },
      )
      sync.events.record(
        rs,
        'Normal',
        'SuccessfulCreate',
        `Created pod: ${pod.metadata.name}`,
        'replicaset-controller',
      )
    }
    if (-diff > BURST) sync.enqueue(`ReplicaSet|${ns}|${name}`)
  } else if (diff > 0) {
    const victims = [...active]
      .sort(
        (a, b) =>
          deletionRank(a) - deletionRank(b) ||
          (a.metadata.creationTimestamp < b.metadata.creationTimestamp ? 1 : -1),
      )
      .slice(0, diff)
    for (const pod of victims) {
      deleteObject(api, podDef, ns, pod.metadata.name, {})
      sync.events.record(
        rs,
        'Normal',
        'SuccessfulDelete',
        `Deleted pod: ${pod.metadata.name}`,
        'replicaset-controller',
      )
    }
  }
  const ready = active.filter(isPodReady).length
  const status: ReplicaSet['status'] = {
    replicas: active.length,
    fullyLabeledReplicas: active.length,
    readyReplicas: ready,
    availableReplicas: ready,
    observedGeneration: rs.metadata.generation ?? 1,
  }
  if (!deepEqual(status, rs.status)) {
    const next: KObj = { ...structuredClone(rs), status }
    api.update(rsDef, ns, name, next, { internal: true, subresource: 'status' })
  }
}
