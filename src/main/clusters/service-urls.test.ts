import { describe, expect, it } from 'vitest'
import type { IngressShape, NodeShape, ServiceShape } from './service-urls'
import { serviceUrls } from './service-urls'

const svc = (over: Partial<ServiceShape> = {}): ServiceShape => ({
  namespace: 'default',
  name: 'web',
  type: 'NodePort',
  ports: [{ name: 'http', port: 80, nodePort: 30080 }],
  loadBalancer: [],
  ...over,
})
const node: NodeShape = { address: '172.18.0.2', ingressReady: false }
const ingress = (over: Partial<IngressShape> = {}): IngressShape => ({
  name: 'web',
  loadBalancer: [],
  rules: [{ host: 'web.localhost', path: '/', service: 'web', tls: false }],
  ...over,
})

describe('service URLs from the cluster’s shape', () => {
  it('kind NodePort: the node address and the node port', () => {
    const r = serviceUrls('kind', svc(), [node], [])
    expect(r.urls).toEqual([
      expect.objectContaining({ url: 'http://172.18.0.2:30080', via: 'nodeport', label: 'http (80)' }),
    ])
  })

  it('kind ingress answers on localhost only when 80/443 are mapped (ingress-ready node)', () => {
    expect(
      serviceUrls('kind', svc({ type: 'ClusterIP', ports: [{ port: 80 }] }), [node], [ingress()]).urls,
    ).toEqual([])
    const mapped = serviceUrls(
      'kind',
      svc({ type: 'ClusterIP', ports: [{ port: 80 }] }),
      [{ ...node, ingressReady: true }],
      [ingress({ rules: [{ host: 'shop.example', path: '/api', service: 'web', tls: true }] })],
    )
    expect(mapped.urls).toEqual([
      {
        url: 'https://shop.example/api',
        via: 'ingress',
        label: 'ingress web',
        note: 'shop.example must resolve to 127.0.0.1 (add it to /etc/hosts)',
      },
    ])
  })

  it('an ingress with an address (sandbox, minikube) is trusted; other services’ rules are ignored', () => {
    const r = serviceUrls(
      'sandbox',
      svc({ type: 'ClusterIP', ports: [{ port: 80 }] }),
      [node],
      [
        ingress({
          loadBalancer: [{ hostname: 'localhost' }],
          rules: [
            { host: 'web.localhost', path: '/', service: 'web', tls: false },
            { host: 'other.localhost', path: '/', service: 'other', tls: false },
          ],
        }),
      ],
    )
    expect(r.urls.map((u) => u.url)).toEqual(['http://web.localhost/'])
  })

  it('the sandbox’s ingress controller answers on its own loopback port', () => {
    const r = serviceUrls(
      'sandbox',
      svc({ type: 'ClusterIP', ports: [{ port: 80 }] }),
      [node],
      [ingress({ loadBalancer: [{ hostname: 'localhost' }] })],
      { ingressPort: 41234 },
    )
    expect(r.urls.map((u) => u.url)).toEqual(['http://web.localhost:41234/'])
  })

  it('LoadBalancer addresses; minikube also suggests asking minikube', () => {
    const r = serviceUrls(
      'minikube',
      svc({ type: 'LoadBalancer', loadBalancer: [{ ip: '10.0.0.5' }] }),
      [node],
      [],
    )
    expect(r.urls.map((u) => `${u.via} ${u.url}`)).toEqual([
      'loadbalancer http://10.0.0.5:80',
      'nodeport http://172.18.0.2:30080',
    ])
    expect(r.notes.join(' ')).toContain('minikube service --url')
  })

  it('a ClusterIP Service with no ingress gets words, not a URL', () => {
    const r = serviceUrls('kind', svc({ type: 'ClusterIP', ports: [{ port: 80 }] }), [node], [])
    expect(r.urls).toEqual([])
    expect(r.notes).toEqual([
      'default/web is a ClusterIP Service: reach it with a port-forward, a NodePort, or an Ingress.',
    ])
  })

  it('simulated sandbox nodes have no routable address: no NodePort URL', () => {
    expect(serviceUrls('sandbox', svc(), [node], []).urls).toEqual([])
  })
})
