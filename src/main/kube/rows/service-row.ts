import type { ServiceRow } from '@shared/rows'
import { baseFields, formatLabels } from './base'
import type { WireService } from './wire'

/** PORT(S): `80/TCP`, `80:30080/TCP` with a node port, comma-joined; `<none>` without ports. */
export function servicePorts(svc: WireService): string {
  const ports = svc.spec?.ports ?? []
  if (!ports.length) return '<none>'
  return ports
    .map((p) => {
      const proto = p.protocol ?? 'TCP'
      return p.nodePort ? `${p.port}:${p.nodePort}/${proto}` : `${p.port}/${proto}`
    })
    .join(',')
}

/** EXTERNAL-IP as kubectl's getServiceExternalIP prints it with -o wide. */
export function serviceExternalIP(svc: WireService): string {
  const spec = svc.spec ?? {}
  const external = spec.externalIPs ?? []
  switch (spec.type ?? 'ClusterIP') {
    case 'ClusterIP':
    case 'NodePort':
      return external.length ? external.join(',') : '<none>'
    case 'LoadBalancer': {
      const ingress = (svc.status?.loadBalancer?.ingress ?? [])
        .map((i) => i.ip || i.hostname || '')
        .filter((s) => s !== '')
      const all = [...ingress, ...external]
      return all.length ? all.join(',') : '<pending>'
    }
    case 'ExternalName':
      return spec.externalName ?? ''
    default:
      return '<unknown>'
  }
}

export function serviceRow(svc: WireService): ServiceRow {
  const spec = svc.spec ?? {}
  const b = baseFields(svc)
  return {
    kind: 'services',
    key: b.key,
    name: b.name,
    namespace: b.namespace,
    uid: b.uid,
    createdAt: b.createdAt,
    labels: b.labels,
    deleting: b.deleting,
    type: spec.type ?? 'ClusterIP',
    clusterIP: spec.clusterIPs?.[0] ?? spec.clusterIP ?? '<none>',
    externalIP: serviceExternalIP(svc),
    ports: servicePorts(svc),
    selector: formatLabels(spec.selector),
  }
}
