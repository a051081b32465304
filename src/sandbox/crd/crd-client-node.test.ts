import { request } from 'node:https'
import {
  ApiextensionsV1Api,
  CustomObjectsApi,
  PatchStrategy,
  Watch,
  loadYaml,
  setHeaderOptions,
} from '@kubernetes/client-node'
import type { V1CustomResourceDefinition, KubeConfig } from '@kubernetes/client-node'
import { stringify } from 'yaml'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { GADGET_CRD, WIDGET_CRD } from '../../../test/fixtures/crd'
import { eventually } from '../../../test/support/eventually'
import type { RunningSandbox } from '../index'
import { startSandbox } from '../index'
import { kubeConfigFor } from '../../../test/support/kube'

// The same CRD flows through @kubernetes/client-node: ApiextensionsV1Api and CustomObjectsApi.
let sb: RunningSandbox
let kc: KubeConfig
let custom: CustomObjectsApi

// As a client-node user loads a manifest: YAML into the typed model (JSON `default` becomes `_default`, ...).
const crdModel = (crd: object): V1CustomResourceDefinition =>
  loadYaml<V1CustomResourceDefinition>(stringify(crd))

const W = { group: 'example.com', version: 'v1', plural: 'widgets', namespace: 'default' }

// A raw request (CustomObjectsApi exposes neither response headers nor discovery), trusting the sandbox CA.
function raw(
  method: string,
  path: string,
  opts: { body?: unknown; accept?: string } = {},
): Promise<{ code: number; warning: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${sb.url}${path}`,
      {
        method,
        ca: Buffer.from(sb.caData, 'base64').toString(),
        headers: {
          Authorization: `Bearer ${sb.token}`,
          'Content-Type': 'application/json',
          Accept: opts.accept ?? 'application/json',
        },
      },
      (res) => {
        let body = ''
        res.on('data', (d: Buffer) => (body += d.toString()))
        res.on('end', () => {
          const w = res.headers.warning
          resolve({ code: res.statusCode ?? 0, warning: Array.isArray(w) ? w.join(', ') : w, body })
        })
      },
    )
    req.on('error', reject)
    req.end(opts.body === undefined ? undefined : JSON.stringify(opts.body))
  })
}

const AGGREGATED = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList'

beforeAll(async () => {
  sb = await startSandbox({ name: 'crdcn' })
  kc = kubeConfigFor(sb)
  custom = kc.makeApiClient(CustomObjectsApi)
})
afterAll(async () => {
  await sb.stop()
})

describe('CRDs through @kubernetes/client-node', () => {
  it('creates a CRD whose status says Established and whose kind is in discovery', async () => {
    const ext = kc.makeApiClient(ApiextensionsV1Api)
    await ext.createCustomResourceDefinition({ body: crdModel(WIDGET_CRD) })
    const crd = await ext.readCustomResourceDefinition({ name: 'widgets.example.com' })
    expect(crd.status?.conditions?.find((c) => c.type === 'Established')?.status).toBe('True')
    expect(crd.status?.acceptedNames?.kind).toBe('Widget')
    expect(crd.status?.storedVersions).toEqual(['v1'])
    const list = await ext.listCustomResourceDefinition()
    expect(list.items.map((c) => c.metadata?.name)).toEqual(['widgets.example.com'])
    // legacy and aggregated discovery list the new kind as soon as the create has answered
    const legacy = JSON.parse((await raw('GET', '/apis/example.com/v1')).body) as {
      resources: Array<{ name: string; kind: string; shortNames?: string[] }>
    }
    expect(legacy.resources.map((r) => `${r.name} ${r.kind}`)).toEqual([
      'widgets Widget',
      'widgets/scale Scale',
      'widgets/status Widget',
    ])
    const groups = JSON.parse((await raw('GET', '/apis', { accept: AGGREGATED })).body) as {
      items: Array<{
        metadata: { name: string }
        versions: Array<{ version: string; resources: Array<{ resource: string }> }>
      }>
    }
    const example = groups.items.find((g) => g.metadata.name === 'example.com')
    expect(example?.versions.map((v) => [v.version, v.resources.map((r) => r.resource)])).toEqual([
      ['v1', ['widgets']],
    ])
  })

  it('publishes the CRD schema in /openapi/v3 and /openapi/v2, patchable without strategic merge', async () => {
    const index = JSON.parse((await raw('GET', '/openapi/v3')).body) as {
      paths: Record<string, { serverRelativeURL: string }>
    }
    const url = index.paths['apis/example.com/v1']?.serverRelativeURL ?? ''
    expect(url).toMatch(/^\/openapi\/v3\/apis\/example\.com\/v1\?hash=[0-9A-F]+$/)
    const doc = JSON.parse((await raw('GET', url)).body) as {
      paths: Record<string, { patch?: { requestBody: { content: Record<string, unknown> } } }>
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> }
    }
    const item = doc.paths['/apis/example.com/v1/namespaces/{namespace}/widgets/{name}']
    expect(Object.keys(item?.patch?.requestBody.content ?? {})).toEqual([
      'application/apply-patch+yaml',
      'application/json-patch+json',
      'application/merge-patch+json',
    ])
    const widget = doc.components.schemas['com.example.v1.Widget']
    expect(Object.keys(widget?.properties ?? {}).sort()).toEqual([
      'apiVersion',
      'kind',
      'metadata',
      'spec',
      'status',
    ])
    expect(widget?.properties?.metadata).toMatchObject({
      allOf: [{ $ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta' }],
    })
    expect(doc.components.schemas['io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta']).toBeDefined()
    const v2 = JSON.parse((await raw('GET', '/openapi/v2')).body) as {
      definitions: Record<string, { 'x-kubernetes-group-version-kind'?: unknown }>
    }
    expect(v2.definitions['com.example.v1.Widget']?.['x-kubernetes-group-version-kind']).toEqual([
      { group: 'example.com', kind: 'Widget', version: 'v1' },
    ])
    expect(v2.definitions['io.k8s.api.core.v1.Pod']).toBeDefined()
  })

  it('creates, lists, patches and deletes custom objects with CustomObjectsApi', async () => {
    const created = (await custom.createNamespacedCustomObject({
      ...W,
      body: {
        apiVersion: 'example.com/v1',
        kind: 'Widget',
        metadata: { name: 'c1', labels: { a: 'b' } },
        spec: { color: 'red' },
      },
    })) as { metadata: { uid: string; generation: number }; spec: Record<string, unknown> }
    expect(created.spec).toEqual({ color: 'red', replicas: 1, size: 'M' })
    expect(created.metadata.generation).toBe(1)
    await custom.createNamespacedCustomObject({
      ...W,
      body: {
        apiVersion: 'example.com/v1',
        kind: 'Widget',
        metadata: { name: 'c2' },
        spec: { color: 'blue' },
      },
    })
    const labelled = (await custom.listNamespacedCustomObject({ ...W, labelSelector: 'a=b' })) as {
      kind: string
      items: Array<{ metadata: { name: string } }>
    }
    expect(labelled.kind).toBe('WidgetList')
    expect(labelled.items.map((i) => i.metadata.name)).toEqual(['c1'])
    const patched = (await custom.patchNamespacedCustomObject(
      { ...W, name: 'c1', body: { spec: { color: 'green' } } },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    )) as { spec: { color: string }; metadata: { generation: number } }
    expect(patched.spec.color).toBe('green')
    expect(patched.metadata.generation).toBe(2)
    await expect(
      custom.patchNamespacedCustomObject(
        { ...W, name: 'c1', body: { spec: { color: 'red' } } },
        setHeaderOptions('Content-Type', PatchStrategy.StrategicMergePatch),
      ),
    ).rejects.toMatchObject({ code: 415 })
    await custom.deleteNamespacedCustomObject({ ...W, name: 'c2' })
    await expect(custom.getNamespacedCustomObject({ ...W, name: 'c2' })).rejects.toMatchObject({ code: 404 })
  })

  it('answers a schema violation with 422 and the field causes', async () => {
    const err = await custom
      .createNamespacedCustomObject({
        ...W,
        body: {
          apiVersion: 'example.com/v1',
          kind: 'Widget',
          metadata: { name: 'bad' },
          spec: { color: 'pink' },
        },
      })
      .catch((e: unknown) => e)
    expect(err).toMatchObject({ code: 422 })
    const body = JSON.parse((err as { body: string }).body) as { details: { causes: unknown[] } }
    expect(body.details.causes).toEqual([
      {
        reason: 'FieldValueNotSupported',
        message: 'Unsupported value: "pink": supported values: "red", "green", "blue"',
        field: 'spec.color',
      },
    ])
  })

  it('reports unknown fields as fieldValidation asks', async () => {
    const body = {
      apiVersion: 'example.com/v1',
      kind: 'Widget',
      metadata: { name: 'strict' },
      spec: { color: 'red', typo: 1 },
    }
    const err = await custom
      .createNamespacedCustomObject({ ...W, body, fieldValidation: 'Strict' })
      .catch((e: unknown) => e)
    expect(err).toMatchObject({ code: 400 })
    expect((err as { body: string }).body).toContain(
      'Widget in version \\"v1\\" cannot be handled as a Widget: strict decoding error: unknown field \\"spec.typo\\"',
    )
    const warned = await raw('POST', '/apis/example.com/v1/namespaces/default/widgets?fieldValidation=Warn', {
      body,
    })
    expect({ code: warned.code, warning: warned.warning }).toEqual({
      code: 201,
      warning: '299 - "unknown field \\"spec.typo\\""',
    })
    await custom.deleteNamespacedCustomObject({ ...W, name: 'strict' })
  })

  it('reads and writes the scale and status subresources', async () => {
    await custom.patchNamespacedCustomObjectScale(
      { ...W, name: 'c1', body: { spec: { replicas: 5 } } },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    )
    await custom.patchNamespacedCustomObjectStatus(
      { ...W, name: 'c1', body: { status: { replicas: 5, selector: 'app=c1' } } },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    )
    const scale = (await custom.getNamespacedCustomObjectScale({ ...W, name: 'c1' })) as {
      spec: { replicas: number }
      status: { replicas: number; selector: string }
    }
    expect(scale.spec.replicas).toBe(5)
    expect(scale.status).toEqual({ replicas: 5, selector: 'app=c1' })
  })

  it('keeps a custom object with finalizers until the last one is removed', async () => {
    await custom.createNamespacedCustomObject({
      ...W,
      body: {
        apiVersion: 'example.com/v1',
        kind: 'Widget',
        metadata: { name: 'held', finalizers: ['example.com/cleanup'] },
        spec: { color: 'red' },
      },
    })
    await custom.deleteNamespacedCustomObject({ ...W, name: 'held' })
    const marked = (await custom.getNamespacedCustomObject({ ...W, name: 'held' })) as {
      metadata: { deletionTimestamp?: string; finalizers?: string[] }
    }
    expect(marked.metadata.deletionTimestamp).toMatch(/^\d{4}-\d\d-\d\dT/)
    await custom.patchNamespacedCustomObject(
      { ...W, name: 'held', body: { metadata: { finalizers: null } } },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    )
    await expect(custom.getNamespacedCustomObject({ ...W, name: 'held' })).rejects.toMatchObject({
      code: 404,
    })
  })

  it('watches custom objects', async () => {
    const seen: string[] = []
    const req = await new Watch(kc).watch(
      '/apis/example.com/v1/namespaces/default/widgets',
      {},
      (type: string, obj: { metadata: { name: string } }) => seen.push(`${type} ${obj.metadata.name}`),
      () => undefined,
    )
    await eventually(async () => expect(seen).toEqual(['ADDED c1']))
    await custom.createNamespacedCustomObject({
      ...W,
      body: {
        apiVersion: 'example.com/v1',
        kind: 'Widget',
        metadata: { name: 'c3' },
        spec: { color: 'red' },
      },
    })
    await custom.deleteNamespacedCustomObject({ ...W, name: 'c3' })
    await eventually(async () => expect(seen).toEqual(['ADDED c1', 'ADDED c3', 'DELETED c3']))
    req.abort()
  })

  it('serves every served version of a CRD from one table, the preferred version first', async () => {
    const ext = kc.makeApiClient(ApiextensionsV1Api)
    const crd = await ext.readCustomResourceDefinition({ name: 'widgets.example.com' })
    const v1 = crd.spec.versions[0]
    if (!v1) throw new Error('the CRD has no version')
    crd.spec.versions = [v1, { ...v1, name: 'v1beta1', storage: false }]
    await ext.replaceCustomResourceDefinition({ name: 'widgets.example.com', body: crd })
    const beta = { ...W, version: 'v1beta1' }
    const got = (await custom.getNamespacedCustomObject({ ...beta, name: 'c1' })) as { apiVersion: string }
    expect(got.apiVersion).toBe('example.com/v1beta1')
    const list = (await custom.listNamespacedCustomObject(beta)) as { items: Array<{ apiVersion: string }> }
    expect(list.items.map((i) => i.apiVersion)).toEqual(['example.com/v1beta1'])
    const groups = JSON.parse((await raw('GET', '/apis')).body) as {
      groups: Array<{
        name: string
        versions: Array<{ version: string }>
        preferredVersion: { version: string }
      }>
    }
    const example = groups.groups.find((g) => g.name === 'example.com')
    expect(example?.versions.map((v) => v.version)).toEqual(['v1', 'v1beta1'])
    expect(example?.preferredVersion.version).toBe('v1')
  })

  it('serves cluster-scoped custom objects', async () => {
    await kc.makeApiClient(ApiextensionsV1Api).createCustomResourceDefinition({ body: crdModel(GADGET_CRD) })
    const g = { group: 'example.com', version: 'v1alpha1', plural: 'gadgets' }
    await custom.createClusterCustomObject({
      ...g,
      body: {
        apiVersion: 'example.com/v1alpha1',
        kind: 'Gadget',
        metadata: { name: 'g1' },
        spec: { level: 1 },
      },
    })
    const got = (await custom.getClusterCustomObject({ ...g, name: 'g1' })) as {
      metadata: { namespace?: string }
    }
    expect(got.metadata.namespace).toBeUndefined()
    const list = (await custom.listClusterCustomObject(g)) as { items: unknown[] }
    expect(list.items).toHaveLength(1)
  })

  it('refuses a second CRD whose kind its group already serves, and serves it once the first is gone', async () => {
    const ext = kc.makeApiClient(ApiextensionsV1Api)
    const clash = {
      ...GADGET_CRD,
      metadata: { name: 'doodads.example.com' },
      spec: { ...GADGET_CRD.spec, names: { plural: 'doodads', singular: 'doodad', kind: 'Gadget' } },
    }
    await ext.createCustomResourceDefinition({ body: crdModel(clash) })
    const refused = await ext.readCustomResourceDefinition({ name: 'doodads.example.com' })
    const status = (type: string): unknown => refused.status?.conditions?.find((c) => c.type === type)
    expect(status('NamesAccepted')).toMatchObject({
      status: 'False',
      reason: 'KindConflict',
      message: '"Gadget" is already in use',
    })
    expect(status('Established')).toMatchObject({ status: 'False', reason: 'NotAccepted' })
    const g = { group: 'example.com', version: 'v1alpha1' }
    await expect(custom.listClusterCustomObject({ ...g, plural: 'doodads' })).rejects.toMatchObject({
      code: 404,
    })
    await ext.deleteCustomResourceDefinition({ name: 'gadgets.example.com' })
    const accepted = await ext.readCustomResourceDefinition({ name: 'doodads.example.com' })
    expect(accepted.status?.conditions?.find((c) => c.type === 'Established')?.status).toBe('True')
    const list = (await custom.listClusterCustomObject({ ...g, plural: 'doodads' })) as { items: unknown[] }
    expect(list.items).toEqual([])
  })

  it('removes the kind from discovery and its objects when the CRD is deleted', async () => {
    await kc.makeApiClient(ApiextensionsV1Api).deleteCustomResourceDefinition({ name: 'widgets.example.com' })
    await expect(custom.listNamespacedCustomObject(W)).rejects.toMatchObject({ code: 404 })
    const groups = JSON.parse((await raw('GET', '/apis', { accept: AGGREGATED })).body) as {
      items: Array<{
        metadata: { name: string }
        versions: Array<{ resources: Array<{ resource: string }> }>
      }>
    }
    const example = groups.items.find((g) => g.metadata.name === 'example.com')
    expect(example?.versions.flatMap((v) => v.resources.map((r) => r.resource))).toEqual(['doodads'])
    expect((await raw('GET', '/apis/example.com/v1')).code).toBe(404)
    await kc.makeApiClient(ApiextensionsV1Api).createCustomResourceDefinition({ body: crdModel(WIDGET_CRD) })
    const list = (await custom.listNamespacedCustomObject(W)) as { items: unknown[] }
    expect(list.items).toEqual([])
  })
})
