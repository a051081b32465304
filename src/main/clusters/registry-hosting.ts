import { CoreV1Api, type KubeConfig, type V1ConfigMap } from '@kubernetes/client-node'
import { KIND_REGISTRY } from '@shared/cluster-options'
import { FIELD_MANAGER } from '../kube/object-writes'

// KEP-1755: tools discover a cluster's local registry from kube-public/local-registry-hosting.
export function registryHostingConfigMap(): V1ConfigMap {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'local-registry-hosting', namespace: 'kube-public' },
    data: {
      'localRegistryHosting.v1': `host: "localhost:${KIND_REGISTRY.hostPort}"\nhelp: "https://kind.sigs.k8s.io/docs/user/local-registry/"\n`,
    },
  }
}

export async function publishRegistryHosting(kc: KubeConfig): Promise<void> {
  const api = kc.makeApiClient(CoreV1Api)
  const body = registryHostingConfigMap()
  try {
    await api.createNamespacedConfigMap({ namespace: 'kube-public', body, fieldManager: FIELD_MANAGER })
  } catch (err) {
    // Already there (a re-run): replace it with ours.
    if ((err as { code?: number }).code !== 409) throw err
    await api.replaceNamespacedConfigMap({
      name: 'local-registry-hosting',
      namespace: 'kube-public',
      body,
      fieldManager: FIELD_MANAGER,
    })
  }
}
