import { describe, expect, it } from 'vitest'
import type { V1EndpointSlice, V1Ingress, V1IngressClass, V1Service } from '@kubernetes/client-node'
import { resolveIngress, type IngressWorld } from './ingress-map'

const service = (name: string, ports: V1Service['spec'] = {}): V1Service => ({
  metadata: { name, namespace: 'shop' },
  spec: { selector: { app: name }, ...ports },
})
const slice = (svc: string, portName: string, endpoints: [string, boolean][]): V1EndpointSlice => ({
  metadata: { name: `${svc}-abc`, labels: { 'kubernetes.io/service-name': svc } },
  addressType: 'IPv4',
  ports: [{ name: portName, port: 8080 }],
  endpoints: endpoints.map(([pod, ready]) => ({
    addresses: ['10.0.0.1'],
    conditions: { ready },
    nodeName: 'node-1',
    targetRef: { kind: 'Pod', name: pod, namespace: 'shop' },
  })),
})
const nginx: V1IngressClass = {
  metadata: { name: 'nginx', annotations: { 'ingressclass.kubernetes.io/is-default-class': 'true' } },
  spec: { controller: 'k8s.io/ingress-nginx' },
}
const ingress = (spec: V1Ingress['spec'], address = true): V1Ingress => ({
  metadata: { name: 'front', namespace: 'shop' },
  spec,
  status: { loadBalancer: { ingress: address ? [{ hostname: 'localhost' }] : [] } },
})
const world = (ing: V1Ingress, over: Partial<IngressWorld> = {}): IngressWorld => ({
  ingress: ing,
  services: [
    service('web', { ports: [{ name: 'http', port: 80, targetPort: 8080 }] }),
    service('api', { ports: [{ port: 8080 }] }),
  ],
  slices: [
    slice('web', 'http', [
      ['web-b', true],
      ['web-a', false],
    ]),
    slice('api', '', []),
  ],
  classes: [nginx],
  secrets: new Map(),
  ...over,
})
const path = (
  host: string | undefined,
  p: string,
  svc: string,
  port: { number?: number; name?: string },
) => ({
  ...(host ? { host } : {}),
  http: { paths: [{ path: p, pathType: 'Prefix', backend: { service: { name: svc, port } } }] },
})

describe('resolveIngress', () => {
  it('follows a host/path to the Service port and the pods behind it, ready first', () => {
    const s = resolveIngress(
      world(
        ingress({ ingressClassName: 'nginx', rules: [path('shop.localhost', '/', 'web', { number: 80 })] }),
      ),
    )
    expect(s.className).toBe('nginx')
    expect(s.classFrom).toBe('spec')
    expect(s.controller).toBe('k8s.io/ingress-nginx')
    expect(s.addresses).toEqual(['localhost'])
    const only = s.paths[0]
    expect(only?.backend.service).toEqual({
      name: 'web',
      port: '80',
      exists: true,
      type: 'ClusterIP',
      resolvedPort: '80/TCP → 8080',
    })
    expect(only?.backend.pods.map((p) => [p.name, p.ready])).toEqual([
      ['web-b', true],
      ['web-a', false],
    ])
    expect(only?.backend.problem).toBeUndefined()
    expect(s.notes).toEqual([])
  })

  it('matches a port by name, and says plainly when the Service or the port does not exist', () => {
    const s = resolveIngress(
      world(
        ingress({
          rules: [
            path(undefined, '/a', 'web', { name: 'http' }),
            path(undefined, '/b', 'gone', { number: 80 }),
            path(undefined, '/c', 'web', { number: 9999 }),
            path(undefined, '/d', 'api', { number: 8080 }),
          ],
        }),
      ),
    )
    const [a, b, c, d] = s.paths
    expect(a?.backend.pods).toHaveLength(2)
    expect(b?.backend.service?.exists).toBe(false)
    expect(b?.backend.problem).toBe(
      'Service "gone" does not exist in namespace "shop": the controller answers 503 for this path.',
    )
    expect(c?.backend.problem).toBe(
      'Service "web" has no port 9999 (it has 80/TCP "http"): the controller answers 503 for this path.',
    )
    expect(d?.backend.problem).toBe('No pod matches Service "api"\'s selector: the controller answers 503.')
    // No class on the object: the cluster's default class is the one that serves it.
    expect(s.className).toBe('nginx')
    expect(s.classFrom).toBe('default')
  })

  it('offers sandbox URLs only once admitted, with a curl line for hosts that do not resolve locally', () => {
    const spec = {
      rules: [
        path('shop.localhost', '/', 'web', { number: 80 }),
        path('shop.example.com', '/api', 'web', { number: 80 }),
      ],
      defaultBackend: { service: { name: 'web', port: { number: 80 } } },
    }
    const s = resolveIngress(world(ingress(spec), { sandboxIngressPort: 4321 }))
    expect(s.paths.map((p) => p.url?.url)).toEqual([
      'http://shop.localhost:4321/',
      'http://shop.example.com:4321/api',
    ])
    expect(s.paths[1]?.url?.note).toContain("curl -H 'Host: shop.example.com' http://127.0.0.1:4321/api")
    expect(s.defaultBackend?.url?.url).toBe('http://localhost:4321/')
    const waiting = resolveIngress(world(ingress(spec, false), { sandboxIngressPort: 4321 }))
    expect(waiting.paths.every((p) => p.url === undefined)).toBe(true)
    expect(waiting.notes).toEqual([
      'No address yet: no ingress controller has admitted it. Is a controller for class "nginx" installed and running?',
    ])
  })

  it('names TLS secrets and whether they exist; reports a missing class', () => {
    const s = resolveIngress(
      world(
        ingress({
          ingressClassName: 'traefik',
          tls: [
            { hosts: ['a.example.com'], secretName: 'a-tls' },
            { hosts: ['b.example.com'], secretName: 'b-tls' },
          ],
          rules: [path('a.example.com', '/', 'web', { number: 80 })],
        }),
        { secrets: new Map([['a-tls', { state: 'found', type: 'kubernetes.io/tls' }]]) },
      ),
    )
    expect(s.tls).toEqual([
      { hosts: ['a.example.com'], secret: 'a-tls', secretState: 'found', secretType: 'kubernetes.io/tls' },
      { hosts: ['b.example.com'], secret: 'b-tls', secretState: 'unknown' },
    ])
    expect(s.notes[0]).toBe('IngressClass "traefik" does not exist: no controller will serve this ingress.')
  })

  it('shows a resource backend as is and says when nothing is routed', () => {
    const s = resolveIngress(
      world(
        ingress({
          defaultBackend: {
            resource: { apiGroup: 'k8s.example.com', kind: 'StorageBucket', name: 'assets' },
          },
        }),
      ),
    )
    expect(s.defaultBackend?.resource).toEqual({
      apiGroup: 'k8s.example.com',
      kind: 'StorageBucket',
      name: 'assets',
    })
    expect(resolveIngress(world(ingress({}), { classes: [] })).notes).toEqual([
      'No ingress class, and the cluster has no default one: no controller will serve this ingress.',
      'No rules and no default backend: it routes nothing.',
    ])
  })
})
