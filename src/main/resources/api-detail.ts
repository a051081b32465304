import type { ApiCatalog, ApiDetail, ApiObjectRef } from '@shared/contract'
import type { WireCondition, WireMeta, WireObject } from '../kube/rows/wire'
import { ownerTarget } from './owner-targets'

interface WireFull extends WireObject {
  metadata?: WireMeta & { generation?: number; finalizers?: string[] }
  status?: { conditions?: WireCondition[] }
}

/** The summary of any object: metadata, labels, annotations, conditions and links to its owners. */
export function buildApiDetail(obj: WireObject, ref: ApiObjectRef, catalog?: ApiCatalog): ApiDetail {
  const o = obj as WireFull
  const m = o.metadata ?? {}
  const metadata: ApiDetail['metadata'] = []
  const add = (label: string, value: string | number | undefined): void => {
    if (value !== undefined && value !== '') metadata.push({ label, value: String(value) })
  }
  add('Name', m.name)
  add('Namespace', m.namespace)
  add('Kind', `${o.kind ?? ''} (${o.apiVersion ?? ''})`)
  add('Created', m.creationTimestamp)
  add('Deleting since', m.deletionTimestamp)
  add('Generation', m.generation)
  add('Finalizers', m.finalizers?.join(', '))
  add('UID', m.uid)
  const links: ApiDetail['links'] = []
  for (const owner of m.ownerReferences ?? []) {
    const target = ownerTarget(owner, m.namespace, catalog)
    if (target)
      links.push({
        relation: owner.controller ? 'Controlled by' : 'Owned by',
        ref: target,
        kind: owner.kind ?? '',
      })
  }
  const conditions = (Array.isArray(o.status?.conditions) ? o.status.conditions : []).map((c) => {
    const out: ApiDetail['conditions'][number] = { type: c.type ?? '', status: c.status ?? '' }
    if (c.reason) out.reason = c.reason
    if (c.message) out.message = c.message
    if (c.lastTransitionTime) out.lastTransition = c.lastTransitionTime
    return out
  })
  return {
    ref,
    kind: o.kind ?? '',
    apiVersion: o.apiVersion ?? '',
    metadata,
    labels: m.labels ?? {},
    annotations: m.annotations ?? {},
    conditions,
    links,
  }
}
