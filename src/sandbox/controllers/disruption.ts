import { resourceByKind } from '../api/resources'
import { pdbSelects } from '../api/kinds/policy'
import type { KObj, Pod } from '../types'
import { isRecord } from '../types'
import type { Sync } from './index'
import { isPodReady } from './owned'

// The disruption controller: a PodDisruptionBudget's status (expected, desired and current healthy pods,
// disruptionsAllowed, the DisruptionAllowed condition) from the pods its selector matches, and the
// disruptedPods the Eviction API noted until their deletion shows up (or 2 minutes pass).
const DELETION_TIMEOUT_MS = 120_000

function intOrPercent(v: unknown, total: number, roundUp: boolean): number {
  if (typeof v === 'number') return v
  const m = typeof v === 'string' ? /^(\d+)%$/.exec(v) : null
  if (!m) return Number(v) || 0
  const exact = (Number(m[1]) * total) / 100
  return roundUp ? Math.ceil(exact) : Math.floor(exact)
}

// Replicas the pods' controllers want (the scale of each distinct controller), as getExpectedScale does.
function expectedScale(sync: Sync, pods: Pod[]): number {
  const seen = new Map<string, number>()
  for (const pod of pods) {
    const owner = pod.metadata.ownerReferences?.find((r) => r.controller)
    if (!owner) {
      seen.set(pod.metadata.uid, 1)
      continue
    }
    let top: KObj | undefined
    const ns = pod.metadata.namespace ?? ''
    const find = (kind: string, name: string): KObj | undefined => {
      const r = sync.api.resources.all().find((x) => x.kind === kind && !x.custom)
      return r ? sync.api.store.get(r, ns, name)?.obj : undefined
    }
    top = find(owner.kind, owner.name)
    const up = top?.metadata.ownerReferences?.find((r) => r.controller && r.kind === 'Deployment')
    if (owner.kind === 'ReplicaSet' && up) top = find('Deployment', up.name) ?? top
    const spec = top && isRecord(top.spec) ? top.spec : {}
    seen.set(top?.metadata.uid ?? owner.uid, typeof spec.replicas === 'number' ? spec.replicas : 1)
  }
  let sum = 0
  for (const n of seen.values()) sum += n
  return sum
}

export function pdbStatus(sync: Sync, pdb: KObj): Record<string, unknown> {
  const { api } = sync
  const ns = pdb.metadata.namespace ?? ''
  const spec = isRecord(pdb.spec) ? pdb.spec : {}
  const prev = isRecord(pdb.status) ? pdb.status : {}
  const pods = api.store
    .list(resourceByKind('Pod'), ns)
    .map((e) => e.obj as Pod)
    .filter((p) => pdbSelects(pdb, p))
  let expected: number
  let desired: number
  if (spec.maxUnavailable !== undefined) {
    expected = expectedScale(sync, pods)
    desired = Math.max(0, expected - intOrPercent(spec.maxUnavailable, expected, true))
  } else if (typeof spec.minAvailable === 'string') {
    expected = expectedScale(sync, pods)
    desired = intOrPercent(spec.minAvailable, expected, true)
  } else {
    expected = pods.length
    desired = typeof spec.minAvailable === 'number' ? spec.minAvailable : 0
  }
  // evictions the API allowed whose pods are not gone yet
  const now = sync.clock.now()
  const oldDisrupted = isRecord(prev.disruptedPods) ? prev.disruptedPods : {}
  const disrupted: Record<string, unknown> = {}
  for (const [name, at] of Object.entries(oldDisrupted)) {
    const pod = pods.find((p) => p.metadata.name === name)
    if (pod && !pod.metadata.deletionTimestamp && now - Date.parse(String(at)) < DELETION_TIMEOUT_MS)
      disrupted[name] = at
  }
  const healthy = pods.filter(
    (p) => isPodReady(p) && !p.metadata.deletionTimestamp && !(p.metadata.name in disrupted),
  ).length
  const allowed = Math.max(0, healthy - desired)
  const prevCondition = (Array.isArray(prev.conditions) ? prev.conditions : []).find(
    (c) => isRecord(c) && c.type === 'DisruptionAllowed',
  ) as Record<string, unknown> | undefined
  const ok = allowed > 0 ? 'True' : 'False'
  const status: Record<string, unknown> = {
    observedGeneration: pdb.metadata.generation ?? 1,
    ...(Object.keys(disrupted).length > 0 ? { disruptedPods: disrupted } : {}),
    disruptionsAllowed: allowed,
    currentHealthy: healthy,
    desiredHealthy: desired,
    expectedPods: expected,
    conditions: [
      {
        type: 'DisruptionAllowed',
        status: ok,
        observedGeneration: pdb.metadata.generation ?? 1,
        lastTransitionTime: prevCondition?.status === ok ? prevCondition.lastTransitionTime : api.timestamp(),
        reason: allowed > 0 ? 'SufficientPods' : 'InsufficientPods',
        message: '',
      },
    ],
  }
  return status
}

export function syncDisruptionBudget(sync: Sync, ns: string, name: string): void {
  const def = resourceByKind('PodDisruptionBudget')
  const pdb = sync.api.store.get(def, ns, name)?.obj
  if (!pdb) return
  const status = pdbStatus(sync, pdb)
  if (JSON.stringify(status) === JSON.stringify(pdb.status)) return
  sync.api.update(def, ns, name, { ...structuredClone(pdb), status }, { internal: true })
  if (status.disruptedPods) sync.after(`PodDisruptionBudget|${ns}|${name}`, DELETION_TIMEOUT_MS)
}

// The budgets a pod event may change.
export function budgetsSelecting(sync: Sync, pod: KObj, prev: KObj | undefined): string[] {
  const list = sync.api.store.list(resourceByKind('PodDisruptionBudget'), pod.metadata.namespace)
  if (list.length === 0) return []
  return list
    .filter((e) => pdbSelects(e.obj, pod) || (prev !== undefined && pdbSelects(e.obj, prev)))
    .map((e) => e.obj.metadata.name)
}
