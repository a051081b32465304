import { stringify } from 'yaml'
import { ApiError } from '@shared/contract'
import type { ObjectRef } from '@shared/contract/resources'
import type { EventRow, ResourceKind } from '@shared/rows'
import { collectionPath, isNamespaced, kindInfo, objectPath } from './kinds'
import type { KubeGet } from './kube-request'
import { eventRow } from './rows/event-row'
import type { WireEvent, WireObject } from './rows/wire'
import { deploymentEvents } from './workload-events'

/** The namespace a ref needs: required for namespaced kinds, dropped for cluster-scoped ones. */
export function refNamespace(ref: { kind: ResourceKind; namespace?: string }): string | undefined {
  if (!isNamespaced(ref.kind)) return undefined
  if (!ref.namespace) throw new ApiError('BadInput', `Say which namespace the ${ref.kind} is in.`)
  return ref.namespace
}

export async function readObject(get: KubeGet, ref: ObjectRef): Promise<WireObject> {
  return (await get(objectPath(ref.kind, refNamespace(ref), ref.name))) as WireObject
}

/** YAML as `kubectl get -o yaml` shows it, without managedFields; secret values stay hidden until revealed. */
export function objectYaml(obj: WireObject, kind: ResourceKind): string {
  const { managedFields: _managed, ...metadata } = (obj.metadata ?? {}) as Record<string, unknown>
  const copy: Record<string, unknown> = { ...obj, metadata }
  if (kind === 'secrets') {
    for (const field of ['data', 'stringData']) {
      const data = copy[field]
      if (data && typeof data === 'object') {
        copy[field] = Object.fromEntries(Object.keys(data).map((k) => [k, '(hidden: use reveal)']))
      }
    }
  }
  return stringify(copy, { lineWidth: 0 })
}

/** Events about one object, newest first (`kubectl describe`'s Events, as rows). */
export async function objectEvents(get: KubeGet, ref: ObjectRef): Promise<EventRow[]> {
  const ns = refNamespace(ref)
  if (ref.kind === 'deployments' && ns) return deploymentEvents(get, ns, ref.name)
  const selector = [`involvedObject.kind=${kindInfo[ref.kind].kind}`, `involvedObject.name=${ref.name}`]
  if (ns) selector.push(`involvedObject.namespace=${ns}`)
  // Events about cluster-scoped objects (nodes) live in whichever namespace the reporter chose.
  const list = (await get(collectionPath('events', ns), { fieldSelector: selector.join(',') })) as {
    items?: WireEvent[]
  }
  return (list.items ?? [])
    .map(eventRow)
    .sort((a, b) => (a.lastSeen < b.lastSeen ? 1 : a.lastSeen > b.lastSeen ? -1 : 0))
}
