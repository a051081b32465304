import type { ObjectApi } from './api/objects'
import { resourceByKind } from './api/resources'
import { bootstrapIngressClass } from './controllers/ingress'

// A realistic empty cluster: system namespaces, nodes, the kubernetes service and per-namespace defaults.
export function nodeNames(cluster: string, count: number): string[] {
  const names = [`${cluster}-control-plane`]
  for (let i = 1; i < count; i++) names.push(i === 1 ? `${cluster}-worker` : `${cluster}-worker${i}`)
  return names
}

export function nodeObject(name: string, index: number, now: string): Record<string, unknown> {
  const condition = (
    type: string,
    status: string,
    reason: string,
    message: string,
  ): Record<string, unknown> => ({
    type,
    status,
    reason,
    message,
    lastHeartbeatTime: now,
    lastTransitionTime: now,
  })
  return {
    metadata: {
      name,
      labels: {
        'kubernetes.io/hostname': name,
        'kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        ...(index === 0 ? { 'node-role.kubernetes.io/control-plane': '' } : {}),
      },
      annotations: { 'skiff.dev/simulated': 'true' },
    },
    spec: {
      podCIDR: `10.244.${index}.0/24`,
      podCIDRs: [`10.244.${index}.0/24`],
      providerID: `sandbox://${name}`,
    },
    status: {
      capacity: { cpu: '4', memory: '8Gi', pods: '110', 'ephemeral-storage': '100Gi' },
      allocatable: { cpu: '4', memory: '8Gi', pods: '110', 'ephemeral-storage': '100Gi' },
      conditions: [
        condition(
          'MemoryPressure',
          'False',
          'KubeletHasSufficientMemory',
          'kubelet has sufficient memory available',
        ),
        condition('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
        condition('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
        condition('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
      ],
      addresses: [
        { type: 'InternalIP', address: `172.18.0.${index + 2}` },
        { type: 'Hostname', address: name },
      ],
      nodeInfo: {
        machineID: `sandbox-${index}`,
        systemUUID: `sandbox-${index}`,
        bootID: `sandbox-${index}`,
        kernelVersion: '6.1.0-sandbox',
        osImage: 'Skiff Sandbox (simulated)',
        containerRuntimeVersion: 'sandbox://1.0.0',
        kubeletVersion: 'v1.32.0',
        kubeProxyVersion: 'v1.32.0',
        operatingSystem: 'linux',
        architecture: 'amd64',
      },
    },
  }
}

export function bootstrap(api: ObjectApi, cluster: string, nodes: number, caCert: string): void {
  bootstrapIngressClass(api)
  const nsDef = resourceByKind('Namespace')
  for (const ns of ['default', 'kube-system', 'kube-public', 'kube-node-lease']) {
    api.create(nsDef, '', { metadata: { name: ns } })
  }
  const nodeDef = resourceByKind('Node')
  nodeNames(cluster, nodes).forEach((name, i) => {
    const node = api.create(nodeDef, '', nodeObject(name, i, api.timestamp()), { internal: true })
    api.create(resourceByKind('Lease'), 'kube-node-lease', {
      metadata: { name, ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name, uid: node.metadata.uid }] },
      spec: {
        holderIdentity: name,
        leaseDurationSeconds: 40,
        renewTime: new Date(api.clock.now()).toISOString().replace('Z', '000Z'),
      },
    })
  })
  api.create(resourceByKind('Service'), 'default', {
    metadata: { name: 'kubernetes', labels: { component: 'apiserver', provider: 'kubernetes' } },
    spec: {
      clusterIP: '10.96.0.1',
      ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }],
    },
  })
  api.create(resourceByKind('Endpoints'), 'default', {
    metadata: { name: 'kubernetes', labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } },
    subsets: [{ addresses: [{ ip: '172.18.0.2' }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] }],
  })
  for (const ns of ['default', 'kube-system', 'kube-public', 'kube-node-lease']) {
    api.create(resourceByKind('ConfigMap'), ns, {
      metadata: { name: 'kube-root-ca.crt' },
      data: { 'ca.crt': caCert },
    })
  }
}
