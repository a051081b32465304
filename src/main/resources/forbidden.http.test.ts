import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { KubeConfig } from '@kubernetes/client-node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiError, type ApiCatalog } from '@shared/contract'
import { createApiService } from './api-service'
import { createCatalogService } from './catalog'

// A tiny API server that lets the user list leases but not secrets, as kube-apiserver with RBAC would say it.
const forbiddenText =
  'secrets is forbidden: User "dev" cannot list resource "secrets" in API group "" in the namespace "default"'

const discovery = (items: unknown[]): string =>
  JSON.stringify({ kind: 'APIGroupDiscoveryList', apiVersion: 'apidiscovery.k8s.io/v2', items })

const resource = (plural: string, kind: string) => ({
  resource: plural,
  responseKind: { group: '', version: '', kind },
  scope: 'Namespaced',
  singularResource: kind.toLowerCase(),
  verbs: ['get', 'list', 'watch'],
})

let server: Server
let kc: KubeConfig

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x')
    const json = (status: number, body: string): void => {
      res.writeHead(status, { 'Content-Type': 'application/json' })
      res.end(body)
    }
    if (url.pathname === '/api')
      return json(
        200,
        discovery([
          {
            metadata: { name: '' },
            versions: [{ version: 'v1', resources: [resource('secrets', 'Secret')] }],
          },
        ]),
      )
    if (url.pathname === '/apis') return json(200, discovery([]))
    if (url.pathname.endsWith('/secrets'))
      return json(
        403,
        JSON.stringify({
          kind: 'Status',
          apiVersion: 'v1',
          status: 'Failure',
          message: forbiddenText,
          reason: 'Forbidden',
          code: 403,
        }),
      )
    return json(404, JSON.stringify({ kind: 'Status', code: 404, message: 'not found', reason: 'NotFound' }))
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  kc = new KubeConfig()
  kc.loadFromOptions({
    clusters: [
      {
        name: 'rbac',
        server: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        skipTLSVerify: true,
      },
    ],
    users: [{ name: 'dev', token: 't' }],
    contexts: [{ name: 'rbac', cluster: 'rbac', user: 'dev' }],
    currentContext: 'rbac',
  })
})

afterAll(() => new Promise<void>((r) => server.close(() => r())))

describe('a kind the user may not list', () => {
  it('ends its watch with the server’s reason and is marked forbidden in the catalog', async () => {
    const getKubeConfig = (): Promise<KubeConfig> => Promise.resolve(kc)
    const catalog = createCatalogService({ getKubeConfig, pollMs: 3_600_000 })
    const svc = createApiService({ getKubeConfig, catalog })
    const catalogAbort = new AbortController()
    const catalogs: ApiCatalog[] = []
    const reading = (async () => {
      for await (const c of catalog.stream(undefined, catalogAbort.signal)) catalogs.push(c)
    })()
    const until = async (check: () => boolean): Promise<void> => {
      const deadline = Date.now() + 20_000
      while (!check()) {
        // A failed catalog stream ends the wait with its error rather than a time-out.
        await Promise.race([reading, new Promise((r) => setTimeout(r, 10))])
        if (Date.now() > deadline) throw new Error('timed out')
      }
    }
    const secrets = (c: ApiCatalog | undefined) => c?.kinds.find((k) => k.id === 'secrets')
    await until(() => catalogs[0] !== undefined)
    expect(secrets(catalogs[0])).toMatchObject({ category: 'config' })
    expect(secrets(catalogs[0])?.forbidden).toBeUndefined()

    const watchAbort = new AbortController()
    let failure: unknown
    try {
      for await (const _ of svc.watch(
        { group: '', version: 'v1', resource: 'secrets', namespaces: ['default'] },
        watchAbort.signal,
      )) {
        // no rows: the first list is refused
      }
    } catch (err) {
      failure = err
    }
    expect(failure).toBeInstanceOf(ApiError)
    expect(failure).toMatchObject({ code: 'Forbidden', message: forbiddenText })

    await until(() => secrets(catalogs[catalogs.length - 1])?.forbidden !== undefined)
    expect(secrets(catalogs[catalogs.length - 1])?.forbidden).toBe(forbiddenText)
    catalogAbort.abort()
    await reading
    svc.close()
  })
})
