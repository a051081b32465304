// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import type { TableColumn, TableRow } from '@shared/contract'
import { kindLabel } from '../../sidebar/KindNav'
import { kindHash, parseKindHash } from './routes'
import { tableColumns } from './table-columns'

const col = (name: string, type = 'string', priority = 0, format = ''): TableColumn => ({
  name,
  type,
  format,
  description: '',
  priority,
})

const row: TableRow = {
  key: 'prod/db-0',
  name: 'db-0',
  namespace: 'prod',
  uid: 'u',
  createdAt: '2026-01-01T00:00:00Z',
  labels: {},
  cells: ['db-0', '1/1', 12, 'Running', '10.0.0.1', '5m'],
}

describe('Table columns in the generic view', () => {
  it('shows what `kubectl get` prints: name, the printed cells, a ticking age; not the -o wide ones', () => {
    const cols = tableColumns(
      [
        col('Name', 'string', 0, 'name'),
        col('Ready'),
        col('Restarts', 'integer'),
        col('Status'),
        col('IP', 'string', 1),
        col('Age'),
      ],
      false,
    )
    expect(cols.map((c) => c.header)).toEqual(['Name', 'Ready', 'Restarts', 'Status', 'Age'])
    const [name, ready, restarts, status] = cols
    expect(name?.value(row)).toBe('db-0')
    expect(ready?.value(row)).toBe('1/1')
    expect(restarts?.value(row)).toBe(12)
    expect(restarts?.align).toBe('right')
    expect(status?.value(row)).toBe('Running')
  })

  it('adds the namespace across namespaces, and a name column the server left out', () => {
    expect(tableColumns([col('Size', 'integer')], true).map((c) => c.id)).toEqual([
      'name',
      'namespace',
      'c0-Size',
    ])
    // A row printed before the columns changed has fewer cells: the missing one reads empty.
    const short = tableColumns([col('Name', 'string', 0, 'name'), col('A'), col('B')], false)
    expect(short[2]?.value({ ...row, cells: ['x', 'a'] })).toBe('')
  })

  it('names kinds by their plural in the Kind’s capitals', () => {
    expect(kindLabel({ kind: 'EndpointSlice', resource: 'endpointslices' })).toBe('EndpointSlices')
    expect(kindLabel({ kind: 'Endpoints', resource: 'endpoints' })).toBe('Endpoints')
    expect(kindLabel({ kind: 'NetworkPolicy', resource: 'networkpolicies' })).toBe('NetworkPolicies')
    expect(kindLabel({ kind: 'Ingress', resource: 'ingresses' })).toBe('Ingresses')
  })

  it('round-trips kind routes, cluster-scoped objects and names with colons', () => {
    const routes = [
      { id: 'statefulsets.apps' },
      { id: 'widgets.example.com', object: { namespace: 'prod', name: 'blue' } },
      { id: 'clusterroles.rbac.authorization.k8s.io', object: { name: 'system:aggregate-to-admin' } },
    ]
    for (const r of routes) expect(parseKindHash(kindHash(r.id, r.object))).toEqual(r)
    expect(parseKindHash('#workloads')).toBeUndefined()
  })
})
