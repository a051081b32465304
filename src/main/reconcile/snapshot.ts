import type { GraphPod, GraphReplicaSet, ReconcileSnapshot } from '@shared/contract'
import { podStatus } from '../kube/rows/pod-status'
import type { WireNode, WireObject, WirePod, WireWorkload } from '../kube/rows/wire'

// Desired beside observed, and the owner graph Deployment → ReplicaSets → pods, from the watched objects.

const REVISION = 'deployment.kubernetes.io/revision'

const ownedBy = (o: WireObject, owner: WireObject | undefined): boolean =>
  owner?.metadata?.uid !== undefined &&
  (o.metadata?.ownerReferences ?? []).some((r) => r.controller && r.uid === owner.metadata?.uid)

const images = (w: WireWorkload | undefined): string[] =>
  (w?.spec?.template?.spec?.containers ?? []).map((c) => c.image ?? '')

function graphPod(p: WirePod): GraphPod {
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

export interface Watched {
  deployment?: WireWorkload
  replicaSets: Iterable<WireWorkload>
  pods: Iterable<WirePod>
  nodes: Iterable<WireNode>
}

export function buildSnapshot(
  namespace: string,
  name: string,
  w: Watched,
  sandbox?: ReconcileSnapshot['sandbox'],
): ReconcileSnapshot {
  const d = w.deployment
  const revision = d?.metadata?.annotations?.[REVISION]
  const sets = [...w.replicaSets].filter((rs) => ownedBy(rs, d))
  const pods = [...w.pods]
  const replicaSets: GraphReplicaSet[] = sets
    .map((rs) => {
      const rev = rs.metadata?.annotations?.[REVISION]
      return {
        name: rs.metadata?.name ?? '',
        ...(rev ? { revision: Number(rev) } : {}),
        images: images(rs),
        desired: rs.spec?.replicas ?? 0,
        ready: rs.status?.readyReplicas ?? 0,
        current: rev !== undefined && rev === revision,
        pods: pods
          .filter((p) => ownedBy(p, rs))
          .map(graphPod)
          .sort((a, b) => a.name.localeCompare(b.name)),
      }
    })
    // Newest revision first; ReplicaSets scaled to 0 with no pods left are history, not the graph.
    .filter((rs) => rs.current || rs.desired > 0 || rs.pods.length > 0)
    .sort((a, b) => (b.revision ?? 0) - (a.revision ?? 0))
  const st = d?.status ?? {}
  const want = d?.spec?.replicas ?? 1
  const strategy =
    (d?.spec as { strategy?: { type?: string } } | undefined)?.strategy?.type ?? 'RollingUpdate'
  return {
    namespace,
    name,
    exists: d !== undefined,
    desired: { replicas: d ? want : 0, images: images(d), paused: Boolean(d?.spec?.paused), strategy },
    observed: {
      replicas: st.replicas ?? 0,
      updated: st.updatedReplicas ?? 0,
      ready: st.readyReplicas ?? 0,
      available: st.availableReplicas ?? 0,
      unavailable: (st as { unavailableReplicas?: number }).unavailableReplicas ?? 0,
    },
    replicaSets,
    nodes: [...w.nodes].map((n) => ({
      name: n.metadata?.name ?? '',
      ready: n.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false,
    })),
    ...(sandbox ? { sandbox } : {}),
  }
}
