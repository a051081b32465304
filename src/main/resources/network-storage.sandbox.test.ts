import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { networkStorageMethods } from '@shared/contract/network-storage'
import type { ClaimState, IngressState } from '@shared/contract'
import { eventually, startFixture, type SandboxFixture } from '../../../test/support/sandbox-fixture'
import { createNetworkStorageHandlers } from '../handlers/network-storage'

// Ingress → Service → pods and claim ↔ volume ↔ class ↔ pods, read from a sandbox through the handlers.

let f: SandboxFixture

beforeAll(async () => {
  f = await startFixture('net-storage', 50)
})
afterAll(async () => {
  await f?.stop()
})

const methods = () =>
  createNetworkStorageHandlers({
    getKubeConfig: f.deps.getKubeConfig,
    sandboxIngressPort: (_context, server) => (server === f.sandbox.url ? f.sandbox.ingressPort : undefined),
  }).methods
const call = <M extends keyof typeof networkStorageMethods>(m: M, input: unknown) =>
  methods()[m](networkStorageMethods[m].input.parse(input) as never)
const apply = (obj: object) => f.kubectl.run(['apply', '-f', '-'], { input: JSON.stringify(obj) })

describe('ingresses.state', () => {
  it('follows a rule to the Service port by name and its ready pods, names a missing TLS secret, gives a URL', async () => {
    await f.kubectl.run(['create', 'deployment', 'shop', '--image=nginx', '--replicas=2'])
    await apply({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'shop', namespace: 'default' },
      spec: { selector: { app: 'shop' }, ports: [{ name: 'web', port: 80, targetPort: 8080 }] },
    })
    await apply({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'front', namespace: 'default' },
      spec: {
        tls: [{ hosts: ['shop.localhost'], secretName: 'shop-tls' }],
        rules: [
          {
            host: 'shop.localhost',
            http: {
              paths: [
                {
                  path: '/',
                  pathType: 'Prefix',
                  backend: { service: { name: 'shop', port: { name: 'web' } } },
                },
              ],
            },
          },
        ],
      },
    })
    const s = await eventually(
      async () => {
        const r = (await call('ingresses.state', { namespace: 'default', name: 'front' })) as IngressState
        const ready = r.paths[0]?.backend.pods.filter((p) => p.ready).length
        return ready === 2 && r.addresses.length > 0 ? r : undefined
      },
      30_000,
      'two ready pods and an address',
    )
    // No class on the object: the sandbox's default class (ingress-nginx) was given to it on creation.
    expect(s.className).toBe('nginx')
    expect(s.controller).toBe('k8s.io/ingress-nginx')
    expect(s.paths[0]?.backend.service).toMatchObject({
      name: 'shop',
      port: 'web',
      resolvedPort: '80/TCP → 8080',
    })
    expect(s.paths[0]?.url?.url).toBe(`http://shop.localhost:${f.sandbox.ingressPort}/`)
    expect(s.tls).toEqual([{ hosts: ['shop.localhost'], secret: 'shop-tls', secretState: 'missing' }])
    expect(s.notes).toEqual([])
  })
})

describe('claims, volumes and classes', () => {
  it("a StatefulSet's claims name their ordinal and pod; a scaled-away ordinal keeps its claim", async () => {
    await apply({
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'db', namespace: 'default' },
      spec: {
        replicas: 2,
        serviceName: 'db',
        selector: { matchLabels: { app: 'db' } },
        template: {
          metadata: { labels: { app: 'db' } },
          spec: {
            containers: [
              { name: 'db', image: 'nginx', volumeMounts: [{ name: 'data', mountPath: '/data' }] },
            ],
          },
        },
        volumeClaimTemplates: [
          {
            metadata: { name: 'data' },
            spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
          },
        ],
      },
    })
    const claim = (name: string) =>
      call('claims.state', { namespace: 'default', name }) as Promise<ClaimState>
    const bound = await eventually(
      async () => {
        const c = await claim('data-db-1')
        return c.phase === 'Bound' && c.pods[0]?.ready ? c : undefined
      },
      30_000,
      'data-db-1 bound and mounted',
    )
    expect(bound).toMatchObject({
      storageClass: 'standard',
      storageClassFound: true,
      bindingMode: 'WaitForFirstConsumer',
      capacity: '1Gi',
      statefulSet: { name: 'db', ordinal: 1, pod: 'db-1', podExists: true },
    })
    expect(bound.pods.map((p) => p.name)).toEqual(['db-1'])

    await f.kubectl.run(['scale', 'statefulset', 'db', '--replicas=1'])
    const kept = await eventually(
      async () => {
        const c = await claim('data-db-1')
        return c.statefulSet?.podExists === false ? c : undefined
      },
      30_000,
      'db-1 gone',
    )
    expect(kept.phase).toBe('Bound')
    expect(kept.pods).toEqual([])

    const volume = (await call('volumes.state', { name: kept.volume })) as Awaited<
      ReturnType<ReturnType<typeof methods>['volumes.state']>
    >
    expect(volume).toMatchObject({
      phase: 'Bound',
      reclaimPolicy: 'Delete',
      storageClass: 'standard',
      claim: { namespace: 'default', name: 'data-db-1', exists: true },
    })
    expect(volume.nodes).toHaveLength(1)
    const cls = (await call('storageClasses.state', { name: 'standard' })) as Awaited<
      ReturnType<ReturnType<typeof methods>['storageClasses.state']>
    >
    expect(cls.isDefault).toBe(true)
    expect(cls.claims.map((c) => c.name)).toEqual(['data-db-0', 'data-db-1'])
    expect(cls.volumes.map((v) => v.claim).sort()).toEqual(['default/data-db-0', 'default/data-db-1'])
  })

  it('a claim of a class that does not exist says so', async () => {
    await apply({
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'gold', namespace: 'default' },
      spec: {
        storageClassName: 'gold',
        accessModes: ['ReadWriteOnce'],
        resources: { requests: { storage: '1Gi' } },
      },
    })
    const c = (await call('claims.state', { namespace: 'default', name: 'gold' })) as ClaimState
    expect(c.phase).toBe('Pending')
    expect(c.storageClassFound).toBe(false)
    expect(c.waiting?.explanation).toMatch(/^StorageClass "gold" does not exist/)
  })
})
