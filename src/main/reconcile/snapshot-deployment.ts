import type { GraphGroup } from '@shared/contract'
import type { WirePod, WireWorkload } from '../kube/rows/wire'
import { byName, controlledBy, graphPod, imagesOf, row, type KindSnapshot, type Watched } from './snapshot'

// A Deployment: desired replicas beside its status counts, and the graph Deployment → ReplicaSets → pods.

const REVISION = 'deployment.kubernetes.io/revision'

export function deploymentSnapshot(w: Watched): KindSnapshot {
  const d = w.workload as WireWorkload | undefined
  const revision = d?.metadata?.annotations?.[REVISION]
  const pods = [...w.pods]
  const groups: GraphGroup[] = [...(w.extra.replicasets?.values() ?? [])]
    .map((o) => o as WireWorkload)
    .filter((rs) => controlledBy(rs, d))
    .map((rs) => {
      const rev = rs.metadata?.annotations?.[REVISION]
      return {
        kind: 'ReplicaSet',
        name: rs.metadata?.name ?? '',
        ...(rev ? { revision: Number(rev) } : {}),
        images: imagesOf(rs),
        desired: rs.spec?.replicas ?? 0,
        ready: rs.status?.readyReplicas ?? 0,
        current: rev !== undefined && rev === revision,
        pods: pods
          .filter((p: WirePod) => controlledBy(p, rs))
          .map(graphPod)
          .sort(byName),
      }
    })
    // Newest revision first; ReplicaSets scaled to 0 with no pods left are history, not the graph.
    .filter((rs) => rs.current || (rs.desired ?? 0) > 0 || rs.pods.length > 0)
    .sort((a, b) => (b.revision ?? 0) - (a.revision ?? 0))
  const st = d?.status ?? {}
  const want = d ? (d.spec?.replicas ?? 1) : 0
  const strategy =
    (d?.spec as { strategy?: { type?: string } } | undefined)?.strategy?.type ?? 'RollingUpdate'
  const paused = Boolean(d?.spec?.paused)
  return {
    goal: `${want} replica${want === 1 ? '' : 's'}`,
    replicas: want,
    facts: [
      { label: 'Image', value: imagesOf(d).join(', ') },
      { label: 'Strategy', value: strategy },
    ],
    rows: [
      row('Pods', want, st.replicas ?? 0),
      row('Up to date', want, st.updatedReplicas ?? 0),
      row('Ready', want, st.readyReplicas ?? 0),
      row('Available', want, st.availableReplicas ?? 0),
    ],
    ...(paused
      ? {
          verdict: {
            text: 'The rollout is paused: the controller will not replace pods until it resumes.',
            level: 'warning' as const,
          },
        }
      : {}),
    groups,
    lists: [],
  }
}
