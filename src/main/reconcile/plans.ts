import type { ReconcileKind } from '@shared/contract'
import type { WireObject, WireWorkload } from '../kube/rows/wire'
import { deploymentWords, specWords, type Words } from './delta-words'
import { controlledByName, type KindSnapshot, type Watched } from './snapshot'
import { daemonSetSnapshot } from './snapshot-daemonset'
import { deploymentSnapshot } from './snapshot-deployment'
import { jobSnapshot } from './snapshot-job'
import { statefulSetSnapshot } from './snapshot-statefulset'

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
  ownsObject(
    kind: string,
    objectName: string,
    name: string,
    extra: Record<string, Map<string, WireObject>>,
  ): boolean
  snapshot(w: Watched, name: string): KindSnapshot
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

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const controlled =
  (kind: string) =>
  (pod: WireObject, name: string): boolean =>
    controlledByName(pod, kind, name)

const statefulSet: KindPlan = {
  path: ns('/apis/apps/v1', 'statefulsets'),
  extra: { persistentvolumeclaims: ns('/api/v1', 'persistentvolumeclaims') },
  ownsPod: controlled('StatefulSet'),
  podNamed: (pod, name) => new RegExp(`^${escape(name)}-\\d+$`).test(pod),
  // Claims from its templates are named <template>-<set>-<ordinal>.
  ownsObject: (kind, objectName, name) =>
    kind === 'PersistentVolumeClaim' && new RegExp(`-${escape(name)}-\\d+$`).test(objectName),
  snapshot: statefulSetSnapshot,
  words(prev, next) {
    const out = specWords(prev as WireWorkload | undefined, next as WireWorkload)
    const partition = (o: WireObject | undefined): number | undefined =>
      (o as { spec?: { updateStrategy?: { rollingUpdate?: { partition?: number } } } } | undefined)?.spec
        ?.updateStrategy?.rollingUpdate?.partition
    if (prev && partition(prev) !== partition(next))
      out.push({
        actor: 'desired state',
        text: `partition changed ${partition(prev) ?? 0} → ${partition(next) ?? 0}`,
        level: 'normal',
      })
    return out
  },
}

const daemonSet: KindPlan = {
  path: ns('/apis/apps/v1', 'daemonsets'),
  extra: { controllerrevisions: ns('/apis/apps/v1', 'controllerrevisions') },
  ownsPod: controlled('DaemonSet'),
  podNamed: (pod, name) => new RegExp(`^${escape(name)}-[a-z0-9]{5}$`).test(pod),
  ownsObject: () => false,
  snapshot: daemonSetSnapshot,
  words: (prev, next) => specWords(prev as WireWorkload | undefined, next as WireWorkload),
}

interface JobSpec {
  spec?: { parallelism?: number; suspend?: boolean }
}

const job: KindPlan = {
  path: ns('/apis/batch/v1', 'jobs'),
  extra: {},
  ownsPod: controlled('Job'),
  // <job>-<random5>, or <job>-<index>-<random5> for an Indexed Job.
  podNamed: (pod, name) => new RegExp(`^${escape(name)}-(\\d+-)?[a-z0-9]{5}$`).test(pod),
  ownsObject: () => false,
  snapshot: jobSnapshot,
  words(prev, next) {
    const a = (prev as JobSpec | undefined)?.spec
    const b = (next as JobSpec).spec
    if (!a || a.parallelism === b?.parallelism) return []
    return [
      {
        actor: 'desired state',
        text: `parallelism changed ${a.parallelism ?? 1} → ${b?.parallelism ?? 1}`,
        level: 'normal',
      },
    ]
  },
}

export const plans: Record<ReconcileKind, KindPlan> = {
  Deployment: deployment,
  StatefulSet: statefulSet,
  DaemonSet: daemonSet,
  Job: job,
}
