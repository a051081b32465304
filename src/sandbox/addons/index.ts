import type { ObjectApi } from '../api/objects'
import { resourceByKind } from '../api/resources'
import { staticPods } from './static-pods'
import { installStorageClass } from './storage'
import {
  COREDNS,
  COREFILE,
  KINDNET,
  KUBE_DNS_SERVICE,
  KUBE_PROXY,
  LOCAL_PATH_PROVISIONER,
} from './system-workloads'

// What kind installs into a new cluster: the control plane's mirror pods, coredns and its kube-dns Service,
// the kindnet and kube-proxy DaemonSets, and the local-path provisioner with the default StorageClass.
// The controllers bring their pods up like any other.
export function installAddons(api: ObjectApi, controlPlane: string): void {
  const create = (kind: string, ns: string, body: Record<string, unknown>): void => {
    api.create(resourceByKind(kind), ns, body, { internal: true })
  }
  const node = api.store.get(resourceByKind('Node'), '', controlPlane)?.obj
  if (node) {
    const seen = new Date(api.clock.now())
      .toISOString()
      .replace('Z', '000000Z')
      .replace(/\.(\d{9})\d*Z$/, '.$1Z')
    for (const pod of staticPods(node, '172.18.0.2', seen)) create('Pod', 'kube-system', pod)
  }
  create('ConfigMap', 'kube-system', { metadata: { name: 'coredns' }, data: { Corefile: COREFILE } })
  for (const sa of ['coredns', 'kindnet', 'kube-proxy'])
    create('ServiceAccount', 'kube-system', { metadata: { name: sa } })
  create('Deployment', 'kube-system', COREDNS)
  create('Service', 'kube-system', KUBE_DNS_SERVICE)
  create('DaemonSet', 'kube-system', KINDNET)
  create('DaemonSet', 'kube-system', KUBE_PROXY)
  create('Namespace', '', { metadata: { name: 'local-path-storage' } })
  create('ServiceAccount', 'local-path-storage', {
    metadata: { name: 'local-path-provisioner-service-account' },
  })
  create('ConfigMap', 'local-path-storage', {
    metadata: { name: 'local-path-config' },
    data: {
      'config.json': JSON.stringify(
        {
          nodePathMap: [
            { node: 'DEFAULT_PATH_FOR_NON_LISTED_NODES', paths: ['/var/local-path-provisioner'] },
          ],
        },
        null,
        2,
      ),
    },
  })
  create('Deployment', 'local-path-storage', LOCAL_PATH_PROVISIONER)
  installStorageClass(api)
}
