import { describe, expect, it } from 'vitest'
import { kindsFromAggregated, kindsFromResourceList, sortKinds } from './discovery-parse'
import { kindGroupOf } from './kind-groups'

const agg = (group: string, version: string, resources: object[]) => ({
  metadata: { name: group },
  versions: [
    { version, resources },
    { version: 'v0old', resources },
  ],
})
const res = (resource: string, kind: string, more: object = {}) => ({
  resource,
  responseKind: { kind },
  scope: 'Namespaced',
  singularResource: kind.toLowerCase(),
  verbs: ['create', 'get', 'list', 'watch', 'delete'],
  ...more,
})

describe('discovery', () => {
  it('reads aggregated discovery: preferred versions, short names, scope; skips what cannot be listed', () => {
    const kinds = kindsFromAggregated({
      kind: 'APIGroupDiscoveryList',
      items: [
        agg('', 'v1', [
          res('pods', 'Pod', { shortNames: ['po'] }),
          res('nodes', 'Node', { scope: 'Cluster' }),
          res('bindings', 'Binding', { verbs: ['create'] }),
        ]),
        agg('apps', 'v1', [res('statefulsets', 'StatefulSet', { shortNames: ['sts'] })]),
        agg('events.k8s.io', 'v1', [res('events', 'Event')]),
        agg('stable.example.com', 'v2', [res('crontabs', 'CronTab', { shortNames: ['ct'] })]),
      ],
    })
    expect(kinds.map((k) => k.id)).toEqual([
      'pods',
      'nodes',
      'statefulsets.apps',
      'crontabs.stable.example.com',
    ])
    expect(kinds[0]).toMatchObject({
      group: '',
      version: 'v1',
      namespaced: true,
      shortNames: ['po'],
      category: 'workloads',
    })
    expect(kinds[1]).toMatchObject({ namespaced: false, category: 'cluster' })
    expect(kinds[2]).toMatchObject({ version: 'v1', shortNames: ['sts'], category: 'workloads' })
    expect(kinds[3]).toMatchObject({ version: 'v2', category: 'custom', singular: 'crontab' })
  })

  it('reads legacy APIResourceLists and leaves out subresources', () => {
    const kinds = kindsFromResourceList({
      groupVersion: 'batch/v1',
      resources: [
        { name: 'jobs', singularName: 'job', namespaced: true, kind: 'Job', verbs: ['list', 'watch'] },
        { name: 'jobs/status', namespaced: true, kind: 'Job', verbs: ['get', 'patch'] },
        {
          name: 'cronjobs',
          singularName: '',
          namespaced: true,
          kind: 'CronJob',
          verbs: ['list', 'watch'],
          shortNames: ['cj'],
        },
      ],
    })
    expect(kinds).toEqual([
      expect.objectContaining({ id: 'jobs.batch', group: 'batch', version: 'v1', category: 'workloads' }),
      expect.objectContaining({ id: 'cronjobs.batch', singular: 'cronjob', shortNames: ['cj'] }),
    ])
    expect(
      kindsFromResourceList({
        groupVersion: 'v1',
        resources: [{ name: 'pods', kind: 'Pod', verbs: ['list', 'watch'] }],
      })[0],
    ).toMatchObject({ id: 'pods', group: '', version: 'v1' })
  })

  it('groups kinds as a person looks for them', () => {
    const cases: [string, string, string][] = [
      ['', 'pods', 'workloads'],
      ['apps', 'daemonsets', 'workloads'],
      ['batch', 'cronjobs', 'workloads'],
      ['', 'services', 'network'],
      ['networking.k8s.io', 'ingresses', 'network'],
      ['discovery.k8s.io', 'endpointslices', 'network'],
      ['', 'configmaps', 'config'],
      ['autoscaling', 'horizontalpodautoscalers', 'config'],
      ['coordination.k8s.io', 'leases', 'config'],
      ['', 'persistentvolumeclaims', 'storage'],
      ['storage.k8s.io', 'storageclasses', 'storage'],
      ['', 'serviceaccounts', 'access'],
      ['rbac.authorization.k8s.io', 'clusterroles', 'access'],
      ['', 'nodes', 'cluster'],
      ['apiextensions.k8s.io', 'customresourcedefinitions', 'cluster'],
      ['cert-manager.io', 'certificates', 'custom'],
      ['argoproj.io', 'applications', 'custom'],
    ]
    for (const [group, resource, want] of cases)
      expect(`${resource}.${group}: ${kindGroupOf(group, resource)}`).toBe(`${resource}.${group}: ${want}`)
  })

  it('orders common kinds first, custom kinds by group, and drops repeats', () => {
    const kinds = kindsFromAggregated({
      items: [
        agg('zeta.io', 'v1', [res('things', 'Thing')]),
        agg('apps', 'v1', [
          res('replicasets', 'ReplicaSet'),
          res('controllerrevisions', 'ControllerRevision'),
          res('deployments', 'Deployment'),
        ]),
        agg('alpha.io', 'v1', [res('things', 'Thing')]),
        agg('', 'v1', [res('pods', 'Pod'), res('pods', 'Pod')]),
      ],
    })
    expect(sortKinds(kinds).map((k) => k.id)).toEqual([
      'pods',
      'deployments.apps',
      'replicasets.apps',
      'controllerrevisions.apps',
      'things.alpha.io',
      'things.zeta.io',
    ])
  })
})
