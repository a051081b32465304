import { describe, expect, it } from 'vitest'
import { tableColumns, tableObjects, tableRow, type WireTable } from './table-row'
import { builtInOwners, ownerTarget } from './owner-targets'
import { buildApiDetail } from './api-detail'
import type { ApiCatalog } from '@shared/contract'

const table: WireTable = {
  kind: 'Table',
  metadata: { resourceVersion: '42' },
  columnDefinitions: [
    { name: 'Name', type: 'string', format: 'name', description: 'Name', priority: 0 },
    { name: 'Ready', type: 'string', priority: 0 },
    { name: 'Replicas', type: 'integer', priority: 0 },
    { name: 'Selector', type: 'string', priority: 1 },
  ],
  rows: [
    {
      cells: ['db', '1/3', 3, { app: 'db' }],
      object: {
        metadata: {
          name: 'db',
          namespace: 'prod',
          uid: 'u1',
          resourceVersion: '41',
          creationTimestamp: '2026-01-01T00:00:00Z',
          labels: { app: 'db' },
          ownerReferences: [
            { apiVersion: 'v1', kind: 'ConfigMap', name: 'not-controller', uid: 'x' },
            { apiVersion: 'example.com/v1', kind: 'Database', name: 'main', uid: 'y', controller: true },
          ],
        },
      },
    },
  ],
}

describe('Table → rows', () => {
  it('keeps the server’s columns and cells, with the metadata every row needs', () => {
    expect(tableColumns(table)?.map((c) => [c.name, c.type, c.priority])).toEqual([
      ['Name', 'string', 0],
      ['Ready', 'string', 0],
      ['Replicas', 'integer', 0],
      ['Selector', 'string', 1],
    ])
    expect(tableColumns({ kind: 'Table', columnDefinitions: null })).toBeUndefined()
    const [obj] = tableObjects(table)
    expect(obj?.metadata?.resourceVersion).toBe('41')
    expect(tableRow(obj!)).toEqual({
      key: 'prod/db',
      name: 'db',
      namespace: 'prod',
      uid: 'u1',
      createdAt: '2026-01-01T00:00:00Z',
      labels: { app: 'db' },
      deleting: undefined,
      cells: ['db', '1/3', 3, '{"app":"db"}'],
      owner: { apiVersion: 'example.com/v1', kind: 'Database', name: 'main' },
    })
  })

  it('maps a cluster-scoped row without owner or cells', () => {
    const row = tableRow({ metadata: { name: 'n1', deletionTimestamp: 'now' }, cells: [] } as never)
    expect(row).toMatchObject({ key: 'n1', name: 'n1', namespace: undefined, cells: [], deleting: true })
    expect(row.owner).toBeUndefined()
  })
})

describe('owner links', () => {
  const cases: [string, string, string, boolean][] = [
    ['apps/v1', 'ReplicaSet', 'replicasets', true],
    ['apps/v1', 'Deployment', 'deployments', true],
    ['apps/v1', 'StatefulSet', 'statefulsets', true],
    ['apps/v1', 'DaemonSet', 'daemonsets', true],
    ['apps/v1', 'ControllerRevision', 'controllerrevisions', true],
    ['batch/v1', 'Job', 'jobs', true],
    ['batch/v1', 'CronJob', 'cronjobs', true],
    ['v1', 'ReplicationController', 'replicationcontrollers', true],
    ['v1', 'Pod', 'pods', true],
    ['v1', 'Service', 'services', true],
    ['v1', 'Node', 'nodes', false],
    ['v1', 'Namespace', 'namespaces', false],
  ]
  it('leads every built-in controller kind to its resource, in the namespace when namespaced', () => {
    expect(cases.length).toBe(Object.keys(builtInOwners).length)
    for (const [apiVersion, kind, resource, namespaced] of cases) {
      const ref = ownerTarget({ apiVersion, kind, name: 'owner' }, 'team-a')
      const group = apiVersion.includes('/') ? apiVersion.split('/')[0] : ''
      expect(ref, kind).toEqual({
        group,
        version: apiVersion.split('/').pop(),
        resource,
        name: 'owner',
        ...(namespaced ? { namespace: 'team-a' } : {}),
      })
    }
  })

  it('finds custom owners through the catalog, and gives up on kinds it does not know', () => {
    const catalog: ApiCatalog = {
      source: 'aggregated',
      failedGroups: [],
      kinds: [
        {
          id: 'databases.example.com',
          group: 'example.com',
          version: 'v2',
          resource: 'databases',
          kind: 'Database',
          singular: 'database',
          namespaced: true,
          shortNames: [],
          verbs: ['list', 'watch'],
          category: 'custom',
        },
      ],
    }
    expect(
      ownerTarget({ apiVersion: 'example.com/v1', kind: 'Database', name: 'main' }, 'prod', catalog),
    ).toEqual({
      group: 'example.com',
      version: 'v2',
      resource: 'databases',
      namespace: 'prod',
      name: 'main',
    })
    expect(
      ownerTarget({ apiVersion: 'example.com/v1', kind: 'Database', name: 'main' }, 'prod'),
    ).toBeUndefined()
    const detail = buildApiDetail(
      { apiVersion: 'v1', kind: 'Pod', metadata: table.rows![0]!.object!.metadata } as never,
      { group: '', version: 'v1', resource: 'pods', namespace: 'prod', name: 'db' },
      catalog,
    )
    expect(detail.links).toEqual([
      {
        relation: 'Controlled by',
        kind: 'Database',
        ref: expect.objectContaining({ resource: 'databases' }) as unknown,
      },
    ])
    expect(detail.metadata.find((m) => m.label === 'Kind')?.value).toBe('Pod (v1)')
  })
})
