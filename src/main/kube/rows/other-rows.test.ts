import { describe, expect, it } from 'vitest'
import { eventRow } from './event-row'
import { nodeRoles, nodeRow } from './node-row'
import { serviceRow } from './service-row'
import { configMapRow, namespaceRow, secretRow } from './simple-rows'
import type { WireService } from './wire'

const meta = { name: 'x', namespace: 'demo', uid: 'u', creationTimestamp: '2026-01-01T00:00:00Z' }

describe('serviceRow', () => {
  const svc = (spec: WireService['spec'], status?: WireService['status']): WireService => ({
    metadata: meta,
    spec,
    status,
  })

  it('ClusterIP with ports and selector', () => {
    expect(
      serviceRow(
        svc({
          type: 'ClusterIP',
          clusterIP: '10.96.0.10',
          clusterIPs: ['10.96.0.10'],
          selector: { app: 'web' },
          ports: [
            { port: 80, protocol: 'TCP' },
            { port: 53, protocol: 'UDP' },
          ],
        }),
      ),
    ).toMatchObject({
      type: 'ClusterIP',
      clusterIP: '10.96.0.10',
      externalIP: '<none>',
      ports: '80/TCP,53/UDP',
      selector: 'app=web',
    })
  })

  it('NodePort prints port:nodePort', () => {
    const row = serviceRow(
      svc({
        type: 'NodePort',
        ports: [
          { port: 80, protocol: 'TCP' },
          { port: 443, nodePort: 30443, protocol: 'TCP' },
        ],
      }),
    )
    expect(row.ports).toBe('80/TCP,443:30443/TCP')
    expect(row.selector).toBe('<none>')
  })

  it('LoadBalancer is <pending> until it has an ingress', () => {
    expect(serviceRow(svc({ type: 'LoadBalancer' })).externalIP).toBe('<pending>')
    expect(
      serviceRow(
        svc(
          { type: 'LoadBalancer', externalIPs: ['1.2.3.4'] },
          { loadBalancer: { ingress: [{ ip: '5.6.7.8' }, { hostname: 'lb.example' }] } },
        ),
      ).externalIP,
    ).toBe('5.6.7.8,lb.example,1.2.3.4')
    expect(serviceRow(svc({ type: 'ExternalName', externalName: 'db.example' })).externalIP).toBe(
      'db.example',
    )
    expect(serviceRow(svc({ ports: [] })).ports).toBe('<none>')
  })
})

describe('nodeRow', () => {
  it('Ready, roles and wide columns', () => {
    const row = nodeRow({
      metadata: {
        name: 'n1',
        labels: {
          'node-role.kubernetes.io/control-plane': '',
          'node-role.kubernetes.io/master': '',
          os: 'linux',
        },
      },
      status: {
        conditions: [
          { type: 'MemoryPressure', status: 'False' },
          { type: 'Ready', status: 'True' },
        ],
        addresses: [{ type: 'InternalIP', address: '172.18.0.2' }],
        nodeInfo: {
          kubeletVersion: 'v1.32.0',
          osImage: 'Debian',
          kernelVersion: '6.1',
          containerRuntimeVersion: 'containerd://1.7',
        },
      },
    })
    expect(row).toMatchObject({
      key: 'n1',
      status: 'Ready',
      roles: 'control-plane,master',
      version: 'v1.32.0',
      internalIP: '172.18.0.2',
      externalIP: '<none>',
      osImage: 'Debian',
      containerRuntime: 'containerd://1.7',
    })
    expect(row.namespace).toBeUndefined()
  })

  it('NotReady, Unknown and SchedulingDisabled', () => {
    expect(
      nodeRow({ metadata: { name: 'n' }, status: { conditions: [{ type: 'Ready', status: 'False' }] } })
        .status,
    ).toBe('NotReady')
    expect(nodeRow({ metadata: { name: 'n' }, spec: { unschedulable: true } }).status).toBe(
      'Unknown,SchedulingDisabled',
    )
    expect(
      nodeRow({
        metadata: { name: 'n' },
        spec: { unschedulable: true },
        status: { conditions: [{ type: 'Ready', status: 'True' }] },
      }).status,
    ).toBe('Ready,SchedulingDisabled')
  })

  it('roles: <none>, and kubernetes.io/role', () => {
    expect(nodeRoles({})).toBe('<none>')
    expect(nodeRoles({ 'kubernetes.io/role': 'worker', 'node-role.kubernetes.io/': 'x' })).toBe('worker')
  })
})

describe('eventRow', () => {
  it('projects kubectl get events -o wide columns', () => {
    const row = eventRow({
      metadata: { ...meta, name: 'web-1.17f' },
      involvedObject: { kind: 'Pod', name: 'web-1', fieldPath: 'spec.containers{app}' },
      type: 'Warning',
      reason: 'BackOff',
      message: 'Back-off restarting failed container\n',
      count: 5,
      firstTimestamp: '2026-01-01T00:00:00Z',
      lastTimestamp: '2026-01-01T00:05:00Z',
      source: { component: 'kubelet', host: 'node-1' },
    })
    expect(row).toMatchObject({
      object: 'pod/web-1',
      subobject: 'spec.containers{app}',
      source: 'kubelet, node-1',
      message: 'Back-off restarting failed container',
      count: 5,
      firstSeen: '2026-01-01T00:00:00Z',
      lastSeen: '2026-01-01T00:05:00Z',
    })
  })

  it('new-API events: eventTime, series and reporting component', () => {
    const row = eventRow({
      metadata: meta,
      involvedObject: { kind: 'Deployment', name: 'web' },
      eventTime: '2026-01-01T00:00:00.123456Z',
      firstTimestamp: null,
      lastTimestamp: null,
      series: { count: 7, lastObservedTime: '2026-01-01T00:09:00.000000Z' },
      reportingComponent: 'deployment-controller',
    })
    expect(row).toMatchObject({
      firstSeen: '2026-01-01T00:00:00.123456Z',
      lastSeen: '2026-01-01T00:09:00.000000Z',
      count: 7,
      source: 'deployment-controller',
    })
    expect(eventRow({ metadata: meta, firstTimestamp: '2026-01-01T00:00:00Z' })).toMatchObject({
      count: 1,
      lastSeen: '2026-01-01T00:00:00Z',
      object: '',
    })
  })
})

describe('simple rows', () => {
  it('configmap, secret and namespace', () => {
    expect(configMapRow({ metadata: meta, data: { a: '1', b: '2' }, binaryData: { c: 'AA==' } }).data).toBe(3)
    expect(
      secretRow({ metadata: meta, type: 'kubernetes.io/tls', data: { 'tls.crt': '', 'tls.key': '' } }),
    ).toMatchObject({
      type: 'kubernetes.io/tls',
      data: 2,
    })
    expect(
      namespaceRow({
        metadata: { name: 'demo', deletionTimestamp: '2026-01-01T00:00:00Z' },
        status: { phase: 'Terminating' },
      }),
    ).toMatchObject({ key: 'demo', status: 'Terminating', deleting: true })
  })
})
