import { resourceByKind } from '../api/resources'
import { nodeObject } from '../bootstrap'
import type { KObj } from '../types'
import { isRecord } from '../types'
import type { Sync } from './index'

// A Node a client creates (`kubectl create -f node.yaml`) joins the sandbox as a worker whose simulated
// kubelet registers at once: like kind's node-ipam it gets the next free podCIDR and address, and the kubelet
// fills in capacity (the sandbox's 4 CPU / 8Gi unless the object states its own), conditions, node info and
// its Lease. Labels, annotations, taints and spec.unschedulable the client wrote are kept.
function usedIndexes(sync: Sync): Set<number> {
  const used = new Set<number>()
  for (const e of sync.api.store.list(resourceByKind('Node'))) {
    const spec = isRecord(e.obj.spec) ? e.obj.spec : {}
    const m = typeof spec.podCIDR === 'string' ? /^10\.244\.(\d+)\./.exec(spec.podCIDR) : null
    if (m) used.add(Number(m[1]))
  }
  return used
}

export function registerNode(sync: Sync, node: KObj): void {
  const { api } = sync
  const used = usedIndexes(sync)
  let index = 0
  while (used.has(index)) index++
  const name = node.metadata.name
  const fresh = nodeObject(name, index, api.timestamp())
  const freshMeta = fresh.metadata as { labels: Record<string, string>; annotations: Record<string, string> }
  const freshSpec = fresh.spec as Record<string, unknown>
  const freshStatus = fresh.status as Record<string, unknown>
  const spec = isRecord(node.spec) ? node.spec : {}
  const status = isRecord(node.status) ? node.status : {}
  const next = structuredClone(node)
  const { 'node-role.kubernetes.io/control-plane': _cp, ...labels } = freshMeta.labels
  next.metadata.labels = { ...labels, ...node.metadata.labels }
  next.metadata.annotations = { ...freshMeta.annotations, ...node.metadata.annotations }
  next.spec = {
    ...freshSpec,
    ...spec,
    ...(spec.podCIDR ? {} : { podCIDR: freshSpec.podCIDR, podCIDRs: freshSpec.podCIDRs }),
  }
  const capacity = isRecord(status.capacity) ? status.capacity : freshStatus.capacity
  next.status = {
    ...freshStatus,
    ...status,
    capacity,
    allocatable: isRecord(status.allocatable) ? status.allocatable : capacity,
    conditions: freshStatus.conditions,
    ...(Array.isArray(status.addresses) ? {} : { addresses: freshStatus.addresses }),
  }
  const saved = api.update(resourceByKind('Node'), '', name, next, { internal: true })
  const leaseDef = resourceByKind('Lease')
  if (!api.store.get(leaseDef, 'kube-node-lease', name))
    api.create(
      leaseDef,
      'kube-node-lease',
      {
        metadata: {
          name,
          ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name, uid: saved.metadata.uid }],
        },
        spec: {
          holderIdentity: name,
          leaseDurationSeconds: 40,
          renewTime: new Date(api.clock.now()).toISOString().replace('Z', '000Z'),
        },
      },
      { internal: true },
    )
  sync.events.record(
    saved,
    'Normal',
    'RegisteredNode',
    `Node ${name} event: Registered Node ${name} in Controller`,
    'node-controller',
  )
}
