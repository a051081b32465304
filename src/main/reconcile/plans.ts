import type { ReconcileKind } from '@shared/contract'
import type { WireObject, WireWorkload } from '../kube/rows/wire'
import { deploymentWords, type Words } from './delta-words'
import { controlledByName, type KindSnapshot, type Watched } from './snapshot'
import { deploymentSnapshot } from './snapshot-deployment'

// What differs between the kinds a reconcile view shows: which collections to watch, which pods and events are
// the workload's, how its snapshot is built and how a change to its spec is told.

export interface KindPlan {
  /** The workload's collection in a namespace. */
  path(namespace: string): string
  /** More namespaced collections the graph needs, by name (the snapshot reads them from `Watched.extra`). */
  extra: Record<string, (namespace: string) => string>
  /** Is this pod the workload's? `extra` holds what the extra collections have delivered so far. */
  ownsPod(pod: WireObject, name: string, extra: Record<string, Map<string, WireObject>>): boolean
  /**
   * Could a pod of this name be the workload's? For events about a pod whose own watch has not delivered it
   * yet (separate watches run in no fixed order): names follow the controllers' patterns.
   */
  podNamed(pod: string, name: string, extra: Record<string, Map<string, WireObject>>): boolean
  /** Is an event about this object (other than the workload itself, its pods, or a node) the workload's? */
  ownsObject(kind: string, objectName: string, name: string, extra: Record<string, Map<string, WireObject>>): boolean
  snapshot(w: Watched): KindSnapshot
  /** A change to the workload's spec or status that no Event tells. */
  words(prev: WireObject | undefined, next: WireObject): Words[]
}

const ns = (group: string, resource: string) => (namespace: string) =>
  `${group}/namespaces/${namespace}/${resource}`

const setIsMine = (extra: Record<string, Map<string, WireObject>>, set: string, name: string): boolean => {
  const rs = extra.replicasets?.get(set)
  // A ReplicaSet not delivered yet (its pods' watch can run ahead): its name tells, as the Events tab matches.
  return rs ? controlledByName(rs, 'Deployment', name) : set.startsWith(`${name}-`)
}

const deployment: KindPlan = {
  path: ns('/apis/apps/v1', 'deployments'),
  extra: { replicasets: ns('/apis/apps/v1', 'replicasets') },
  ownsPod(pod, name, extra) {
    const owner = pod.metadata?.ownerReferences?.find((r) => r.controller)
    return owner?.kind === 'ReplicaSet' && setIsMine(extra, owner.name ?? '', name)
  },
  podNamed(pod, name, extra) {
    const cut = pod.lastIndexOf('-')
    return cut > 0 && setIsMine(extra, pod.slice(0, cut), name)
  },
  ownsObject: (kind, objectName, name, extra) => kind === 'ReplicaSet' && setIsMine(extra, objectName, name),
  snapshot: deploymentSnapshot,
  words: (prev, next) => deploymentWords(prev as WireWorkload | undefined, next as WireWorkload),
}

export const plans: Partial<Record<ReconcileKind, KindPlan>> = { Deployment: deployment }
