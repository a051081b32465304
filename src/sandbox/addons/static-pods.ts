import { fnv32a } from '../api/names'
import type { KObj } from '../types'
import { KUBE_VERSION } from './system-workloads'

// The control plane's static pods as the kubelet mirrors them into the API: named after the node, owned by
// it, annotated with the manifest's hash, on the host network.
interface Component {
  name: string
  image: string
  command: string[]
  annotations?: Record<string, string>
}

function components(ip: string): Component[] {
  return [
    {
      name: 'etcd',
      image: 'registry.k8s.io/etcd:3.5.16-0',
      command: [
        'etcd',
        `--advertise-client-urls=https://${ip}:2379`,
        '--cert-file=/etc/kubernetes/pki/etcd/server.crt',
        '--data-dir=/var/lib/etcd',
        `--listen-client-urls=https://127.0.0.1:2379,https://${ip}:2379`,
        '--snapshot-count=10000',
      ],
      annotations: { 'kubeadm.kubernetes.io/etcd.advertise-client-urls': `https://${ip}:2379` },
    },
    {
      name: 'kube-apiserver',
      image: `registry.k8s.io/kube-apiserver:${KUBE_VERSION}`,
      command: [
        'kube-apiserver',
        `--advertise-address=${ip}`,
        '--allow-privileged=true',
        '--authorization-mode=Node,RBAC',
        '--enable-admission-plugins=NodeRestriction',
        '--etcd-servers=https://127.0.0.1:2379',
        '--secure-port=6443',
        '--service-cluster-ip-range=10.96.0.0/16',
      ],
      annotations: { 'kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint': `${ip}:6443` },
    },
    {
      name: 'kube-controller-manager',
      image: `registry.k8s.io/kube-controller-manager:${KUBE_VERSION}`,
      command: [
        'kube-controller-manager',
        '--allocate-node-cidrs=true',
        '--cluster-cidr=10.244.0.0/16',
        '--controllers=*,bootstrapsigner,tokencleaner',
        '--leader-elect=true',
        '--use-service-account-credentials=true',
      ],
    },
    {
      name: 'kube-scheduler',
      image: `registry.k8s.io/kube-scheduler:${KUBE_VERSION}`,
      command: [
        'kube-scheduler',
        '--authentication-kubeconfig=/etc/kubernetes/scheduler.conf',
        '--leader-elect=true',
      ],
    },
  ]
}

export function staticPods(node: KObj, ip: string, seenAt: string): Record<string, unknown>[] {
  return components(ip).map((c) => {
    const hash = fnv32a(`${c.name}/${c.command.join(' ')}`)
      .toString(16)
      .padStart(8, '0')
      .repeat(4)
    return {
      metadata: {
        name: `${c.name}-${node.metadata.name}`,
        labels: { component: c.name, tier: 'control-plane' },
        annotations: {
          ...c.annotations,
          'kubernetes.io/config.hash': hash,
          'kubernetes.io/config.mirror': hash,
          'kubernetes.io/config.seen': seenAt,
          'kubernetes.io/config.source': 'file',
        },
        ownerReferences: [
          {
            apiVersion: 'v1',
            kind: 'Node',
            name: node.metadata.name,
            uid: node.metadata.uid,
            controller: true,
          },
        ],
      },
      spec: {
        containers: [{ name: c.name, image: c.image, command: c.command }],
        hostNetwork: true,
        nodeName: node.metadata.name,
        priority: 2_000_001_000,
        priorityClassName: 'system-node-critical',
        tolerations: [{ effect: 'NoExecute', operator: 'Exists' }],
      },
    }
  })
}
