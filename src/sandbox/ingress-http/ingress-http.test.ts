import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { KObj } from '../types'
import { startIngressServer, type IngressServer } from './ingress-server'
import { resolve } from './resolve'

const meta = (name: string, namespace = 'default'): KObj['metadata'] => ({
  name,
  namespace,
  uid: name,
  resourceVersion: '1',
  creationTimestamp: '2026-01-01T00:00:00Z',
})
const ingress = (name: string, spec: unknown, admitted = true): KObj => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'Ingress',
  metadata: meta(name),
  spec,
  status: { loadBalancer: { ingress: admitted ? [{ hostname: 'localhost' }] : [] } },
})
const rule = (host: string | undefined, path: string, service: string): unknown => ({
  ...(host ? { host } : {}),
  http: {
    paths: [{ path, pathType: 'Prefix', backend: { service: { name: service, port: { number: 80 } } } }],
  },
})
const endpoints = (name: string, pod?: string): KObj => ({
  apiVersion: 'v1',
  kind: 'Endpoints',
  metadata: meta(name),
  subsets: pod ? [{ addresses: [{ ip: '10.244.0.5', targetRef: { kind: 'Pod', name: pod } }] }] : [],
})
const pod = (name: string, image: string): KObj => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: meta(name),
  spec: { containers: [{ name: 'main', image }] },
})

const world = {
  ingresses: [
    ingress('shop', { rules: [rule('shop.localhost', '/', 'shop'), rule('shop.localhost', '/api', 'api')] }),
    ingress('catchall', { defaultBackend: { service: { name: 'down', port: { number: 80 } } } }),
    ingress('pending', { rules: [rule('late.localhost', '/', 'shop')] }, false),
  ],
  endpoints: [endpoints('shop', 'shop-1'), endpoints('api', 'api-1'), endpoints('down')],
  pods: [pod('shop-1', 'skiff-demo/app:dev'), pod('api-1', 'skiff-demo/api:1')],
}

describe('ingress routing', () => {
  it('host and the longest prefix pick the backend; the pod behind a ready endpoint answers', () => {
    expect(resolve(world, 'shop.localhost:8080', '/')).toMatchObject({ status: 200, pod: 'shop-1' })
    expect(resolve(world, 'shop.localhost', '/api/items')).toMatchObject({ status: 200, pod: 'api-1' })
    expect(resolve(world, 'shop.localhost', '/apix')).toMatchObject({ status: 200, pod: 'shop-1' })
  })

  it('no ready endpoint is 503; a host nobody serves falls to the default backend; not admitted is unknown', () => {
    expect(resolve(world, 'other.localhost', '/')).toEqual({
      status: 503,
      ingress: 'catchall',
      service: 'default/down',
    })
    expect(resolve({ ...world, ingresses: [world.ingresses[2] as KObj] }, 'late.localhost', '/')).toEqual({
      status: 404,
    })
  })
})

// fetch() will not send another Host header; node:http does, as a browser resolving *.localhost would.
function get(port: number, host: string): Promise<{ status: number; header?: string; body: string }> {
  return new Promise((ok, fail) => {
    const req = request({ port, host: '127.0.0.1', path: '/', headers: { host } }, (res) => {
      let body = ''
      res.on('data', (c: Buffer) => (body += c.toString()))
      res.on('end', () => {
        const header = res.headers['x-skiff-simulated']
        ok({ status: res.statusCode ?? 0, body, ...(typeof header === 'string' ? { header } : {}) })
      })
    })
    req.on('error', fail)
    req.end()
  })
}

describe('the ingress server', () => {
  let server: IngressServer
  beforeAll(async () => {
    server = await startIngressServer(() => world)
  })
  afterAll(() => server.close())

  it('answers on loopback with the simulated backend, or nginx’s error pages', async () => {
    const ok = await get(server.port, 'shop.localhost')
    expect(ok).toMatchObject({ status: 200, header: 'true' })
    expect(ok.body).toContain('Hello from shop-1 (image skiff-demo/app:dev)')
    const down = await get(server.port, 'other.localhost')
    expect(down.status).toBe(503)
    expect(down.body).toContain('<center><h1>503 Service Temporarily Unavailable</h1></center>')
  })
})
