import type { GraphGroup, GraphPod, SideList } from '@shared/contract'
import type { WireObject, WirePod, WireWorkload } from '../kube/rows/wire'
import { notEligible, type Taint, type Toleration } from './daemon-nodes'
import {
  byName,
  controlledByName,
  graphPod,
  imagesOf,
  isReady,
  row,
  type KindSnapshot,
  type Watched,
} from './snapshot'

// A DaemonSet: a pod on every eligible node, grouped by the revision each runs, and every node with its pod or
// the reason it has none.

interface WireDaemonSet extends WireWorkload {
  spec?: WireWorkload['spec'] & {
    template?: { spec?: { nodeSelector?: Record<string, string>; tolerations?: Toleration[] } }
    updateStrategy?: { type?: string; rollingUpdate?: { maxUnavailable?: number | string } }
  }
  status?: WireWorkload['status'] & {
    desiredNumberScheduled?: number
    currentNumberScheduled?: number
    numberReady?: number
    updatedNumberScheduled?: number
    numberAvailable?: number
    numberMisscheduled?: number
  }
}

interface WireNodeSpec extends WireObject {
  spec?: { taints?: Taint[]; unschedulable?: boolean }
  status?: { conditions?: { type?: string; status?: string }[] }
}

const HASH = 'controller-revision-hash'

export function daemonSetSnapshot(w: Watched, name: string): KindSnapshot {
  const ds = w.workload as WireDaemonSet | undefined
  const st = ds?.status ?? {}
  const template = ds?.spec?.template?.spec
  // The newest ControllerRevision of this DaemonSet names the current template's hash.
  const revisions = [...(w.extra.controllerrevisions?.values() ?? [])]
    .filter((r) => controlledByName(r, 'DaemonSet', name))
    .map((r) => ({ name: r.metadata?.name ?? '', revision: (r as { revision?: number }).revision ?? 0 }))
    .sort((a, b) => b.revision - a.revision)
  const newest = revisions[0]
  const revisionOf = (hash: string): { name: string; revision: number } | undefined =>
    revisions.find((r) => r.name === `${name}-${hash}`)
  const pods = [...w.pods] as WirePod[]
  const byHash = new Map<string, { pods: GraphPod[]; images: string[] }>()
  for (const p of pods) {
    const hash = p.metadata?.labels?.[HASH] ?? ''
    const g = byHash.get(hash) ?? { pods: [], images: (p.spec?.containers ?? []).map((c) => c.image ?? '') }
    g.pods.push(graphPod(p))
    byHash.set(hash, g)
  }
  const groups: GraphGroup[] = [...byHash]
    .map(([hash, g]) => {
      const rev = revisionOf(hash)
      return {
        kind: 'Revision',
        name: rev?.name ?? (hash ? `${name}-${hash}` : name),
        ...(rev ? { revision: rev.revision } : {}),
        images: g.images,
        ready: g.pods.filter(
          (p) => p.status === 'Running' && !p.deleting && p.ready.split('/')[0] === p.ready.split('/')[1],
        ).length,
        current: rev !== undefined && rev.name === newest?.name,
        pods: g.pods.sort(byName),
      }
    })
    .sort((a, b) => (b.revision ?? 0) - (a.revision ?? 0))

  const podsOn = new Map<string, WirePod[]>()
  for (const p of pods) {
    const node = p.spec?.nodeName ?? ''
    podsOn.set(node, [...(podsOn.get(node) ?? []), p])
  }
  const nodes: SideList = {
    title: 'Nodes',
    items: [...w.nodes].map((n) => {
      const node = n as WireNodeSpec
      const nodeName = node.metadata?.name ?? ''
      const here = podsOn.get(nodeName) ?? []
      const why = notEligible(
        { name: nodeName, labels: node.metadata?.labels ?? {}, taints: node.spec?.taints ?? [] },
        template?.nodeSelector,
        template?.tolerations,
      )
      const ready = isReady(node) ? '' : ' (node NotReady)'
      const names = here.map((p) => `${p.metadata?.name ?? ''} (${graphPod(p).status})`).join(', ')
      if (here.length > 0 && why)
        return {
          name: nodeName,
          text: why.mayStay
            ? `runs ${names}; ${why.why}, which keeps new pods off but lets this one run`
            : `runs ${names} though ${why.why}: the controller deletes it`,
          level: 'warning' as const,
        }
      if (here.length > 0) return { name: nodeName, text: `runs ${names}${ready}`, level: 'normal' as const }
      if (why) return { name: nodeName, text: `no pod: ${why.why}`, level: 'normal' as const }
      return {
        name: nodeName,
        text: `no pod yet: eligible, the DaemonSet controller should create one${ready}`,
        level: 'warning' as const,
      }
    }),
  }
  const desired = st.desiredNumberScheduled ?? 0
  const eligible = nodes.items.filter((i) => !i.text.startsWith('no pod:')).length
  return {
    goal: `a pod on each eligible node (${desired} of ${nodes.items.length || '?'} nodes)`,
    facts: [
      { label: 'Image', value: imagesOf(ds).join(', ') },
      { label: 'Update strategy', value: ds?.spec?.updateStrategy?.type ?? 'RollingUpdate' },
      ...(template?.nodeSelector
        ? [
            {
              label: 'Node selector',
              value: Object.entries(template.nodeSelector)
                .map(([k, v]) => `${k}=${v}`)
                .join(', '),
            },
          ]
        : []),
    ],
    rows: [
      row('Scheduled', desired, st.currentNumberScheduled ?? 0),
      row('Ready', desired, st.numberReady ?? 0),
      row('Up to date', desired, st.updatedNumberScheduled ?? 0),
      row('Available', desired, st.numberAvailable ?? 0),
      row('On the wrong node', 0, st.numberMisscheduled ?? 0),
    ],
    ...(w.workload && nodes.items.length > 0 && eligible === 0
      ? {
          verdict: {
            text: 'No node is eligible: the DaemonSet runs nowhere until a node matches.',
            level: 'warning' as const,
          },
        }
      : {}),
    groups,
    lists: nodes.items.length ? [nodes] : [],
  }
}
