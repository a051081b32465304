import { resourceByKind } from '../api/resources'
import type { KObj } from '../types'
import type { PersistentVolumeClaim } from '../types-apps'
import type { Sync } from './index'

// kind's local-path provisioner: a hostPath volume under /var/local-path-provisioner on the node the
// pod was scheduled to, pinned there by node affinity, named pvc-<claim uid>.
export const PROVISIONER = 'rancher.io/local-path'
const pvcDef = resourceByKind('PersistentVolumeClaim')

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
      claimRef: {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        name: claim.metadata.name,
        namespace: ns,
        resourceVersion: claim.metadata.resourceVersion,
        uid: claim.metadata.uid,
      },
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
