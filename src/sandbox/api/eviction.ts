import type { KObj, Pod } from '../types'
import { isRecord } from '../types'
import { deleteObject, parseDeleteOptions } from './deletion'
import { pdbSelects } from './kinds/policy'
import type { ObjectApi } from './objects'
import { resourceByKind } from './resources'
import { ApiError, badRequest, internalError } from './status'

// POST pods/<name>/eviction (policy/v1 Eviction): deletes the pod unless its PodDisruptionBudget allows no
// disruption now, in which case kube-apiserver's 429 comes back and `kubectl drain` retries.
function tooManyRequests(cause: string): ApiError {
  return new ApiError({
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: "Cannot evict pod as it would violate the pod's disruption budget.",
    reason: 'TooManyRequests',
    details: { causes: [{ reason: 'DisruptionBudget', message: cause }] },
    code: 429,
  })
}

const SUCCESS = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 }

function num(status: Record<string, unknown>, key: string): number {
  return typeof status[key] === 'number' ? status[key] : 0
}

function isReady(pod: Pod): boolean {
  return !!pod.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True')
}

export function evictPod(
  api: ObjectApi,
  ns: string,
  name: string,
  body: unknown,
  dryRun: boolean,
): Record<string, unknown> {
  const eviction = isRecord(body) ? body : {}
  const meta = isRecord(eviction.metadata) ? eviction.metadata : {}
  if (meta.name !== undefined && meta.name !== name)
    throw badRequest('name in URL does not match name in Eviction object')
  const podDef = resourceByKind('Pod')
  const pod = api.get(podDef, ns, name) as Pod
  const options = parseDeleteOptions(eviction.deleteOptions ?? {}, new URLSearchParams())
  const remove = (): Record<string, unknown> => {
    if (!dryRun) deleteObject(api, podDef, ns, name, options)
    return SUCCESS
  }
  // canIgnorePDB: finished, never-started and already terminating pods go without asking a budget
  const phase = pod.status.phase
  if (phase === 'Succeeded' || phase === 'Failed' || phase === 'Pending' || pod.metadata.deletionTimestamp)
    return remove()
  const pdbDef = resourceByKind('PodDisruptionBudget')
  const budgets = api.store
    .list(pdbDef, ns)
    .map((e) => e.obj)
    .filter((p) => pdbSelects(p, pod))
  if (budgets.length === 0) return remove()
  if (budgets.length > 1)
    throw internalError(
      'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.',
    )
  const pdb = budgets[0] as KObj
  const status = isRecord(pdb.status) ? pdb.status : {}
  const spec = isRecord(pdb.spec) ? pdb.spec : {}
  // an unready pod may go while the budget is met (IfHealthyBudget) or always (AlwaysAllow)
  if (!isReady(pod)) {
    if (spec.unhealthyPodEvictionPolicy === 'AlwaysAllow') return remove()
    if (num(status, 'currentHealthy') >= num(status, 'desiredHealthy') && num(status, 'desiredHealthy') > 0)
      return remove()
  }
  if (num(status, 'observedGeneration') < (pdb.metadata.generation ?? 1))
    throw tooManyRequests(
      `The disruption budget ${pdb.metadata.name} is still being processed by the server.`,
    )
  if (num(status, 'disruptionsAllowed') <= 0)
    throw tooManyRequests(
      `The disruption budget ${pdb.metadata.name} needs ${num(status, 'desiredHealthy')} healthy pods and has ${num(status, 'currentHealthy')} currently`,
    )
  if (dryRun) return SUCCESS
  // tell the disruption controller this pod is going before it goes
  const next = structuredClone(pdb)
  const allowed = num(status, 'disruptionsAllowed') - 1
  const disrupted = isRecord(status.disruptedPods) ? status.disruptedPods : {}
  next.status = {
    ...status,
    disruptionsAllowed: allowed,
    disruptedPods: { ...disrupted, [name]: api.timestamp() },
  }
  api.update(pdbDef, ns, pdb.metadata.name, next, { subresource: 'status' })
  return remove()
}
