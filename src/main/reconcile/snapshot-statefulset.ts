import type { GraphGroup, GraphPod, SideList } from '@shared/contract'
import type { WireObject, WirePod, WireWorkload } from '../kube/rows/wire'
import { graphPod, imagesOf, row, type KindSnapshot, type Watched } from './snapshot'

// A StatefulSet: pods with stable ordinals (web-0, web-1…) grouped by the revision they run, the rolling
// update's partition, and the PersistentVolumeClaims each ordinal keeps.

interface WireStatefulSet extends WireWorkload {
  spec?: WireWorkload['spec'] & {
    podManagementPolicy?: string
    updateStrategy?: { type?: string; rollingUpdate?: { partition?: number } }
    volumeClaimTemplates?: { metadata?: { name?: string } }[]
  }
  status?: WireWorkload['status'] & {
    currentReplicas?: number
    currentRevision?: string
    updateRevision?: string
  }
}

interface WireClaim extends WireObject {
  status?: { phase?: string }
}

const REVISION_LABEL = 'controller-revision-hash'

export const ordinalOf = (pod: string, set: string): number => {
  const m = new RegExp(`^${set.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-(\\d+)$`).exec(pod)
  return m ? Number(m[1]) : Number.MAX_SAFE_INTEGER
}

/** One line per claim each ordinal should have (<template>-<set>-<ordinal>), then claims kept past the end. */
function claims(set: WireStatefulSet, name: string, w: Watched): SideList | undefined {
  const templates = (set.spec?.volumeClaimTemplates ?? []).map((t) => t.metadata?.name ?? '').filter(Boolean)
  if (templates.length === 0) return undefined
  const replicas = set.spec?.replicas ?? 1
  const have = new Map<string, WireClaim>()
  for (const c of w.extra.persistentvolumeclaims?.values() ?? []) have.set(c.metadata?.name ?? '', c)
  const items: SideList['items'] = []
  for (let i = 0; i < replicas; i++)
    for (const t of templates) {
      const claim = `${t}-${name}-${i}`
      const phase = have.get(claim)?.status?.phase
      items.push(
        !have.has(claim)
          ? { name: claim, text: `for ${name}-${i}: not created yet`, level: 'warning' }
          : {
              name: claim,
              text: `for ${name}-${i}: ${phase ?? 'Pending'}`,
              level: phase === 'Bound' ? 'normal' : 'warning',
            },
      )
    }
  // A scale down leaves the claims of the removed ordinals (the default retention policy); a scale up reuses them.
  for (const [claim, c] of have) {
    const t = templates.find((t) => claim.startsWith(`${t}-${name}-`))
    const ordinal = t === undefined ? -1 : ordinalOf(claim.slice(t.length + 1), name)
    if (ordinal >= replicas && ordinal < Number.MAX_SAFE_INTEGER)
      items.push({
        name: claim,
        text: `kept for ${name}-${ordinal} after a scale down (${c.status?.phase ?? 'Pending'}); a scale up reuses it`,
        level: 'normal',
      })
  }
  return { title: 'Persistent volume claims', items }
}

export function statefulSetSnapshot(w: Watched, name: string): KindSnapshot {
  const set = w.workload as WireStatefulSet | undefined
  const want = set ? (set.spec?.replicas ?? 1) : 0
  const st = set?.status ?? {}
  const strategy = set?.spec?.updateStrategy?.type ?? 'RollingUpdate'
  const partition =
    strategy === 'RollingUpdate' ? (set?.spec?.updateStrategy?.rollingUpdate?.partition ?? 0) : 0
  const update = st.updateRevision
  const byRevision = new Map<string, { pods: GraphPod[]; images: string[]; ready: number }>()
  for (const p of [...w.pods] as WirePod[]) {
    const rev = p.metadata?.labels?.[REVISION_LABEL] ?? 'unknown'
    const g = byRevision.get(rev) ?? {
      pods: [],
      images: (p.spec?.containers ?? []).map((c) => c.image ?? ''),
      ready: 0,
    }
    const dot = graphPod(p)
    g.pods.push(dot)
    if (dot.phase === 'Running' && dot.ready.split('/')[0] === dot.ready.split('/')[1] && !dot.deleting)
      g.ready++
    byRevision.set(rev, g)
  }
  const groups: GraphGroup[] = [...byRevision]
    .map(([rev, g]) => ({
      kind: 'Revision',
      name: rev,
      images: g.images,
      ready: g.ready,
      current: rev === update,
      pods: g.pods.sort((a, b) => ordinalOf(a.name, name) - ordinalOf(b.name, name)),
    }))
    .sort((a, b) => Number(b.current) - Number(a.current))
  // With a partition, only ordinals ≥ partition move to the new revision: that many is "all updated".
  const toUpdate = Math.max(0, want - partition)
  const updated = st.updatedReplicas ?? 0
  const verdict =
    strategy === 'OnDelete' && updated < want
      ? {
          text: 'Update strategy OnDelete: a pod gets the new template only when you delete it.',
          level: 'warning' as const,
        }
      : partition > 0
        ? {
            text: `Partition ${partition}: ordinals ${partition} and up get the new template; ${name}-0 … ${name}-${Math.min(partition, want) - 1} keep the old one.`,
            level: 'normal' as const,
          }
        : undefined
  const list = set ? claims(set, name, w) : undefined
  return {
    goal: `${want} replica${want === 1 ? '' : 's'}, ${name}-0 … ${name}-${Math.max(0, want - 1)}`,
    replicas: want,
    facts: [
      { label: 'Image', value: imagesOf(set).join(', ') },
      {
        label: 'Update strategy',
        value: strategy === 'RollingUpdate' ? `RollingUpdate, partition ${partition}` : strategy,
      },
      { label: 'Pod management', value: set?.spec?.podManagementPolicy ?? 'OrderedReady' },
    ],
    rows: [
      row('Pods', want, st.replicas ?? 0),
      row('Ready', want, st.readyReplicas ?? 0),
      row('Updated', strategy === 'OnDelete' ? updated : toUpdate, updated),
      row('Available', want, st.availableReplicas ?? 0),
    ],
    ...(verdict ? { verdict } : {}),
    groups,
    lists: list ? [list] : [],
  }
}
