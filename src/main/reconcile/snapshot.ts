import type { CompareRow, GraphPod, ReconcileKind, ReconcileSnapshot } from '@shared/contract'
import { podStatus } from '../kube/rows/pod-status'
import type { WireNode, WireObject, WirePod, WireWorkload } from '../kube/rows/wire'

// What every kind's snapshot is built from, and the pieces they share: a pod as a dot, who controls what,
// a compare row.

/** The objects a reconcile stream watches: the workload, its pods, the nodes, and the kind's extra lists. */
export interface Watched {
  workload?: WireObject
  pods: readonly WirePod[]
  nodes: readonly WireNode[]
  /** By the plan's extra collection name (replicasets, controllerrevisions, persistentvolumeclaims). */
  extra: Record<string, ReadonlyMap<string, WireObject>>
}

/** A kind's part of the snapshot; the stream adds the names, the nodes and the sandbox state. */
export type KindSnapshot = Omit<
  ReconcileSnapshot,
  'kind' | 'namespace' | 'name' | 'exists' | 'nodes' | 'sandbox'
>

export const controlledBy = (o: WireObject, owner: WireObject | undefined): boolean =>
  owner?.metadata?.uid !== undefined &&
  (o.metadata?.ownerReferences ?? []).some((r) => r.controller && r.uid === owner.metadata?.uid)

/** Controlled by an object of this kind and name (no uid needed: works for a DELETED pod or a late owner). */
export const controlledByName = (o: WireObject, kind: string, name: string): boolean =>
  (o.metadata?.ownerReferences ?? []).some((r) => r.controller && r.kind === kind && r.name === name)

export const imagesOf = (w: WireWorkload | undefined): string[] =>
  (w?.spec?.template?.spec?.containers ?? []).map((c) => c.image ?? '')

export const isReady = (o: { status?: { conditions?: { type?: string; status?: string }[] } }): boolean =>
  o.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false

export function graphPod(p: WirePod): GraphPod {
  const s = podStatus(p)
  return {
    name: p.metadata?.name ?? '',
    phase: p.status?.phase ?? 'Pending',
    ready: s.ready,
    deleting: Boolean(p.metadata?.deletionTimestamp),
    ...(p.spec?.nodeName ? { node: p.spec.nodeName } : {}),
    restarts: s.restarts,
    status: s.status,
  }
}

export const byName = (a: GraphPod, b: GraphPod): number => a.name.localeCompare(b.name)

export const row = (label: string, desired: number, observed: number): CompareRow => ({
  label,
  desired,
  observed,
  differs: desired !== observed,
})

export function assemble(
  kind: ReconcileKind,
  namespace: string,
  name: string,
  w: Watched,
  part: KindSnapshot,
  sandbox?: ReconcileSnapshot['sandbox'],
): ReconcileSnapshot {
  return {
    kind,
    namespace,
    name,
    exists: w.workload !== undefined,
    ...part,
    nodes: [...w.nodes].map((n) => ({ name: n.metadata?.name ?? '', ready: isReady(n) })),
    ...(sandbox ? { sandbox } : {}),
  }
}
