import {
  CoreV1Api,
  NetworkingV1Api,
  type KubeConfig,
  type V1Ingress,
  type V1Node,
  type V1Service,
} from '@kubernetes/client-node'
import type { ServiceSummary } from '@shared/contract/dev-loop'
import type { IngressShape, NodeShape, ServiceShape } from './service-urls'

// Reads the objects service-urls.ts needs and narrows them to plain shapes.
export function serviceShape(s: V1Service): ServiceShape {
  return {
    namespace: s.metadata?.namespace ?? 'default',
    name: s.metadata?.name ?? '',
    type: s.spec?.type ?? 'ClusterIP',
    ports: (s.spec?.ports ?? []).map((p) => ({
      ...(p.name ? { name: p.name } : {}),
      port: p.port,
      ...(p.nodePort ? { nodePort: p.nodePort } : {}),
    })),
    loadBalancer: (s.status?.loadBalancer?.ingress ?? []).map((i) => ({
      ...(i.ip ? { ip: i.ip } : {}),
      ...(i.hostname ? { hostname: i.hostname } : {}),
    })),
  }
}

export function nodeShape(n: V1Node): NodeShape {
  const address = n.status?.addresses?.find((a) => a.type === 'InternalIP')?.address
  return { ...(address ? { address } : {}), ingressReady: n.metadata?.labels?.['ingress-ready'] === 'true' }
}

export function ingressShape(i: V1Ingress): IngressShape {
  const tlsHosts = new Set((i.spec?.tls ?? []).flatMap((t) => t.hosts ?? []))
  const rules = (i.spec?.rules ?? []).flatMap((r) =>
    (r.http?.paths ?? []).flatMap((p) => {
      const service = p.backend.service?.name
      if (!service) return []
      return [
        {
          ...(r.host ? { host: r.host } : {}),
          path: p.path ?? '/',
          service,
          tls: !!r.host && tlsHosts.has(r.host),
        },
      ]
    }),
  )
  const fallback = i.spec?.defaultBackend?.service?.name
  if (fallback) rules.push({ path: '/', service: fallback, tls: false })
  return {
    name: i.metadata?.name ?? '',
    loadBalancer: (i.status?.loadBalancer?.ingress ?? []).map((x) => ({
      ...(x.ip ? { ip: x.ip } : {}),
      ...(x.hostname ? { hostname: x.hostname } : {}),
    })),
    rules,
  }
}

export async function readServiceWorld(
  kc: KubeConfig,
  namespace: string,
  name: string,
): Promise<{ service: ServiceShape; nodes: NodeShape[]; ingresses: IngressShape[] }> {
  const core = kc.makeApiClient(CoreV1Api)
  const service = serviceShape(await core.readNamespacedService({ name, namespace }))
  const nodes = (await core.listNode()).items.map(nodeShape)
  // A cluster without networking.k8s.io Ingress simply has no ingress URLs.
  const ingresses = await kc
    .makeApiClient(NetworkingV1Api)
    .listNamespacedIngress({ namespace })
    .then((l) => l.items.map(ingressShape))
    .catch(() => [])
  return { service, nodes, ingresses }
}

export async function listServices(kc: KubeConfig): Promise<ServiceSummary[]> {
  const list = await kc.makeApiClient(CoreV1Api).listServiceForAllNamespaces()
  return list.items
    .map((s) => ({
      namespace: s.metadata?.namespace ?? 'default',
      name: s.metadata?.name ?? '',
      type: s.spec?.type ?? 'ClusterIP',
      ports: (s.spec?.ports ?? [])
        .map((p) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ''}/${p.protocol ?? 'TCP'}`)
        .join(', '),
    }))
    .sort((a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name))
}
