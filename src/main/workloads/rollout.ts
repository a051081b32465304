import { AppsV1Api, PatchStrategy, setHeaderOptions, type V1Deployment } from '@kubernetes/client-node'
import { stringify } from 'yaml'
import {
  ApiError,
  type RevisionTemplate,
  type RolloutRevision,
  type RolloutKind,
  type RolloutStatus,
  type UndoResult,
} from '@shared/contract'
import { patchSet, readSet, setDiff, setHistory, setUndo, type SetRef } from './controller-rollout'
import { daemonSetStatus, statefulSetStatus } from './controller-rollout-status'
import type { ActionDeps } from './deps'
import { kubeCall } from '../errors/policy'
import { FIELD_MANAGER } from '../kube/object-writes'
import { planUndo } from './undo-plan'
import { buildHistory, CHANGE_CAUSE, revisionOf, splitReplicaSets, templateWithoutHash } from './revisions'
import { rolloutStatus } from './rollout-status'
import { formatLabelSelector } from '@shared/format-selector'
import { rfc3339Local } from './time'

export interface DeploymentRef {
  context?: string
  namespace: string
  name: string
}
/** A Deployment (the default), StatefulSet or DaemonSet. */
export type WorkloadRef = DeploymentRef & { kind?: RolloutKind }

/** The set a ref names, or undefined for a Deployment. */
function asSet<R extends WorkloadRef>(ref: R): (R & SetRef) | undefined {
  return ref.kind === 'statefulsets' || ref.kind === 'daemonsets' ? { ...ref, kind: ref.kind } : undefined
}

const smp = setHeaderOptions('Content-Type', PatchStrategy.StrategicMergePatch)
const jsonPatch = setHeaderOptions('Content-Type', PatchStrategy.JsonPatch)

async function apps(deps: ActionDeps, ref: DeploymentRef): Promise<AppsV1Api> {
  return (await deps.getKubeConfig(ref.context)).makeApiClient(AppsV1Api)
}

function read(api: AppsV1Api, ref: DeploymentRef, doing: string): Promise<V1Deployment> {
  return kubeCall(doing, () => api.readNamespacedDeployment({ name: ref.name, namespace: ref.namespace }))
}

/** The deployment and every ReplicaSet its selector matches, as `kubectl rollout history/undo` fetch them. */
async function withReplicaSets(deps: ActionDeps, ref: DeploymentRef, doing: string) {
  const api = await apps(deps, ref)
  const deployment = await read(api, ref, doing)
  const labelSelector = formatLabelSelector(deployment.spec?.selector)
  const list = await kubeCall(doing, () =>
    api.listNamespacedReplicaSet({ namespace: ref.namespace, ...(labelSelector ? { labelSelector } : {}) }),
  )
  return { api, deployment, replicaSets: list.items }
}

export async function restart(deps: ActionDeps, ref: WorkloadRef): Promise<{ restartedAt: string }> {
  const set = asSet(ref)
  const doing = `restart ${set ? set.kind.slice(0, -1) : 'deployment'} "${ref.name}"`
  const api = await apps(deps, ref)
  const deployment = set ? await readSet(api, set, doing) : await read(api, ref, doing)
  if (deployment.spec && 'paused' in deployment.spec && deployment.spec.paused) {
    throw new ApiError('Conflict', "can't restart paused deployment (run rollout resume first)")
  }
  const restartedAt = rfc3339Local((deps.now ?? (() => new Date()))())
  const current = deployment.spec?.template?.metadata?.annotations?.['kubectl.kubernetes.io/restartedAt']
  if (current === restartedAt) {
    throw new ApiError(
      'Conflict',
      'A restart was already triggered within the past second; wait a moment and try again.',
    )
  }
  const body = {
    spec: { template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': restartedAt } } } },
  }
  await patchWorkload(api, ref, body, doing)
  return { restartedAt }
}

export async function setPaused(
  deps: ActionDeps,
  ref: DeploymentRef,
  paused: boolean,
): Promise<{ paused: boolean }> {
  const api = await apps(deps, ref)
  const doing = `${paused ? 'pause' : 'resume'} deployment "${ref.name}"`
  const result = await kubeCall(doing, () =>
    api.patchNamespacedDeployment({ ...ref, body: { spec: { paused } }, fieldManager: FIELD_MANAGER }, smp),
  )
  return { paused: result.spec?.paused === true }
}

/** A strategic merge patch of the workload, with fieldManager=skiff. */
async function patchWorkload(api: AppsV1Api, ref: WorkloadRef, body: object, doing: string): Promise<void> {
  const set = asSet(ref)
  if (set) await patchSet(api, set, body, doing)
  else
    await kubeCall(doing, () =>
      api.patchNamespacedDeployment(
        { name: ref.name, namespace: ref.namespace, body, fieldManager: FIELD_MANAGER },
        smp,
      ),
    )
}

export async function status(deps: ActionDeps, ref: WorkloadRef): Promise<RolloutStatus> {
  const api = await apps(deps, ref)
  const doing = `read the rollout status of "${ref.name}"`
  const set = asSet(ref)
  if (!set) return rolloutStatus(await read(api, ref, doing))
  const obj = await readSet(api, set, doing)
  return set.kind === 'statefulsets' ? statefulSetStatus(obj) : daemonSetStatus(obj)
}

export async function history(deps: ActionDeps, ref: WorkloadRef): Promise<{ revisions: RolloutRevision[] }> {
  const set = asSet(ref)
  if (set) return setHistory(deps, set)
  const { deployment, replicaSets } = await withReplicaSets(deps, ref, `read the history of "${ref.name}"`)
  return { revisions: buildHistory(deployment, replicaSets) }
}

export async function diff(
  deps: ActionDeps,
  ref: WorkloadRef & { from: number; to: number },
): Promise<{ from: RevisionTemplate; to: RevisionTemplate }> {
  const set = asSet(ref)
  if (set) return setDiff(deps, set)
  const { deployment, replicaSets } = await withReplicaSets(deps, ref, `compare revisions of "${ref.name}"`)
  const { newRS, oldRSs } = splitReplicaSets(deployment, replicaSets)
  const owned = newRS ? [...oldRSs, newRS] : oldRSs
  const pick = (revision: number): RevisionTemplate => {
    const rs = owned.find((r) => revisionOf(r) === revision)
    if (!rs) throw new ApiError('NotFound', `unable to find the specified revision ${revision}`)
    return { revision, yaml: stringify(templateWithoutHash(rs), { sortMapEntries: true }) }
  }
  return { from: pick(ref.from), to: pick(ref.to) }
}

/** `kubectl rollout undo [--to-revision=N]`: the same JSON patch, so the controller renumbers the same way. */
export async function undo(
  deps: ActionDeps,
  ref: WorkloadRef & { toRevision?: number },
): Promise<UndoResult> {
  const set = asSet(ref)
  if (set) return setUndo(deps, set)
  const doing = `roll back deployment "${ref.name}"`
  const { api, deployment, replicaSets } = await withReplicaSets(deps, ref, doing)
  const plan = planUndo(deployment, replicaSets, ref.toRevision ?? 0)
  if (plan.kind === 'skip') return { rolledBack: false, toRevision: plan.toRevision, message: plan.message }
  await kubeCall(doing, () =>
    api.patchNamespacedDeployment({ ...ref, body: plan.patch, fieldManager: FIELD_MANAGER }, jsonPatch),
  )
  return { rolledBack: true, toRevision: plan.toRevision, message: `deployment.apps/${ref.name} rolled back` }
}

/** `kubectl set image --record`: a strategic merge patch of one container's image plus the change-cause. */
export async function setImage(
  deps: ActionDeps,
  ref: WorkloadRef & { container: string; image: string; changeCause?: string },
): Promise<{ changed: boolean }> {
  const doing = `set the image of "${ref.name}"`
  const api = await apps(deps, ref)
  const set = asSet(ref)
  const deployment = set ? await readSet(api, set, doing) : await read(api, ref, doing)
  const what = set ? set.kind.slice(0, -1) : 'deployment'
  const containers = deployment.spec?.template?.spec?.containers ?? []
  const container = containers.find((c) => c.name === ref.container)
  if (!container) {
    const names = containers.map((c) => c.name).join(', ')
    throw new ApiError(
      'NotFound',
      `There is no container "${ref.container}" in ${what} "${ref.name}" (it has: ${names}).`,
    )
  }
  if (container.image === ref.image) return { changed: false }
  const cause = ref.changeCause ?? `skiff set image ${what}/${ref.name} ${ref.container}=${ref.image}`
  const body = {
    metadata: { annotations: { [CHANGE_CAUSE]: cause } },
    spec: { template: { spec: { containers: [{ name: ref.container, image: ref.image }] } } },
  }
  await patchWorkload(api, ref, body, doing)
  return { changed: true }
}
