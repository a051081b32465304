import {
  AppsV1Api,
  CoreV1Api,
  PatchStrategy,
  setHeaderOptions,
  type V1ControllerRevision,
} from '@kubernetes/client-node'
import type { V1DaemonSet, V1Pod, V1StatefulSet } from '@kubernetes/client-node'
import { stringify } from 'yaml'
import { ApiError, type RevisionTemplate, type RolloutRevision, type UndoResult } from '@shared/contract'
import { formatLabelSelector } from '@shared/format-selector'
import type { ActionDeps } from './deps'
import { kubeCall } from '../errors/policy'
import { FIELD_MANAGER } from '../kube/object-writes'
import { isObject, semanticEqual, toPlain, type JsonObject } from './plain'
import { CHANGE_CAUSE, containerField } from './revisions'

// StatefulSet and DaemonSet rollouts as kubectl reads them: the history is the ControllerRevisions the set
// controls, each holding a strategic merge patch that puts its pod template back.

export type SetKind = 'statefulsets' | 'daemonsets'
export interface SetRef {
  context?: string
  namespace: string
  name: string
  kind: SetKind
}
type SetObject = V1StatefulSet | V1DaemonSet

const smp = setHeaderOptions('Content-Type', PatchStrategy.StrategicMergePatch)
const HASH = 'controller-revision-hash'
const noun = (kind: SetKind): string => (kind === 'statefulsets' ? 'statefulset' : 'daemon set')

export async function readSet(api: AppsV1Api, ref: SetRef, doing: string): Promise<SetObject> {
  const at = { name: ref.name, namespace: ref.namespace }
  return kubeCall(doing, (): Promise<SetObject> =>
    ref.kind === 'statefulsets' ? api.readNamespacedStatefulSet(at) : api.readNamespacedDaemonSet(at),
  )
}

/** A patch of the set with fieldManager=skiff; `body` is the patch, `options` its content type. */
export async function patchSet(
  api: AppsV1Api,
  ref: SetRef,
  body: object,
  doing: string,
  options: ReturnType<typeof setHeaderOptions> = smp,
): Promise<SetObject> {
  const at = { name: ref.name, namespace: ref.namespace, body, fieldManager: FIELD_MANAGER }
  return kubeCall(doing, (): Promise<SetObject> =>
    ref.kind === 'statefulsets'
      ? api.patchNamespacedStatefulSet(at, options)
      : api.patchNamespacedDaemonSet(at, options),
  )
}

/** kubectl's controlledHistory: revisions matching the selector and controlled by this set, oldest first. */
async function controlled(deps: ActionDeps, ref: SetRef, doing: string) {
  const kc = await deps.getKubeConfig(ref.context)
  const api = kc.makeApiClient(AppsV1Api)
  const set = await readSet(api, ref, doing)
  const labelSelector = formatLabelSelector(set.spec?.selector)
  const selected = labelSelector ? { labelSelector } : {}
  const list = await kubeCall(doing, () =>
    api.listNamespacedControllerRevision({ namespace: ref.namespace, ...selected }),
  )
  const uid = set.metadata?.uid
  const revisions = list.items
    .filter((r) => (r.metadata?.ownerReferences ?? []).some((o) => o.controller === true && o.uid === uid))
    .sort((a, b) => a.revision - b.revision)
  return { kc, api, set, revisions, selected }
}

/** The pod template a revision restores, as plain JSON (its `$patch` directive dropped). */
function templateOf(r: V1ControllerRevision): JsonObject {
  const data = toPlain(r.data)
  const spec = isObject(data) && isObject(data.spec) ? data.spec : {}
  const template = isObject(spec.template) ? { ...spec.template } : {}
  delete template.$patch
  return template
}

const isReady = (p: V1Pod): boolean =>
  !p.metadata?.deletionTimestamp &&
  (p.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True')

export async function setHistory(deps: ActionDeps, ref: SetRef): Promise<{ revisions: RolloutRevision[] }> {
  const { kc, revisions, selected } = await controlled(deps, ref, `read the history of "${ref.name}"`)
  const pods = await kubeCall(`list the pods of "${ref.name}"`, () =>
    kc.makeApiClient(CoreV1Api).listNamespacedPod({ namespace: ref.namespace, ...selected }),
  )
  const newest = revisions.at(-1)?.revision
  return {
    revisions: revisions.map((r) => {
      // StatefulSet pods carry the revision's name, DaemonSet pods its hash label.
      const keys = [r.metadata?.name, r.metadata?.labels?.[HASH]].filter((k) => k !== undefined)
      const mine = pods.items.filter((p) => keys.includes(p.metadata?.labels?.[HASH] ?? '\0'))
      const cause = r.metadata?.annotations?.[CHANGE_CAUSE]
      const created = r.metadata?.creationTimestamp
      return {
        revision: r.revision,
        ...(cause ? { changeCause: cause } : {}),
        images: containerField(templateOf(r), 'image'),
        containers: containerField(templateOf(r), 'name'),
        createdAt: created ? new Date(created).toISOString() : '',
        replicaSet: r.metadata?.name ?? '',
        replicas: mine.length,
        readyReplicas: mine.filter(isReady).length,
        // The controller always moves the template it runs to the highest revision.
        current: r.revision === newest,
      }
    }),
  }
}

export async function setDiff(
  deps: ActionDeps,
  ref: SetRef & { from: number; to: number },
): Promise<{ from: RevisionTemplate; to: RevisionTemplate }> {
  const { revisions } = await controlled(deps, ref, `compare revisions of "${ref.name}"`)
  const pick = (revision: number): RevisionTemplate => {
    const r = revisions.find((x) => x.revision === revision)
    if (!r) throw new ApiError('NotFound', `unable to find specified revision ${revision} in history`)
    return { revision, yaml: stringify(templateOf(r), { sortMapEntries: true }) }
  }
  return { from: pick(ref.from), to: pick(ref.to) }
}

/** `kubectl rollout undo sts|ds/NAME [--to-revision=N]`: the revision's own data as a strategic merge patch. */
export async function setUndo(deps: ActionDeps, ref: SetRef & { toRevision?: number }): Promise<UndoResult> {
  const doing = `roll back ${noun(ref.kind)} "${ref.name}"`
  const { api, set, revisions } = await controlled(deps, ref, doing)
  const wanted = ref.toRevision ?? 0
  // kubectl's findHistory: 0 means the one before the newest.
  const target = wanted === 0 ? revisions.at(-2) : revisions.find((r) => r.revision === wanted)
  if (!target) {
    if (wanted === 0) throw new ApiError('NotFound', 'no rollout history found')
    throw new ApiError('NotFound', `unable to find specified revision ${wanted} in history`)
  }
  if (semanticEqual(toPlain(set.spec?.template), templateOf(target))) {
    const message = `skipped rollback (current template already matches revision ${target.revision})`
    return { rolledBack: false, toRevision: target.revision, message }
  }
  await patchSet(api, ref, target.data as object, doing)
  const group = ref.kind === 'statefulsets' ? 'statefulset.apps' : 'daemonset.apps'
  return { rolledBack: true, toRevision: target.revision, message: `${group}/${ref.name} rolled back` }
}
