import { randomSuffix } from '../api/names'
import type { PodTemplate } from '../types'
import { isRecord } from '../types'
import type { DaemonSet, Toleration } from '../types-apps'
import { controllerRef } from './owned'

// The pod a DaemonSet runs on one node (pkg/controller/daemon/util): pinned to the node by a
// metadata.name node-affinity term, with the tolerations every daemon pod gets.
const EXISTS = (key: string, effect: string): Toleration => ({ key, operator: 'Exists', effect })

export function daemonTolerations(spec: Record<string, unknown>): Toleration[] {
  const own = (Array.isArray(spec.tolerations) ? spec.tolerations : []) as Toleration[]
  const added = [
    EXISTS('node.kubernetes.io/not-ready', 'NoExecute'),
    EXISTS('node.kubernetes.io/unreachable', 'NoExecute'),
    EXISTS('node.kubernetes.io/disk-pressure', 'NoSchedule'),
    EXISTS('node.kubernetes.io/memory-pressure', 'NoSchedule'),
    EXISTS('node.kubernetes.io/pid-pressure', 'NoSchedule'),
    EXISTS('node.kubernetes.io/unschedulable', 'NoSchedule'),
    ...(spec.hostNetwork === true ? [EXISTS('node.kubernetes.io/network-unavailable', 'NoSchedule')] : []),
  ]
  const out = [...own]
  for (const t of added) if (!out.some((o) => o.key === t.key && o.effect === t.effect)) out.push(t)
  return out
}

function pinnedAffinity(spec: Record<string, unknown>, node: string): Record<string, unknown> {
  const affinity = isRecord(spec.affinity) ? structuredClone(spec.affinity) : {}
  const nodeAffinity = isRecord(affinity.nodeAffinity) ? affinity.nodeAffinity : {}
  const term = { matchFields: [{ key: 'metadata.name', operator: 'In', values: [node] }] }
  nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution = { nodeSelectorTerms: [term] }
  affinity.nodeAffinity = nodeAffinity
  return affinity
}

export function daemonPod(
  ds: DaemonSet,
  template: PodTemplate,
  node: string,
  hash: string,
): Record<string, unknown> {
  const spec = structuredClone(template.spec) as Record<string, unknown>
  spec.affinity = pinnedAffinity(spec, node)
  spec.tolerations = daemonTolerations(spec)
  return {
    metadata: {
      name: `${ds.metadata.name}-${randomSuffix()}`,
      generateName: `${ds.metadata.name}-`,
      namespace: ds.metadata.namespace,
      labels: {
        ...template.metadata?.labels,
        'controller-revision-hash': hash,
        'pod-template-generation': String(ds.metadata.generation ?? 1),
      },
      ...(template.metadata?.annotations ? { annotations: { ...template.metadata.annotations } } : {}),
      ownerReferences: [controllerRef(ds)],
    },
    spec,
  }
}
