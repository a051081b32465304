import { resourceByKind } from '../api/resources'
import type { KObj } from '../types'
import type { PersistentVolumeClaim } from '../types-apps'
import type { Sync } from './index'

// kind's local-path provisioner: a hostPath volume under /var/local-path-provisioner on the node the
// pod was scheduled to, pinned there by node affinity, named pvc-<claim uid>.
export const PROVISIONER = 'rancher.io/local-path'
const pvcDef = resourceByKind('PersistentVolumeClaim')
const pvDef = resourceByKind('PersistentVolume')
export const PROVISIONING_MS = 1500
const provisioningSince = new WeakMap<Sync, Map<string, number>>()

/** A volume's claimRef: which claim it is bound to (the binder and the provisioner both write it). */
export function claimRefOf(claim: PersistentVolumeClaim): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    name: claim.metadata.name,
    namespace: claim.metadata.namespace ?? '',
    resourceVersion: claim.metadata.resourceVersion,
    uid: claim.metadata.uid,
  }
}

export function provisionedVolume(
  claim: PersistentVolumeClaim,
  sc: KObj,
  node: string | undefined,
): Record<string, unknown> {
  const ns = claim.metadata.namespace ?? ''
  const name = `pvc-${claim.metadata.uid}`
  return {
    metadata: {
      name,
      annotations: {
        ...(node ? { 'local.path.provisioner/selected-node': node } : {}),
        'pv.kubernetes.io/provisioned-by': PROVISIONER,
      },
      finalizers: ['kubernetes.io/pv-protection'],
    },
    spec: {
      accessModes: claim.spec.accessModes ?? ['ReadWriteOnce'],
      capacity: { storage: claim.spec.resources?.requests?.storage ?? '1Gi' },
      claimRef: claimRefOf(claim),
      hostPath: {
        path: `/var/local-path-provisioner/${name}_${ns}_${claim.metadata.name}`,
        type: 'DirectoryOrCreate',
      },
      ...(node
        ? {
            nodeAffinity: {
              required: {
                nodeSelectorTerms: [
                  { matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [node] }] },
                ],
              },
            },
          }
        : {}),
      persistentVolumeReclaimPolicy: String(sc.reclaimPolicy ?? 'Delete'),
      storageClassName: sc.metadata.name,
      volumeMode: claim.spec.volumeMode ?? 'Filesystem',
    },
  }
}

// A claim that stays Pending, with the persistentvolume-controller's event saying why.
export function claimPhaseEvent(
  sync: Sync,
  claim: PersistentVolumeClaim,
  reason: string,
  message: string,
  type: 'Normal' | 'Warning' = 'Normal',
): void {
  sync.events.record(claim, type, reason, message, 'persistentvolume-controller')
  if (claim.status?.phase === 'Pending') return
  const ns = claim.metadata.namespace ?? ''
  const next = { ...structuredClone(claim), status: { ...claim.status, phase: 'Pending' } }
  sync.api.update(pvcDef, ns, claim.metadata.name, next, { internal: true, subresource: 'status' })
}

// External provisioning as the persistentvolume-controller and the provisioner do it: the claim is
// annotated with its provisioner, then (local-path only) a volume appears after a short while.
export function provision(
  sync: Sync,
  claim: PersistentVolumeClaim,
  sc: KObj,
  node: string | undefined,
): void {
  const ns = claim.metadata.namespace ?? ''
  const provisioner = String(sc.provisioner ?? '')
  const key = claim.metadata.uid
  const started = provisioningSince.get(sync) ?? new Map<string, number>()
  provisioningSince.set(sync, started)
  if (claim.metadata.annotations?.['volume.kubernetes.io/storage-provisioner'] !== provisioner) {
    const next = structuredClone(claim)
    next.metadata.annotations = {
      ...next.metadata.annotations,
      'volume.beta.kubernetes.io/storage-provisioner': provisioner,
      'volume.kubernetes.io/storage-provisioner': provisioner,
    }
    const saved = sync.api.update(pvcDef, ns, claim.metadata.name, next, { internal: true })
    const message = `Waiting for a volume to be created either by the external provisioner '${provisioner}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.`
    sync.events.record(saved, 'Normal', 'ExternalProvisioning', message, 'persistentvolume-controller')
    return
  }
  // Only kind's local-path provisioner runs in the sandbox; other provisioners leave the claim Pending.
  if (provisioner !== PROVISIONER) return
  const claimKey = `PersistentVolumeClaim|${ns}|${claim.metadata.name}`
  const since = started.get(key)
  if (since === undefined) {
    started.set(key, sync.clock.now())
    const message = `External provisioner is provisioning volume for claim "${ns}/${claim.metadata.name}"`
    sync.events.record(claim, 'Normal', 'Provisioning', message, PROVISIONER)
    sync.after(claimKey, PROVISIONING_MS)
    return
  }
  // Too early (another event woke the claim, or the real clock's timer fired before `now()` says the time has
  // passed: setTimeout counts from the event loop's cached time, `now()` from Date.now()): wait out the rest.
  // Returning without a timer left the claim Pending for good (a StatefulSet's next ordinal never came).
  const left = PROVISIONING_MS - (sync.clock.now() - since)
  if (left > 0) return sync.after(claimKey, left)
  started.delete(key)
  const pv = sync.api.create(pvDef, '', provisionedVolume(claim, sc, node), { internal: true })
  const message = `Successfully provisioned volume ${pv.metadata.name}`
  sync.events.record(claim, 'Normal', 'ProvisioningSucceeded', message, PROVISIONER)
}
