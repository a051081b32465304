import { describe, expect, it } from 'vitest'
import { buildDetail, endpointLinks } from './detail'
import type { WireDataObject, WirePod } from './rows/wire'

describe('buildDetail', () => {
  const pod: WirePod = {
    metadata: {
      name: 'web-1',
      namespace: 'demo',
      labels: { app: 'web' },
      ownerReferences: [{ kind: 'ReplicaSet', name: 'web-7d4', controller: true }],
    },
    spec: {
      nodeName: 'node-1',
      initContainers: [{ name: 'migrate', image: 'migrate:1' }],
      containers: [{ name: 'app', image: 'nginx:1.27', ports: [{ containerPort: 80, name: 'http' }] }],
    },
    status: {
      phase: 'Running',
      conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: '2026-01-01T00:00:00Z' }],
      initContainerStatuses: [
        { name: 'migrate', state: { terminated: { exitCode: 0, reason: 'Completed' } } },
      ],
      containerStatuses: [
        {
          name: 'app',
          ready: true,
          restartCount: 2,
          state: { running: { startedAt: '2026-01-01T00:00:01Z' } },
        },
      ],
    },
  }

  it('summarises a pod: containers, owner and node links, conditions', () => {
    const d = buildDetail(pod, 'pods')
    expect(d.ref).toEqual({ kind: 'pods', namespace: 'demo', name: 'web-1' })
    expect(d.sections.map((s) => s.title)).toEqual([
      'Metadata',
      'Summary',
      'Init container migrate',
      'Container app',
    ])
    expect(d.sections[3]?.items).toEqual([
      { label: 'Image', value: 'nginx:1.27' },
      { label: 'Ports', value: '80/TCP (http)' },
      { label: 'State', value: 'Running, started 2026-01-01T00:00:01Z' },
      { label: 'Ready', value: 'Yes' },
      { label: 'Restarts', value: '2' },
    ])
    expect(d.sections[1]?.items).toContainEqual({ label: 'Status', value: 'Running' })
    // Raw row field names (createdAt, upToDate…) never reach the person; Created is in Metadata already.
    for (const i of d.sections[1]?.items ?? []) expect(i.label).toMatch(/^[A-Z][a-z]/)
    expect(d.sections[1]?.items.map((i) => i.label)).not.toContain('createdAt')
    expect(d.links).toEqual([
      { relation: 'Controlled by', ref: { kind: 'replicasets', namespace: 'demo', name: 'web-7d4' } },
      { relation: 'Runs on', ref: { kind: 'nodes', name: 'node-1' } },
    ])
    expect(d.conditions).toEqual([{ type: 'Ready', status: 'True', lastTransition: '2026-01-01T00:00:00Z' }])
  })

  it('labels a deployment’s summary for people: Up to date, Paused, health in words', () => {
    const d = buildDetail(
      {
        metadata: { name: 'web', namespace: 'demo', creationTimestamp: '2026-01-01T00:00:00Z' },
        spec: { replicas: 2, selector: { matchLabels: { app: 'web' } } },
        status: { replicas: 2, updatedReplicas: 2, readyReplicas: 2, availableReplicas: 2 },
      } as WireDataObject,
      'deployments',
    )
    const summary = d.sections.find((s) => s.title === 'Summary')?.items ?? []
    expect(summary).toContainEqual({ label: 'Up to date', value: '2' })
    expect(summary).toContainEqual({ label: 'Paused', value: 'No' })
    expect(summary).toContainEqual({ label: 'Desired replicas', value: '2' })
    expect(summary.map((i) => i.label)).not.toContain('upToDate')
  })

  it('lists annotations with their values (the change-cause readable), cutting only huge ones', () => {
    const d = buildDetail(
      {
        metadata: {
          name: 'web',
          namespace: 'demo',
          annotations: {
            'kubernetes.io/change-cause': 'kubectl set image deployment/web nginx=nginx:1.28',
            'kubectl.kubernetes.io/last-applied-configuration': 'x'.repeat(5000),
          },
        },
      } as WireDataObject,
      'deployments',
    )
    const items = d.sections.find((s) => s.title === 'Annotations')?.items ?? []
    expect(items[0]).toEqual({
      label: 'kubernetes.io/change-cause',
      value: 'kubectl set image deployment/web nginx=nginx:1.28',
    })
    expect(items[1]?.value).toMatch(/^x{300}… \(5,000 characters; see YAML\)$/)
  })

  it('shows secret keys with sizes only, never values', () => {
    const d = buildDetail(
      { metadata: { name: 's', namespace: 'demo' }, data: { pw: 'czNjcmV0' } } as WireDataObject,
      'secrets',
    )
    expect(d.sections.at(-1)).toEqual({ title: 'Data', items: [{ label: 'pw', value: '6 bytes' }] })
    expect(JSON.stringify(d)).not.toContain('czNjcmV0')
  })

  it('links a Service to its endpoint pods', () => {
    const endpoints = {
      subsets: [{ addresses: [{ targetRef: { kind: 'Pod', name: 'web-1' } }, { ip: '10.0.0.9' }] }],
    }
    expect(endpointLinks(endpoints, 'demo')).toEqual([
      { relation: 'Endpoint', ref: { kind: 'pods', namespace: 'demo', name: 'web-1' } },
    ])
  })
})
