import type { KObj } from '../types'
import { isRecord } from '../types'
import type { ObjectApi } from './objects'
import type { ResourceDef } from './resources'
import { recheckRefusedCrds, removeCustomObjects } from '../crd/cleanup'
import { hasFinalizers, honoursFinalizers, markForDeletion } from '../crd/finalizers'
import { ApiError, conflict } from './status'
import { queryDryRun } from './query'

export interface DeleteOptions {
  propagationPolicy?: string
  gracePeriodSeconds?: number
  dryRun?: boolean
  preconditions?: { uid?: string; resourceVersion?: string }
}

export type DeleteResult = { kind: 'object'; obj: KObj } | { kind: 'status'; body: Record<string, unknown> }

const PROTECTED_NAMESPACES = new Set(['default', 'kube-system', 'kube-public'])

export function parseDeleteOptions(body: unknown, query: URLSearchParams): DeleteOptions {
  const opts: DeleteOptions = {}
  const b = isRecord(body) ? body : {}
  const policy = query.get('propagationPolicy') ?? b.propagationPolicy
  if (typeof policy === 'string') opts.propagationPolicy = policy
  if (b.orphanDependents === true) opts.propagationPolicy = 'Orphan'
  const grace = query.get('gracePeriodSeconds') ?? b.gracePeriodSeconds
  if (grace !== undefined && grace !== null && grace !== '') opts.gracePeriodSeconds = Number(grace)
  if (queryDryRun(query) || (Array.isArray(b.dryRun) && b.dryRun.includes('All'))) opts.dryRun = true
  if (isRecord(b.preconditions)) {
    const p = b.preconditions
    opts.preconditions = {
      ...(typeof p.uid === 'string' ? { uid: p.uid } : {}),
      ...(typeof p.resourceVersion === 'string' ? { resourceVersion: p.resourceVersion } : {}),
    }
  }
  return opts
}

// DELETE semantics: pods on a node and namespaces go through a terminating phase that controllers finish;
// everything else disappears at once and the garbage collector removes dependents.
export function deleteObject(
  api: ObjectApi,
  r: ResourceDef,
  ns: string,
  name: string,
  opts: DeleteOptions,
): DeleteResult {
  const current = api.get(r, ns, name)
  const pre = opts.preconditions
  if (pre?.uid && pre.uid !== current.metadata.uid) {
    throw conflict(
      r,
      name,
      `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${current.metadata.uid}`,
    )
  }
  if (pre?.resourceVersion && pre.resourceVersion !== current.metadata.resourceVersion) {
    throw conflict(
      r,
      name,
      `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in object meta: ${current.metadata.resourceVersion}`,
    )
  }
  if (r.kind === 'Namespace' && PROTECTED_NAMESPACES.has(name)) {
    throw new ApiError({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: `namespaces "${name}" is forbidden: this namespace may not be deleted`,
      reason: 'Forbidden',
      details: { name, kind: 'namespaces' },
      code: 403,
    })
  }
  if (opts.dryRun) return { kind: 'object', obj: current }
  if (honoursFinalizers(r) && hasFinalizers(current)) {
    return { kind: 'object', obj: markForDeletion(api.store, r, current, api.timestamp()) }
  }
  if (opts.propagationPolicy === 'Orphan') orphanDependents(api, current)
  const spec = isRecord(current.spec) ? current.spec : {}
  const graceful = r.kind === 'Pod' && typeof spec.nodeName === 'string' && opts.gracePeriodSeconds !== 0
  if (r.kind === 'Namespace' || graceful) {
    if (current.metadata.deletionTimestamp) return { kind: 'object', obj: current }
    const grace =
      r.kind === 'Pod' ? (opts.gracePeriodSeconds ?? Number(spec.terminationGracePeriodSeconds ?? 30)) : 0
    const next = structuredClone(current)
    next.metadata.deletionTimestamp = api.timestamp()
    if (r.kind === 'Pod') next.metadata.deletionGracePeriodSeconds = grace
    if (r.kind === 'Namespace')
      next.status = { ...(isRecord(next.status) ? next.status : {}), phase: 'Terminating' }
    return { kind: 'object', obj: api.store.put(r, next).obj }
  }
  if (r.kind === 'CustomResourceDefinition') removeCustomObjects(api, name)
  const removed = api.store.remove(r, ns, name)
  if (r.kind === 'CustomResourceDefinition' && isRecord(current.spec)) {
    recheckRefusedCrds(api, String(current.spec.group))
  }
  if (r.kind === 'Pod') return { kind: 'object', obj: removed?.obj ?? current }
  return {
    kind: 'status',
    body: {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Success',
      details: { name, ...(r.group ? { group: r.group } : {}), kind: r.plural, uid: current.metadata.uid },
    },
  }
}

function orphanDependents(api: ObjectApi, owner: KObj): void {
  for (const r of api.resources.all()) {
    if (!r.namespaced) continue
    for (const entry of api.store.list(r, owner.metadata.namespace)) {
      const refs = entry.obj.metadata.ownerReferences
      if (!refs?.some((ref) => ref.uid === owner.metadata.uid)) continue
      const next = structuredClone(entry.obj)
      next.metadata.ownerReferences = refs.filter((ref) => ref.uid !== owner.metadata.uid)
      if (next.metadata.ownerReferences.length === 0) delete next.metadata.ownerReferences
      api.store.put(r, next)
    }
  }
}
