import { deleteObject } from '../api/deletion'
import { deepEqual } from '../api/deep-equal'
import { resourceByKind } from '../api/resources'
import type { KObj, Pod } from '../types'
import type { DaemonSet } from '../types-apps'
import { templateHash } from './deployment-util'
import { daemonPod, daemonTolerations } from './daemonset-pod'
import { ensureRevision, revisionData, revisionsOf, templateOf, truncateHistory } from './history'
import type { Sync } from './index'
import { isPodReady, ownedBy } from './owned'
import { fitsNodeSelector, pinnedNode, untoleratedTaints } from './scheduler-fit'

// DaemonSet controller (pkg/controller/daemon): one pod on every node the template fits (nodeSelector,
// node affinity, taints against its tolerations), RollingUpdate by maxUnavailable or maxSurge, OnDelete,
// ControllerRevisions named after the template hash, and the status `kubectl rollout status` reads.
const dsDef = resourceByKind('DaemonSet')
const podDef = resourceByKind('Pod')
const nodeDef = resourceByKind('Node')
const HASH = 'controller-revision-hash'
const TEMPLATE_GENERATION = 'deprecated.daemonset.template.generation'

// A new daemon pod needs NoSchedule and NoExecute taints tolerated; a running one only NoExecute.
function fits(ds: DaemonSet, node: KObj, effects: string[]): boolean {
  const spec = ds.spec.template.spec as Record<string, unknown>
  if (!fitsNodeSelector(spec, node)) return false
  return untoleratedTaints(daemonTolerations(spec), node, effects).length === 0
}

function scaled(value: number | string | undefined, total: number, fallback: number): number {
  if (value === undefined) return fallback
  if (typeof value === 'number') return value
  if (value.endsWith('%')) return Math.ceil((Number(value.slice(0, -1)) * total) / 100)
  return Number(value)
}

export function syncDaemonSet(sync: Sync, ns: string, name: string): void {
  const { api } = sync
  const entry = api.store.get(dsDef, ns, name)
  if (!entry || entry.obj.metadata.deletionTimestamp) return
  let ds = entry.obj as DaemonSet
  const generation = String(ds.metadata.generation ?? 1)
  if (ds.metadata.annotations?.[TEMPLATE_GENERATION] !== generation) {
    const next = structuredClone(ds)
    next.metadata.annotations = { ...next.metadata.annotations, [TEMPLATE_GENERATION]: generation }
    ds = api.update(dsDef, ns, name, next, { internal: true }) as DaemonSet
  }
  const hash = templateHash(ds.spec.template, ds.status?.collisionCount)
  const revisions = revisionsOf(sync, ds)
  const current = ensureRevision(sync, ds, revisions, revisionData(ds.spec.template), `${name}-${hash}`, {
    ...ds.spec.template.metadata?.labels,
    [HASH]: hash,
  })
  const template = templateOf(current) ?? ds.spec.template
  const now = sync.clock.now()
  const minReady = (ds.spec.minReadySeconds ?? 0) * 1000
  const available = (pod: Pod): boolean => {
    if (!isPodReady(pod)) return false
    const since = pod.status.conditions?.find((c) => c.type === 'Ready')?.lastTransitionTime
    return minReady === 0 || !since || Date.parse(since) + minReady <= now
  }
  const isNew = (pod: Pod): boolean => pod.metadata.labels?.[HASH] === hash

  const create = (node: string): void => {
    const pod = api.create(podDef, ns, daemonPod(ds, template, node, hash), { internal: true })
    const message = `Created pod: ${pod.metadata.name}`
    sync.events.record(ds, 'Normal', 'SuccessfulCreate', message, 'daemonset-controller')
  }
  const remove = (pod: Pod): void => {
    deleteObject(api, podDef, ns, pod.metadata.name, {})
    const message = `Deleted pod: ${pod.metadata.name}`
    sync.events.record(ds, 'Normal', 'SuccessfulDelete', message, 'daemonset-controller')
  }

  const byNode = new Map<string, Pod[]>()
  for (const pod of ownedBy(api, 'Pod', ds) as Pod[]) {
    if (pod.metadata.deletionTimestamp) continue
    const node = pod.spec.nodeName ?? pinnedNode(pod.spec) ?? ''
    if (pod.status?.phase === 'Failed') {
      const message = `Found failed daemon pod ${ns}/${pod.metadata.name} on node ${node}, will try to kill it`
      sync.events.record(ds, 'Warning', 'FailedDaemonPod', message, 'daemonset-controller')
      remove(pod)
      continue
    }
    byNode.set(node, [...(byNode.get(node) ?? []), pod])
  }
  const nodes = api.store.list(nodeDef).map((e) => e.obj)
  const wanted = nodes.filter((n) => fits(ds, n, ['NoSchedule', 'NoExecute']))
  const wantedNames = new Set(wanted.map((n) => n.metadata.name))
  const keep = new Set(nodes.filter((n) => fits(ds, n, ['NoExecute'])).map((n) => n.metadata.name))
  for (const [node, pods] of byNode) if (!keep.has(node)) for (const pod of pods) remove(pod)
  for (const node of wanted) if (!byNode.has(node.metadata.name)) create(node.metadata.name)

  const strategy = ds.spec.updateStrategy
  if ((strategy?.type ?? 'RollingUpdate') === 'RollingUpdate') {
    const total = wanted.length
    const surge = scaled(strategy?.rollingUpdate?.maxSurge, total, 0)
    const maxUnavailable = scaled(strategy?.rollingUpdate?.maxUnavailable, total, surge > 0 ? 0 : 1)
    let unavailable = 0
    let surging = 0
    const candidates: Array<{ node: string; old: Pod }> = []
    for (const node of wanted) {
      const pods = byNode.get(node.metadata.name) ?? []
      const fresh = pods.find(isNew)
      const old = pods.filter((p) => !isNew(p))
      if (pods.length === 0) unavailable++
      else if (fresh && old.length === 0) unavailable += available(fresh) ? 0 : 1
      else if (fresh) {
        if (available(fresh)) for (const p of old) remove(p)
        else surging++
      } else if (old.some(available)) candidates.push({ node: node.metadata.name, old: old[0] as Pod })
      else {
        unavailable++
        for (const p of old) remove(p)
      }
    }
    if (surge > 0) for (const c of candidates.slice(0, Math.max(0, surge - surging))) create(c.node)
    else for (const c of candidates.slice(0, Math.max(0, maxUnavailable - unavailable))) remove(c.old)
  }
  writeStatus(sync, ds, wanted.length, byNode, wantedNames, isNew, available)
  const live = new Set([current.metadata.name])
  for (const pods of byNode.values()) for (const p of pods) live.add(`${name}-${p.metadata.labels?.[HASH]}`)
  truncateHistory(sync, revisionsOf(sync, ds), live, ds.spec.revisionHistoryLimit ?? 10)
  // minReadySeconds: look again when the newest ready pod becomes available
  if (minReady > 0) sync.after(`DaemonSet|${ns}|${name}`, minReady)
}

function writeStatus(
  sync: Sync,
  ds: DaemonSet,
  desired: number,
  byNode: Map<string, Pod[]>,
  wanted: Set<string>,
  isNew: (pod: Pod) => boolean,
  available: (pod: Pod) => boolean,
): void {
  let current = 0
  let misscheduled = 0
  let ready = 0
  let updated = 0
  let avail = 0
  for (const [node, pods] of byNode) {
    if (!wanted.has(node)) {
      misscheduled++
      continue
    }
    current++
    const pod = pods.find(isNew) ?? pods[0]
    if (!pod) continue
    if (isPodReady(pod)) ready++
    if (available(pod)) avail++
    if (isNew(pod)) updated++
  }
  const status: NonNullable<DaemonSet['status']> = {
    currentNumberScheduled: current,
    numberMisscheduled: misscheduled,
    desiredNumberScheduled: desired,
    numberReady: ready,
    observedGeneration: ds.metadata.generation ?? 1,
    ...(updated ? { updatedNumberScheduled: updated } : {}),
    ...(avail ? { numberAvailable: avail } : {}),
    ...(desired - avail > 0 ? { numberUnavailable: desired - avail } : {}),
  }
  if (deepEqual(status, ds.status)) return
  const ns = ds.metadata.namespace ?? ''
  sync.api.update(
    dsDef,
    ns,
    ds.metadata.name,
    { ...structuredClone(ds), status },
    {
      internal: true,
      subresource: 'status',
    },
  )
}
