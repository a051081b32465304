import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningSandbox } from '../index'
import { startSandbox } from '../index'
import { request, stream } from '../../../test/support/http-client'
import type { KObj } from '../types'

// The HTTP surface against a real sandbox on a manual clock: auth, discovery, Status shapes, CRUD, paging, watch.
let sb: RunningSandbox

beforeAll(async () => {
  sb = await startSandbox({ name: 'http', manualClock: true, bookmarkIntervalMs: 50, watchHistory: 100 })
})
afterAll(async () => {
  await sb.stop()
})

const cm = (name: string, data: Record<string, string> = { a: '1' }): unknown => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name },
  data,
})

describe('auth and discovery', () => {
  it('rejects requests without the bearer token with a 401 Status', async () => {
    const res = await request(sb, '/api/v1/namespaces', { token: null })
    expect(res.status).toBe(401)
    expect(res.json()).toMatchObject({ kind: 'Status', status: 'Failure', reason: 'Unauthorized', code: 401 })
    expect((await request(sb, '/version', { token: 'wrong' })).status).toBe(401)
  })

  it('reports version 1.32 and serves legacy discovery', async () => {
    expect((await request(sb, '/version')).json()).toMatchObject({ major: '1', minor: '32' })
    const api = (await request(sb, '/api')).json()
    expect(api).toMatchObject({ kind: 'APIVersions', versions: ['v1'] })
    const groups = (await request(sb, '/apis')).json<{ groups: Array<{ name: string }> }>()
    expect(groups.groups.map((g) => g.name)).toContain('apps')
    const apps = (await request(sb, '/apis/apps/v1')).json<{ resources: Array<Record<string, unknown>> }>()
    const names = apps.resources.map((r) => r.name)
    expect(names.indexOf('deployments')).toBeLessThan(names.indexOf('deployments/scale'))
    expect(apps.resources.find((r) => r.name === 'deployments/scale')).toMatchObject({
      group: 'autoscaling',
      version: 'v1',
      kind: 'Scale',
    })
    const core = (await request(sb, '/api/v1')).json<{ resources: Array<Record<string, unknown>> }>()
    expect(core.resources.find((r) => r.name === 'pods')).toMatchObject({
      shortNames: ['po'],
      categories: ['all'],
    })
  })

  it('serves aggregated discovery when asked for APIGroupDiscoveryList', async () => {
    const accept = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json'
    const apis = await request(sb, '/apis', { accept })
    expect(apis.headers['content-type']).toBe(
      'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList',
    )
    const list = apis.json<{
      items: Array<{ metadata: { name: string }; versions: Array<{ resources: unknown[] }> }>
    }>()
    const apps = list.items.find((i) => i.metadata.name === 'apps')
    expect(apps?.versions[0]?.resources).toContainEqual(
      expect.objectContaining({
        resource: 'deployments',
        shortNames: ['deploy'],
        subresources: expect.arrayContaining([
          expect.objectContaining({
            subresource: 'scale',
            responseKind: { group: 'autoscaling', version: 'v1', kind: 'Scale' },
          }),
        ]),
      }),
    )
    const core = (await request(sb, '/api', { accept })).json<{
      items: Array<{ metadata: { name: string } }>
    }>()
    expect(core.items.map((i) => i.metadata.name)).toEqual([''])
  })

  it('answers unknown paths with a plain 404 page and sets content types', async () => {
    const res = await request(sb, '/apis/nothing.example.com/v1/things')
    expect(res.status).toBe(404)
    expect(res.text).toBe('404 page not found\n')
    const ok = await request(sb, '/api/v1/namespaces')
    expect(ok.headers['content-type']).toBe('application/json')
    expect(ok.headers['cache-control']).toBe('no-cache, private')
  })
})

describe('CRUD and Status errors', () => {
  it('creates with uid, creationTimestamp and a growing resourceVersion', async () => {
    const a = (
      await request(sb, '/api/v1/namespaces/default/configmaps', { method: 'POST', body: cm('crud-a') })
    ).json<{
      metadata: { uid: string; resourceVersion: string; creationTimestamp: string }
    }>()
    const b = (
      await request(sb, '/api/v1/namespaces/default/configmaps', { method: 'POST', body: cm('crud-b') })
    ).json<{
      metadata: { resourceVersion: string }
    }>()
    expect(a.metadata.uid).toMatch(/^[0-9a-f-]{36}$/)
    expect(a.metadata.creationTimestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)
    expect(Number(b.metadata.resourceVersion)).toBeGreaterThan(Number(a.metadata.resourceVersion))
  })

  it('returns NotFound and AlreadyExists shaped like the API server', async () => {
    const missing = await request(sb, '/apis/apps/v1/namespaces/default/deployments/nope')
    expect(missing.status).toBe(404)
    expect(missing.json()).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'deployments.apps "nope" not found',
      reason: 'NotFound',
      details: { name: 'nope', group: 'apps', kind: 'deployments' },
      code: 404,
    })
    const dup = await request(sb, '/api/v1/namespaces/default/configmaps', {
      method: 'POST',
      body: cm('crud-a'),
    })
    expect(dup.status).toBe(409)
    expect(dup.json()).toMatchObject({
      reason: 'AlreadyExists',
      message: 'configmaps "crud-a" already exists',
    })
  })

  it('rejects invalid objects with 422 and field causes', async () => {
    const res = await request(sb, '/apis/apps/v1/namespaces/default/deployments', {
      method: 'POST',
      body: {
        metadata: { name: 'bad' },
        spec: {
          replicas: -1,
          selector: { matchLabels: { app: 'bad' } },
          template: {
            metadata: { labels: { app: 'bad' } },
            spec: { containers: [{ name: 'c', image: 'nginx' }] },
          },
        },
      },
    })
    expect(res.status).toBe(422)
    expect(res.json()).toMatchObject({
      reason: 'Invalid',
      message:
        'Deployment.apps "bad" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0',
      details: {
        name: 'bad',
        group: 'apps',
        kind: 'Deployment',
        causes: [{ reason: 'FieldValueInvalid', field: 'spec.replicas' }],
      },
    })
    const badName = await request(sb, '/api/v1/namespaces/default/configmaps', {
      method: 'POST',
      body: cm('Bad_Name'),
    })
    expect(badName.json()).toMatchObject({ code: 422, details: { causes: [{ field: 'metadata.name' }] } })
  })

  it('returns 409 Conflict for a PUT with a stale resourceVersion', async () => {
    const path = '/api/v1/namespaces/default/configmaps/crud-a'
    const current = (await request(sb, path)).json<{ metadata: { resourceVersion: string } }>()
    const first = await request(sb, path, { method: 'PUT', body: { ...current, data: { a: '2' } } })
    expect(first.status).toBe(200)
    const stale = await request(sb, path, { method: 'PUT', body: { ...current, data: { a: '3' } } })
    expect(stale.status).toBe(409)
    expect(stale.json()).toMatchObject({
      reason: 'Conflict',
      message:
        'Operation cannot be fulfilled on configmaps "crud-a": the object has been modified; please apply your changes to the latest version and try again',
    })
  })

  it('patches with merge, strategic-merge and JSON patch, and honours dryRun', async () => {
    const path = '/api/v1/namespaces/default/configmaps/crud-b'
    await request(sb, path, {
      method: 'PATCH',
      contentType: 'application/merge-patch+json',
      body: { data: { b: '2' } },
    })
    await request(sb, path, {
      method: 'PATCH',
      contentType: 'application/strategic-merge-patch+json',
      body: { data: { a: null }, metadata: { labels: { x: 'y' } } },
    })
    await request(sb, path, {
      method: 'PATCH',
      contentType: 'application/json-patch+json',
      body: [{ op: 'add', path: '/data/c', value: '3' }],
    })
    const dry = await request(sb, `${path}?dryRun=All`, {
      method: 'PATCH',
      contentType: 'application/merge-patch+json',
      body: { data: { d: '4' } },
    })
    expect(dry.json()).toMatchObject({ data: { d: '4' } })
    const got = (await request(sb, path)).json()
    expect(got).toMatchObject({ data: { b: '2', c: '3' }, metadata: { labels: { x: 'y' } } })
    expect(got.data).not.toHaveProperty('a')
    expect(got.data).not.toHaveProperty('d')
    const notArray = await request(sb, path, {
      method: 'PATCH',
      contentType: 'application/json-patch+json',
      body: {},
    })
    expect(notArray.status).toBe(400)
    const unsupported = await request(sb, path, { method: 'PATCH', contentType: 'text/plain', body: '{}' })
    expect(unsupported.status).toBe(415)
  })

  it('generates names from generateName', async () => {
    const res = await request(sb, '/api/v1/namespaces/default/configmaps', {
      method: 'POST',
      body: { metadata: { generateName: 'gen-' }, data: {} },
    })
    expect(res.json<{ metadata: { name: string } }>().metadata.name).toMatch(
      /^gen-[bcdfghjklmnpqrstvwxz2456789]{5}$/,
    )
  })

  it('server-side apply creates a missing object', async () => {
    const res = await request(sb, '/api/v1/namespaces/default/configmaps/ssa?fieldManager=kubectl', {
      method: 'PATCH',
      contentType: 'application/apply-patch+yaml',
      body: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ssa\ndata:\n  k: v\n',
    })
    expect(res.status).toBe(201)
    expect(res.json()).toMatchObject({ metadata: { name: 'ssa' }, data: { k: 'v' } })
  })

  it('deletes objects and answers a later GET with 404', async () => {
    const del = await request(sb, '/api/v1/namespaces/default/configmaps/crud-a', { method: 'DELETE' })
    expect(del.json()).toMatchObject({
      kind: 'Status',
      status: 'Success',
      details: { name: 'crud-a', kind: 'configmaps' },
    })
    expect((await request(sb, '/api/v1/namespaces/default/configmaps/crud-a')).status).toBe(404)
  })
})

describe('list', () => {
  beforeAll(async () => {
    await request(sb, '/api/v1/namespaces', { method: 'POST', body: { metadata: { name: 'listing' } } })
    for (let i = 0; i < 5; i++) {
      await request(sb, '/api/v1/namespaces/listing/configmaps', {
        method: 'POST',
        body: {
          metadata: { name: `item-${i}`, labels: { tier: i % 2 === 0 ? 'even' : 'odd', n: String(i) } },
        },
      })
    }
  })

  it('filters by label and field selectors', async () => {
    const names = async (query: string): Promise<string[]> =>
      (await request(sb, `/api/v1/namespaces/listing/configmaps?${query}`))
        .json<{ items: Array<{ metadata: { name: string } }> }>()
        .items.map((i) => i.metadata.name)
    expect(await names('labelSelector=tier%3Deven')).toEqual(['item-0', 'item-2', 'item-4'])
    expect(await names('labelSelector=tier!%3Deven,n')).toEqual(['item-1', 'item-3'])
    expect(await names('labelSelector=n%20in%20(1,4)')).toEqual(['item-1', 'item-4'])
    // notin also matches objects without the label, as in Kubernetes
    expect(await names('labelSelector=n%20notin%20(0,1,2)')).toEqual(['item-3', 'item-4', 'kube-root-ca.crt'])
    expect(await names('labelSelector=!n')).toEqual(['kube-root-ca.crt'])
    expect(await names('fieldSelector=metadata.name%3Ditem-3')).toEqual(['item-3'])
    const bad = await request(sb, '/api/v1/namespaces/listing/configmaps?fieldSelector=spec.x%3D1')
    expect(bad.status).toBe(400)
    expect(bad.json()).toMatchObject({ reason: 'BadRequest', message: 'field label not supported: spec.x' })
  })

  it('pages with limit and continue', async () => {
    const first = (await request(sb, '/api/v1/namespaces/listing/configmaps?limit=4')).json<{
      items: unknown[]
      metadata: { continue: string; remainingItemCount: number }
    }>()
    expect(first.items).toHaveLength(4)
    expect(first.metadata.remainingItemCount).toBe(2)
    const next = (
      await request(sb, `/api/v1/namespaces/listing/configmaps?limit=4&continue=${first.metadata.continue}`)
    ).json<{ items: Array<{ metadata: { name: string } }>; metadata: Record<string, unknown> }>()
    expect(next.items.map((i) => i.metadata.name)).toEqual(['item-4', 'kube-root-ca.crt'])
    expect(next.metadata.continue).toBeUndefined()
  })

  it('renders Tables with kubectl columns and row metadata', async () => {
    const table = (
      await request(sb, '/api/v1/namespaces/listing/configmaps?labelSelector=n%3D1', {
        accept: 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json',
      })
    ).json<{
      kind: string
      columnDefinitions: Array<{ name: string }>
      rows: Array<Record<string, unknown>>
    }>()
    expect(table.kind).toBe('Table')
    expect(table.columnDefinitions.map((c) => c.name)).toEqual(['Name', 'Data', 'Age'])
    expect(table.rows[0]).toMatchObject({
      cells: ['item-1', 0, expect.any(String)],
      object: { kind: 'PartialObjectMetadata', metadata: { name: 'item-1', labels: { n: '1' } } },
    })
  })
})

describe('watch', () => {
  it('streams changes from a resourceVersion and resumes without gaps', async () => {
    const base = (await request(sb, '/api/v1/namespaces/default/configmaps')).json<{
      metadata: { resourceVersion: string }
    }>().metadata.resourceVersion
    await request(sb, '/api/v1/namespaces/default/configmaps', { method: 'POST', body: cm('w-1') })
    const w = stream(sb, `/api/v1/namespaces/default/configmaps?watch=true&resourceVersion=${base}`)
    await request(sb, '/api/v1/namespaces/default/configmaps/w-1', {
      method: 'PATCH',
      contentType: 'application/merge-patch+json',
      body: { data: { z: '1' } },
    })
    await request(sb, '/api/v1/namespaces/default/configmaps/w-1', { method: 'DELETE' })
    const lines = await w.waitFor(3)
    w.close()
    const events = lines.map((l) => JSON.parse(l) as { type: string; object: { metadata: { name: string } } })
    expect(events.map((e) => e.type)).toEqual(['ADDED', 'MODIFIED', 'DELETED'])
    expect(events.every((e) => e.object.metadata.name === 'w-1')).toBe(true)
  })

  it('sends ADDED for existing objects without a resourceVersion and filters by selector', async () => {
    const w = stream(sb, '/api/v1/namespaces/listing/configmaps?watch=1&labelSelector=tier%3Dodd')
    const lines = await w.waitFor(2)
    w.close()
    expect(lines.map((l) => (JSON.parse(l) as { type: string }).type)).toEqual(['ADDED', 'ADDED'])
  })

  it('reports DELETED when an object stops matching the selector', async () => {
    const rv = (await request(sb, '/api/v1/namespaces/listing/configmaps')).json<{
      metadata: { resourceVersion: string }
    }>().metadata.resourceVersion
    const w = stream(
      sb,
      `/api/v1/namespaces/listing/configmaps?watch=1&labelSelector=tier%3Dodd&resourceVersion=${rv}`,
    )
    await request(sb, '/api/v1/namespaces/listing/configmaps/item-1', {
      method: 'PATCH',
      contentType: 'application/merge-patch+json',
      body: { metadata: { labels: { tier: 'even' } } },
    })
    const lines = await w.waitFor(1)
    w.close()
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({
      type: 'DELETED',
      object: { metadata: { name: 'item-1' } },
    })
  })

  it('sends bookmarks when allowed and ends at timeoutSeconds', async () => {
    const rv = (await request(sb, '/api/v1/namespaces')).json<{ metadata: { resourceVersion: string } }>()
      .metadata.resourceVersion
    const w = stream(
      sb,
      `/api/v1/namespaces?watch=true&allowWatchBookmarks=true&timeoutSeconds=1&resourceVersion=${rv}`,
    )
    await w.ended
    const types = w.lines.map((l) => (JSON.parse(l) as { type: string; object: { kind: string } }).type)
    expect(types.length).toBeGreaterThan(0)
    expect(types.every((t) => t === 'BOOKMARK')).toBe(true)
    expect(JSON.parse(w.lines[0] ?? '{}')).toMatchObject({
      object: { kind: 'Namespace', metadata: { resourceVersion: rv } },
    })
  })

  it('bookmarks a quiet kind at the store’s resourceVersion, so it resumes after other kinds’ writes', async () => {
    const rvOf = async (path: string): Promise<number> =>
      Number(
        (await request(sb, path)).json<{ metadata: { resourceVersion: string } }>().metadata.resourceVersion,
      )
    const quiet = '/api/v1/resourcequotas?watch=true&allowWatchBookmarks=true'
    const w = stream(sb, `${quiet}&resourceVersion=${await rvOf('/api/v1/resourcequotas')}`)
    await w.waitFor(1) // a first bookmark: the watch is open
    sb.seedPods('busy', 200) // more pod writes than the watch history (100 here) keeps
    const latest = await rvOf('/api/v1/namespaces/busy/pods')
    const bookmarkRv = async (): Promise<number> => {
      const deadline = Date.now() + 10_000
      for (let seen = 0; Date.now() < deadline; seen++) {
        const lines = await w.waitFor(seen + 1, 5000)
        const line = lines[seen]
        if (line === undefined) throw new Error(`the watch ended: ${lines.join('\n')}`)
        const rv = Number((JSON.parse(line) as { object: KObj }).object.metadata.resourceVersion)
        if (rv >= latest) return rv
      }
      throw new Error(`no bookmark at or past ${latest}: ${w.lines.slice(-1).join('')}`)
    }
    const resumeFrom = await bookmarkRv()
    w.close()
    const resumed = stream(sb, `${quiet}&timeoutSeconds=1&resourceVersion=${resumeFrom}`)
    await resumed.ended
    expect(
      resumed.lines.filter((l) => l.includes('"ERROR"')),
      `${resumeFrom} ${latest}`,
    ).toEqual([])
  })

  it('answers a too-old resourceVersion with a 410 Expired ERROR event', async () => {
    sb.seedPods('expire', 200)
    const w = stream(sb, '/api/v1/namespaces/default/pods?watch=true&resourceVersion=1')
    await w.ended
    expect(JSON.parse(w.lines[0] ?? '{}')).toMatchObject({
      type: 'ERROR',
      object: { kind: 'Status', code: 410, reason: 'Expired' },
    })
  })
})
