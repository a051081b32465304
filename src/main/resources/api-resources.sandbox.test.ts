import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiCatalog, TableColumn, TableEvent, TableRow } from '@shared/contract'
import type { KubectlRunner } from '../../../test/support/kubectl'
import { startFixture, type SandboxFixture } from '../../../test/support/sandbox-fixture'
import { createApiService, type ApiService } from './api-service'
import { createCatalogService, type CatalogService } from './catalog'

let f: SandboxFixture
let kubectl: KubectlRunner
let catalog: CatalogService
let svc: ApiService

beforeAll(async () => {
  f = await startFixture('api-resources-it', 50)
  kubectl = f.kubectl
  catalog = createCatalogService({ getKubeConfig: f.deps.getKubeConfig, settleMs: 20 })
  svc = createApiService({ getKubeConfig: f.deps.getKubeConfig, catalog, watchOptions: { batchMs: 20 } })
})

afterAll(async () => {
  svc?.close()
  await f?.stop()
})

/** Reads a stream in the background, keeping every event, until stopped. */
function reader<T>(stream: AsyncGenerator<T>, abort: AbortController) {
  const events: T[] = []
  const ended = (async () => {
    for await (const e of stream) events.push(e)
  })().catch((err: unknown) => err)
  return {
    events,
    async until<R>(what: string, check: () => R | undefined, ms = 30_000): Promise<R> {
      const deadline = Date.now() + ms
      for (;;) {
        const v = check()
        if (v !== undefined) return v
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
        await new Promise((r) => setTimeout(r, 20))
      }
    },
    async stop() {
      abort.abort()
      await stream.return(undefined)
      return ended
    },
  }
}

const crd = `
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: { name: widgets.example.com }
spec:
  group: example.com
  scope: Namespaced
  names: { plural: widgets, singular: widget, kind: Widget, shortNames: [wd] }
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec: { type: object, properties: { size: { type: string } } }
      additionalPrinterColumns:
        - { name: Size, type: string, jsonPath: .spec.size }
        - { name: Age, type: date, jsonPath: .metadata.creationTimestamp }
`

const widget = (name: string, size: string): string =>
  `{"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"${name}","namespace":"default"},"spec":{"size":"${size}"}}`

describe('every kind the sandbox serves', () => {
  it('discovers the built-in kinds in their groups, and a CRD created with kubectl without a reload', async () => {
    const abort = new AbortController()
    const r = reader(catalog.stream(undefined, abort.signal), abort)
    const first = await r.until('the first catalog', () => r.events[0])
    const byId = (c: ApiCatalog, id: string) => c.kinds.find((k) => k.id === id)
    expect(first.source).toBe('aggregated')
    expect(byId(first, 'pods')).toMatchObject({ category: 'workloads', namespaced: true, version: 'v1' })
    expect(byId(first, 'leases.coordination.k8s.io')).toMatchObject({ category: 'config' })
    expect(byId(first, 'serviceaccounts')).toMatchObject({ category: 'access', shortNames: ['sa'] })
    expect(byId(first, 'nodes')).toMatchObject({ category: 'cluster', namespaced: false })
    expect(byId(first, 'widgets.example.com')).toBeUndefined()

    await kubectl.out(['apply', '-f', '-'], { input: crd })
    const found = await r.until('the CRD in the catalog', () =>
      r.events.map((c) => byId(c, 'widgets.example.com')).find(Boolean),
    )
    expect(found).toMatchObject({ category: 'custom', kind: 'Widget', shortNames: ['wd'], version: 'v1' })
    await r.stop()
  })

  it('lists custom objects with their printer columns, live', async () => {
    await kubectl.out(['apply', '-f', '-'], { input: widget('small-one', 'S') })
    const abort = new AbortController()
    const stream = svc.watch(
      { group: 'example.com', version: 'v1', resource: 'widgets', namespaces: ['default'] },
      abort.signal,
    )
    const r = reader<TableEvent>(stream, abort)
    const rows = (): Map<string, TableRow> => {
      const m = new Map<string, TableRow>()
      for (const e of r.events) {
        if (e.type === 'snapshot') for (const row of e.rows) m.set(row.key, row)
        if (e.type === 'delta') {
          for (const row of e.upserts) m.set(row.key, row)
          for (const k of e.deletes) m.delete(k)
        }
      }
      return m
    }
    const columns = await r.until('columns', () =>
      r.events.find((e): e is { type: 'columns'; columns: TableColumn[] } => e.type === 'columns'),
    )
    expect(columns.columns.map((c) => c.name)).toEqual(['Name', 'Size', 'Age'])
    // Columns come before any row.
    expect(r.events[0]?.type).toBe('columns')
    await r.until('the first widget', () => rows().get('default/small-one'))
    expect(rows().get('default/small-one')?.cells.slice(0, 2)).toEqual(['small-one', 'S'])

    await kubectl.out(['apply', '-f', '-'], { input: widget('big-one', 'XL') })
    await r.until('the second widget as a delta', () => (rows().get('default/big-one') ? true : undefined))
    expect(rows().get('default/big-one')?.cells[1]).toBe('XL')

    await svc.delete({
      group: 'example.com',
      version: 'v1',
      resource: 'widgets',
      namespace: 'default',
      name: 'big-one',
    })
    await r.until('the deleted widget to go', () => (rows().has('default/big-one') ? undefined : true))
    await r.stop()
    expect(svc.activeWatches().size).toBe(0)
  })

  it('links a pod to its owner and shows YAML and events of any kind', async () => {
    await kubectl.out(['create', 'deployment', 'web', '--image=nginx:1.27'])
    const pod = await waitForPod('web-')
    const detail = await svc.detail({
      group: '',
      version: 'v1',
      resource: 'pods',
      namespace: 'default',
      name: pod,
    })
    expect(detail.links).toContainEqual({
      relation: 'Controlled by',
      kind: 'ReplicaSet',
      ref: expect.objectContaining({
        group: 'apps',
        resource: 'replicasets',
        namespace: 'default',
      }) as unknown,
    })
    const yaml = await svc.yaml({
      group: 'coordination.k8s.io',
      version: 'v1',
      resource: 'leases',
      namespace: 'kube-node-lease',
      name: await firstLease(),
    })
    expect(yaml.yaml).toContain('kind: Lease')
    expect(yaml.yaml).not.toContain('managedFields')
    const events = await svc.events({
      group: '',
      version: 'v1',
      resource: 'pods',
      namespace: 'default',
      name: pod,
    })
    expect(Array.isArray(events)).toBe(true)
  })

  it("finds built-in objects the app does not watch, like kube-system's DaemonSet", async () => {
    const found = await svc.search({ text: 'proxy' })
    expect(found).toContainEqual({
      kind: 'DaemonSet',
      ref: {
        group: 'apps',
        version: 'v1',
        resource: 'daemonsets',
        namespace: 'kube-system',
        name: 'kube-proxy',
      },
    })
    // Pods are found from the rows the app watches, not asked of the cluster again.
    expect(found.some((f) => f.ref.resource === 'pods')).toBe(false)
  })

  it('finds a custom object by part of its name', async () => {
    const found = await svc.search({ text: 'small' })
    expect(found).toContainEqual({
      kind: 'Widget',
      ref: {
        group: 'example.com',
        version: 'v1',
        resource: 'widgets',
        namespace: 'default',
        name: 'small-one',
      },
    })
  })
})

async function waitForPod(prefix: string): Promise<string> {
  for (;;) {
    const names = (await kubectl.out(['get', 'pods', '-o', 'name'])).split('\n')
    const hit = names.find((n) => n.startsWith(`pod/${prefix}`))
    if (hit) return hit.slice(4)
    await new Promise((r) => setTimeout(r, 50))
  }
}

async function firstLease(): Promise<string> {
  const out = await kubectl.out(['get', 'leases', '-n', 'kube-node-lease', '-o', 'name'])
  return out.split('\n')[0]?.replace(/^lease\.coordination\.k8s\.io\//, '') ?? ''
}
