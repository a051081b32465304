import type { ServiceUrl, ServiceUrls } from '@shared/contract/dev-loop'
import type { ProviderId } from './types'

// Works out which URLs reach a Service from this machine, from the objects alone (no tool runs here).
export interface ServiceShape {
  namespace: string
  name: string
  type: string
  ports: { name?: string; port: number; nodePort?: number }[]
  loadBalancer: { ip?: string; hostname?: string }[]
}

export interface NodeShape {
  address?: string
  /** kind's ingress guide labels the node whose ports 80/443 are mapped to the host. */
  ingressReady: boolean
}

export interface IngressShape {
  name: string
  loadBalancer: { ip?: string; hostname?: string }[]
  rules: { host?: string; path: string; service: string; tls: boolean }[]
}

const portLabel = (p: { name?: string; port: number }): string =>
  p.name ? `${p.name} (${p.port})` : String(p.port)
const resolvesLocally = (host: string): boolean => host === 'localhost' || host.endsWith('.localhost')

function ingressUrls(
  provider: ProviderId,
  svc: ServiceShape,
  nodes: NodeShape[],
  ingresses: IngressShape[],
  ingressPort: number | undefined,
): ServiceUrl[] {
  const mapped = nodes.some((n) => n.ingressReady)
  const urls: ServiceUrl[] = []
  for (const ing of ingresses) {
    const address = ing.loadBalancer[0]?.hostname ?? ing.loadBalancer[0]?.ip
    // On kind the controller answers on localhost only when 80/443 are mapped; elsewhere trust its address.
    const reachable = provider === 'kind' ? mapped : address !== undefined
    if (!reachable) continue
    for (const rule of ing.rules.filter((r) => r.service === svc.name)) {
      const host = rule.host ?? (provider === 'kind' ? 'localhost' : (address ?? 'localhost'))
      // The sandbox's controller answers plain HTTP on its own loopback port.
      const scheme = rule.tls && ingressPort === undefined ? 'https' : 'http'
      const port = ingressPort === undefined ? '' : `:${ingressPort}`
      const url: ServiceUrl = {
        url: `${scheme}://${host}${port}${rule.path}`,
        via: 'ingress',
        label: `ingress ${ing.name}`,
      }
      if (rule.host && !resolvesLocally(rule.host) && (provider === 'kind' || address === 'localhost'))
        url.note = `${rule.host} must resolve to 127.0.0.1 (add it to /etc/hosts)`
      urls.push(url)
    }
  }
  return urls
}

export function serviceUrls(
  provider: ProviderId,
  svc: ServiceShape,
  nodes: NodeShape[],
  ingresses: IngressShape[],
  options: { ingressPort?: number } = {},
): ServiceUrls {
  const urls: ServiceUrl[] = ingressUrls(provider, svc, nodes, ingresses, options.ingressPort)
  const notes: string[] = []
  for (const lb of svc.type === 'LoadBalancer' ? svc.loadBalancer : []) {
    const host = lb.ip ?? lb.hostname
    if (host)
      for (const p of svc.ports)
        urls.push({ url: `http://${host}:${p.port}`, via: 'loadbalancer', label: portLabel(p) })
  }
  const nodePorts = svc.ports.filter((p) => p.nodePort !== undefined)
  const address = nodes.find((n) => n.address)?.address
  if (nodePorts.length > 0 && provider !== 'sandbox' && address) {
    for (const p of nodePorts) {
      const url: ServiceUrl = { url: `http://${address}:${p.nodePort}`, via: 'nodeport', label: portLabel(p) }
      // Node containers sit on the engine's bridge: routable from a Linux host, not through Docker Desktop's VM.
      url.note =
        provider === 'minikube'
          ? 'With the docker driver on macOS or Windows, use "Ask minikube" (it opens a tunnel).'
          : 'Reachable on Linux hosts; with Docker Desktop use a port-forward instead.'
      urls.push(url)
    }
  }
  if (provider === 'minikube') notes.push('minikube can work the URL out itself: `minikube service --url`.')
  if (urls.length === 0) {
    notes.push(
      svc.type === 'ClusterIP'
        ? `${svc.namespace}/${svc.name} is a ClusterIP Service: reach it with a port-forward, a NodePort, or an Ingress.`
        : `${svc.namespace}/${svc.name} has no address reachable from this machine yet.`,
    )
  }
  return { urls, notes }
}
