import { AppsV1Api, CoreV1Api, type KubeConfig } from '@kubernetes/client-node'
import type { ObjectRef } from '@shared/contract/resources'
import { refNamespace } from './object-reads'

/** Every write Skiff makes names itself, so managedFields (and the API server's audit) say who changed what. */
export const FIELD_MANAGER = 'skiff'

/**
 * Deletes one object like `kubectl delete` does: dependents are removed in the background
 * (a Deployment's ReplicaSets and pods), with the grace period the person chose.
 */
export async function deleteObject(
  kc: KubeConfig,
  ref: ObjectRef,
  gracePeriodSeconds?: number,
): Promise<void> {
  const core = kc.makeApiClient(CoreV1Api)
  const apps = kc.makeApiClient(AppsV1Api)
  const common = { name: ref.name, gracePeriodSeconds, propagationPolicy: 'Background' }
  const ns = (): { namespace: string } => ({ namespace: refNamespace(ref) as string })
  switch (ref.kind) {
    case 'pods':
      return void (await core.deleteNamespacedPod({ ...common, ...ns() }))
    case 'services':
      return void (await core.deleteNamespacedService({ ...common, ...ns() }))
    case 'configmaps':
      return void (await core.deleteNamespacedConfigMap({ ...common, ...ns() }))
    case 'secrets':
      return void (await core.deleteNamespacedSecret({ ...common, ...ns() }))
    case 'events':
      return void (await core.deleteNamespacedEvent({ ...common, ...ns() }))
    case 'deployments':
      return void (await apps.deleteNamespacedDeployment({ ...common, ...ns() }))
    case 'replicasets':
      return void (await apps.deleteNamespacedReplicaSet({ ...common, ...ns() }))
    case 'namespaces':
      return void (await core.deleteNamespace(common))
    case 'nodes':
      return void (await core.deleteNode(common))
  }
}

export async function createNamespace(kc: KubeConfig, name: string): Promise<string> {
  const created = await kc
    .makeApiClient(CoreV1Api)
    .createNamespace({ body: { metadata: { name } }, fieldManager: FIELD_MANAGER })
  return created.metadata?.name ?? name
}
