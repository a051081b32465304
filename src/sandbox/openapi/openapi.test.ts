import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningSandbox } from '../index'
import { startSandbox } from '../index'
import { RESOURCES } from '../api/resources'
import { request } from '../../../test/support/http-client'
import type { KubectlRunner } from '../../../test/support/kubectl'
import { kubectlFor } from '../../../test/support/kubectl'

// /openapi/v3 and /openapi/v2 as kubectl reads them: index with hashes, per group-version documents with
// the kinds' schemas, PATCH operations with their content types and query parameters, and v2 protobuf.
let sb: RunningSandbox
let k: KubectlRunner

beforeAll(async () => {
  sb = await startSandbox({ name: 'openapi', manualClock: true })
  k = await kubectlFor(sb)
})
afterAll(async () => {
  await k.cleanup()
  await sb.stop()
})

interface V3Doc {
  paths: Record<
    string,
    Record<
      string,
      { parameters?: Array<{ name: string }>; requestBody?: { content: Record<string, unknown> } }
    >
  >
  components: {
    schemas: Record<
      string,
      { properties?: Record<string, Record<string, unknown>>; 'x-kubernetes-group-version-kind'?: unknown[] }
    >
  }
}

async function v3(key: string): Promise<V3Doc> {
  const index = (await request(sb, '/openapi/v3')).json<{
    paths: Record<string, { serverRelativeURL: string }>
  }>()
  const url = index.paths[key]?.serverRelativeURL
  expect(url, key).toMatch(/\?hash=[0-9A-F]{128}$/)
  const res = await request(sb, url ?? '')
  expect(res.headers['cache-control']).toBe('public, immutable')
  return res.json<V3Doc>()
}

describe('/openapi/v3', () => {
  it('has a schema with its group-version-kind for every built-in kind the sandbox serves', async () => {
    // metrics.k8s.io is an aggregated API on a real cluster (metrics-server); client-node has no model of it
    for (const r of RESOURCES.filter((x) => x.group !== 'metrics.k8s.io')) {
      const doc = await v3(r.group === '' ? 'api/v1' : `apis/${r.group}/${r.version}`)
      const kinds = Object.values(doc.components.schemas).flatMap(
        (s) => s['x-kubernetes-group-version-kind'] ?? [],
      )
      expect(kinds, r.kind).toContainEqual({ group: r.group, version: r.version, kind: r.kind })
    }
  })

  it('declares PATCH types, fieldValidation and dryRun, and the lists merge keys', async () => {
    const doc = await v3('apis/apps/v1')
    const patch = doc.paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}']?.patch
    expect(Object.keys(patch?.requestBody?.content ?? {})).toContain('application/strategic-merge-patch+json')
    expect(Object.keys(patch?.requestBody?.content ?? {})).toContain('application/apply-patch+yaml')
    expect(patch?.parameters?.map((p) => p.name)).toEqual(
      expect.arrayContaining(['fieldValidation', 'dryRun', 'fieldManager', 'force']),
    )
    const podSpec = doc.components.schemas['io.k8s.api.core.v1.PodSpec']
    expect(podSpec?.properties?.containers).toMatchObject({
      type: 'array',
      'x-kubernetes-patch-merge-key': 'name',
      'x-kubernetes-patch-strategy': 'merge',
      'x-kubernetes-list-type': 'map',
      'x-kubernetes-list-map-keys': ['name'],
    })
    expect(doc.components.schemas['io.k8s.api.apps.v1.DeploymentSpec']?.properties?.strategy).toMatchObject({
      'x-kubernetes-patch-strategy': 'retainKeys',
    })
  })

  it('redirects an old hash to the current document', async () => {
    const res = await request(sb, '/openapi/v3/api/v1?hash=0000')
    expect(res.status).toBe(301)
    expect(res.headers.location).toMatch(/^\/openapi\/v3\/api\/v1\?hash=[0-9A-F]+$/)
  })
})

describe('/openapi/v2', () => {
  it('serves Swagger 2.0 JSON and the protobuf kubectl reads', async () => {
    const json = (await request(sb, '/openapi/v2')).json<{
      swagger: string
      definitions: Record<string, unknown>
    }>()
    expect(json.swagger).toBe('2.0')
    expect(json.definitions['io.k8s.api.apps.v1.Deployment']).toMatchObject({
      'x-kubernetes-group-version-kind': [{ group: 'apps', version: 'v1', kind: 'Deployment' }],
    })
    const r = await k.run(['explain', '--output=plaintext-openapiv2', 'deployment.spec.replicas'])
    expect(r.exitCode, r.stderr).toBe(0)
    expect(r.stdout).toMatch(/^FIELD: {4}replicas <integer>$/m)
    expect(r.stdout).toContain('Number of desired pods.')
  })
})
