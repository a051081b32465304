import { deepEqual } from '../api/deep-equal'
import type { ObjectApi } from '../api/objects'
import { resourceByKind } from '../api/resources'
import type { KObj, Pod, Service } from '../types'
import type { Sync } from './index'
import { controllerRef, isPodReady } from './owned'
import { fnv32a, safeEncode } from '../api/names'

// Endpoints controller: a Service's Endpoints list the IPs of the pods its selector matches.
function selects(svc: Service, labels: Record<string, string> | undefined): boolean {
  const sel = svc.spec.selector
  if (!sel || Object.keys(sel).length === 0) return false
  return Object.entries(sel).every(([k, v]) => labels?.[k] === v)
}

export function servicesSelecting(api: ObjectApi, pod: KObj, prev: KObj | undefined): string[] {
  const ns = pod.metadata.namespace
  const out: string[] = []
  for (const e of api.store.list(resourceByKind('Service'), ns)) {
    const svc = e.obj as Service
    if (selects(svc, pod.metadata.labels) || (prev && selects(svc, prev.metadata.labels)))
      out.push(svc.metadata.name)
  }
  return out
}

export function syncEndpoints(sync: Sync, ns: string, name: string): void {
  const { api } = sync
  const epDef = resourceByKind('Endpoints')
  const existing = api.store.get(epDef, ns, name)
  const svcEntry = api.store.get(resourceByKind('Service'), ns, name)
  const sliceDef = resourceByKind('EndpointSlice')
  const sliceName = `${name}-${safeEncode(fnv32a(`${ns}/${name}`)).slice(0, 5)}`
  if (!svcEntry) {
    if (existing) api.store.remove(epDef, ns, name)
    if (api.store.get(sliceDef, ns, sliceName)) api.store.remove(sliceDef, ns, sliceName)
    return
  }
  const svc = svcEntry.obj as Service
  if (!svc.spec.selector || Object.keys(svc.spec.selector).length === 0) return
  const ready: Array<Record<string, unknown>> = []
  const notReady: Array<Record<string, unknown>> = []
  for (const e of api.store.list(resourceByKind('Pod'), ns)) {
    const pod = e.obj as Pod
    if (!pod.status.podIP || pod.metadata.deletionTimestamp || !selects(svc, pod.metadata.labels)) continue
    const address = {
      ip: pod.status.podIP,
      nodeName: pod.spec.nodeName,
      targetRef: { kind: 'Pod', namespace: ns, name: pod.metadata.name, uid: pod.metadata.uid },
    }
    ;(isPodReady(pod) ? ready : notReady).push(address)
  }
  const ports = (svc.spec.ports ?? []).map((p) => ({
    name: p.name ?? '',
    port: typeof p.targetPort === 'number' ? p.targetPort : p.port,
    protocol: p.protocol ?? 'TCP',
  }))
  const subsets =
    ready.length + notReady.length === 0
      ? []
      : [
          {
            ...(ready.length > 0 ? { addresses: ready } : {}),
            ...(notReady.length > 0 ? { notReadyAddresses: notReady } : {}),
            ports,
          },
        ]
  writeSlice(api, svc, sliceName, [...ready, ...notReady.map((a) => ({ ...a, notReady: true }))], ports)
  if (existing && deepEqual(existing.obj.subsets ?? [], subsets)) return
  const body = { metadata: { name, namespace: ns, labels: { ...svc.metadata.labels } }, subsets }
  if (existing) api.update(epDef, ns, name, { ...structuredClone(existing.obj), subsets }, { internal: true })
  else api.create(epDef, ns, body, { internal: true })
}

// discovery.k8s.io/v1 EndpointSlice, which `kubectl describe service` reads for its Endpoints line.
function writeSlice(
  api: ObjectApi,
  svc: Service,
  sliceName: string,
  addresses: Array<Record<string, unknown>>,
  ports: Array<Record<string, unknown>>,
): void {
  const ns = svc.metadata.namespace ?? ''
  const sliceDef = resourceByKind('EndpointSlice')
  const endpoints = addresses.map((a) => ({
    addresses: [a.ip],
    conditions: { ready: !a.notReady, serving: !a.notReady, terminating: false },
    nodeName: a.nodeName,
    targetRef: a.targetRef,
  }))
  const existing = api.store.get(sliceDef, ns, sliceName)
  if (existing && deepEqual(existing.obj.endpoints, endpoints) && deepEqual(existing.obj.ports, ports)) return
  const body = {
    metadata: {
      name: sliceName,
      namespace: ns,
      labels: {
        'kubernetes.io/service-name': svc.metadata.name,
        'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
      },
      ownerReferences: [{ ...controllerRef(svc) }],
    },
    addressType: 'IPv4',
    endpoints,
    ports,
  }
  if (existing)
    api.update(
      sliceDef,
      ns,
      sliceName,
      { ...structuredClone(existing.obj), endpoints, ports },
      { internal: true },
    )
  else api.create(sliceDef, ns, body, { internal: true })
}
