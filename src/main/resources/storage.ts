import { AppsV1Api, CoreV1Api, StorageV1Api } from '@kubernetes/client-node'
import type { ClaimState, StorageClassState, VolumeState } from '@shared/contract'
import { httpStatusOf, kubeCall } from '../errors/policy'
import { orEmpty } from './ingress'
import type { NetworkStorageDeps } from './network-storage-deps'
import { claimPods, claimState, storageClassState, volumeState } from './storage-map'

interface Ref {
  context?: string
  namespace: string
  name: string
}

/** A claim with its class, volume, the pods that mount it and, while Pending, why (from its events). */
export async function readClaimState(deps: NetworkStorageDeps, input: Ref): Promise<ClaimState> {
  const kc = await deps.getKubeConfig(input.context)
  const core = kc.makeApiClient(CoreV1Api)
  const { namespace, name } = input
  const claim = await kubeCall(`read persistent volume claim "${name}"`, () =>
    core.readNamespacedPersistentVolumeClaim({ name, namespace }),
  )
  const [classes, pods, sets, events] = await Promise.all([
    orEmpty(() => kc.makeApiClient(StorageV1Api).listStorageClass()),
    orEmpty(() => core.listNamespacedPod({ namespace })),
    orEmpty(() => kc.makeApiClient(AppsV1Api).listNamespacedStatefulSet({ namespace })),
    claim.status?.phase === 'Bound'
      ? Promise.resolve([])
      : orEmpty(() =>
          core.listNamespacedEvent({
            namespace,
            fieldSelector: `involvedObject.kind=PersistentVolumeClaim,involvedObject.name=${name}`,
          }),
        ),
  ])
  const world = { claim, classes, pods, sets, events }
  if (claim.status?.phase === 'Bound') return claimState(world)
  // A pod that mounts a Pending claim and is not scheduled: the scheduler's reason is on the pod.
  const waiting = claimPods(name, pods)
    .filter((p) => !p.node)
    .slice(0, 3)
  const podEvents = await Promise.all(
    waiting.map((p) =>
      orEmpty(() =>
        core.listNamespacedEvent({
          namespace,
          fieldSelector: `involvedObject.kind=Pod,involvedObject.name=${p.name},reason=FailedScheduling`,
        }),
      ),
    ),
  )
  return claimState({ ...world, podEvents: podEvents.flat() })
}

/** A volume with its claim (still there or not), reclaim policy, source and nodes. */
export async function readVolumeState(
  deps: NetworkStorageDeps,
  input: { context?: string; name: string },
): Promise<VolumeState> {
  const kc = await deps.getKubeConfig(input.context)
  const core = kc.makeApiClient(CoreV1Api)
  const pv = await kubeCall(`read persistent volume "${input.name}"`, () =>
    core.readPersistentVolume({ name: input.name }),
  )
  const ref = pv.spec?.claimRef
  let exists: boolean | undefined
  if (ref?.name && ref.namespace) {
    try {
      const claim = await core.readNamespacedPersistentVolumeClaim({
        name: ref.name,
        namespace: ref.namespace,
      })
      // A claim made again under the same name is another claim: the uid tells.
      exists = !ref.uid || claim.metadata?.uid === ref.uid
    } catch (err) {
      exists = httpStatusOf(err) === 404 ? false : undefined
    }
  }
  return volumeState(pv, exists)
}

/** A class with its provisioner, binding mode, default flag and the claims and volumes that name it. */
export async function readStorageClassState(
  deps: NetworkStorageDeps,
  input: { context?: string; name: string },
): Promise<StorageClassState> {
  const kc = await deps.getKubeConfig(input.context)
  const core = kc.makeApiClient(CoreV1Api)
  const sc = await kubeCall(`read storage class "${input.name}"`, () =>
    kc.makeApiClient(StorageV1Api).readStorageClass({ name: input.name }),
  )
  const [claims, volumes] = await Promise.all([
    orEmpty(() => core.listPersistentVolumeClaimForAllNamespaces()),
    orEmpty(() => core.listPersistentVolume()),
  ])
  return storageClassState(sc, claims, volumes)
}
