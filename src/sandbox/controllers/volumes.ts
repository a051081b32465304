import { deepEqual } from '../api/deep-equal'
import { deleteObject } from '../api/deletion'
import type { ResourceDef } from '../api/resources'
import { resourceByKind } from '../api/resources'
import type { KObj } from '../types'
import { isRecord } from '../types'
import type { PersistentVolumeClaim } from '../types-apps'
import type { Sync } from './index'
import { claimPhaseEvent, claimRefOf, provision } from './volume-provisioner'

// The PersistentVolume controller (pkg/controller/volume/persistentvolume) and kind's local-path
// provisioner in one: a claim binds to a matching Available volume or, through its StorageClass, to a
// volume provisioned for it (at once for Immediate classes, once a pod picks a node for
// WaitForFirstConsumer ones); a volume whose claim is gone is Released and, with reclaim policy Delete,
// deleted.
const pvcDef = resourceByKind('PersistentVolumeClaim')
const pvDef = resourceByKind('PersistentVolume')
const scDef = resourceByKind('StorageClass')
const podDef = resourceByKind('Pod')
export const SELECTED_NODE = 'volume.kubernetes.io/selected-node'

function rec(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {}
}

// Quantities as bytes, enough to compare a volume's capacity with a request.
export function quantityBytes(q: string | undefined): number {
  const m = /^(\d+(?:\.\d+)?)([KMGTPE]i?|[kmM]?)$/.exec(q ?? '')
  if (!m) return 0
  const powers: Record<string, number> = {
    K: 2 ** 10,
    M: 2 ** 20,
    G: 2 ** 30,
    T: 2 ** 40,
    P: 2 ** 50,
    E: 2 ** 60,
  }
  const unit = m[2] ?? ''
  const base = unit.endsWith('i') ? (powers[unit[0] ?? ''] ?? 1) : unit === 'k' ? 1e3 : unit === 'M' ? 1e6 : 1
  return Number(m[1]) * base
}

function matches(claim: PersistentVolumeClaim, pv: KObj, className: string): boolean {
  const spec = rec(pv.spec)
  if (spec.claimRef || rec(pv.status).phase !== 'Available') return false
  if (String(spec.storageClassName ?? '') !== className) return false
  const modes = Array.isArray(spec.accessModes) ? spec.accessModes : []
  if (!(claim.spec.accessModes ?? []).every((m) => modes.includes(m))) return false
  const want = quantityBytes(claim.spec.resources?.requests?.storage)
  return quantityBytes(String(rec(spec.capacity).storage ?? '')) >= want
}

function bind(sync: Sync, claim: PersistentVolumeClaim, pv: KObj): void {
  const ns = claim.metadata.namespace ?? ''
  const nextPv = structuredClone(pv)
  rec(nextPv.spec).claimRef = claimRefOf(claim)
  nextPv.metadata.annotations = {
    ...nextPv.metadata.annotations,
    'pv.kubernetes.io/bound-by-controller': 'yes',
  }
  sync.api.update(pvDef, '', pv.metadata.name, nextPv, { internal: true })
  const next = structuredClone(claim)
  next.spec.volumeName = pv.metadata.name
  next.metadata.annotations = {
    ...next.metadata.annotations,
    'pv.kubernetes.io/bind-completed': 'yes',
    'pv.kubernetes.io/bound-by-controller': 'yes',
  }
  sync.api.update(pvcDef, ns, claim.metadata.name, next, { internal: true })
}

function setClaimStatus(
  sync: Sync,
  claim: PersistentVolumeClaim,
  status: PersistentVolumeClaim['status'],
): void {
  if (deepEqual(status, claim.status)) return
  const ns = claim.metadata.namespace ?? ''
  sync.api.update(
    pvcDef,
    ns,
    claim.metadata.name,
    { ...structuredClone(claim), status },
    {
      internal: true,
      subresource: 'status',
    },
  )
}

export function syncClaim(sync: Sync, ns: string, name: string): void {
  const entry = sync.api.store.get(pvcDef, ns, name)
  if (!entry) return
  const claim = entry.obj as PersistentVolumeClaim
  if (claim.metadata.deletionTimestamp && !claimInUse(sync, claim)) {
    return dropFinalizer(sync, pvcDef, claim, 'kubernetes.io/pvc-protection')
  }
  const volumeName = claim.spec.volumeName
  if (volumeName) {
    const pv = sync.api.store.get(pvDef, '', volumeName)?.obj
    if (!pv) return setClaimStatus(sync, claim, { phase: 'Lost' })
    const spec = rec(pv.spec)
    const ref = rec(spec.claimRef)
    if (!spec.claimRef) return bind(sync, claim, pv)
    if (ref.uid !== claim.metadata.uid) {
      const message = `volume "${volumeName}" already bound to a different claim.`
      return claimPhaseEvent(sync, claim, 'FailedBinding', message, 'Warning')
    }
    return setClaimStatus(sync, claim, {
      phase: 'Bound',
      accessModes: (spec.accessModes as string[] | undefined) ?? [],
      capacity: { storage: String(rec(spec.capacity).storage ?? '') },
    })
  }
  if (claim.metadata.deletionTimestamp) return
  const className = claim.spec.storageClassName ?? ''
  const pv = sync.api.store
    .list(pvDef)
    .map((e) => e.obj)
    .find((v) => matches(claim, v, className))
  if (pv) return bind(sync, claim, pv)
  if (className === '') {
    const message = 'no persistent volumes available for this claim and no storage class is set'
    return claimPhaseEvent(sync, claim, 'FailedBinding', message)
  }
  const sc = sync.api.store.get(scDef, '', className)?.obj
  if (!sc) {
    const message = `storageclass.storage.k8s.io "${className}" not found`
    return claimPhaseEvent(sync, claim, 'ProvisioningFailed', message, 'Warning')
  }
  const waiting = sc.volumeBindingMode === 'WaitForFirstConsumer'
  const node = claim.metadata.annotations?.[SELECTED_NODE]
  if (waiting && !node) {
    const message = 'waiting for first consumer to be created before binding'
    return claimPhaseEvent(sync, claim, 'WaitForFirstConsumer', message)
  }
  provision(sync, claim, sc, node)
}

// A claim is in use while a pod that is not finished names it.
function claimInUse(sync: Sync, claim: KObj): boolean {
  const ns = claim.metadata.namespace ?? ''
  return sync.api.store.list(podDef, ns).some(({ obj: pod }) => {
    const phase = rec(pod.status).phase
    if (phase === 'Succeeded' || phase === 'Failed') return false
    const volumes = rec(pod.spec).volumes
    return (
      Array.isArray(volumes) &&
      volumes.some((v) => rec(rec(v).persistentVolumeClaim).claimName === claim.metadata.name)
    )
  })
}

function dropFinalizer(sync: Sync, r: ResourceDef, obj: KObj, finalizer: string): void {
  if (!obj.metadata.finalizers?.includes(finalizer)) return
  const next = structuredClone(obj)
  next.metadata.finalizers = obj.metadata.finalizers.filter((f) => f !== finalizer)
  sync.api.update(r, obj.metadata.namespace ?? '', obj.metadata.name, next, { internal: true })
}

export function syncVolume(sync: Sync, name: string): void {
  const entry = sync.api.store.get(pvDef, '', name)
  if (!entry) return
  const pv = entry.obj
  if (pv.metadata.deletionTimestamp) {
    if (rec(pv.status).phase !== 'Bound') dropFinalizer(sync, pvDef, pv, 'kubernetes.io/pv-protection')
    return
  }
  const spec = rec(pv.spec)
  const ref = rec(spec.claimRef)
  let phase = 'Available'
  if (spec.claimRef) {
    const claim = sync.api.store.get(pvcDef, String(ref.namespace ?? ''), String(ref.name ?? ''))?.obj
    const sameClaim = claim && (!ref.uid || claim.metadata.uid === ref.uid)
    phase = sameClaim ? 'Bound' : 'Released'
    if (claim && sameClaim && rec(claim.spec).volumeName !== name) {
      // a claim bound by the user naming this volume: finish the binding from the claim's side
      return bind(sync, claim as PersistentVolumeClaim, pv)
    }
    if (!sameClaim && spec.persistentVolumeReclaimPolicy === 'Delete') {
      // the provisioner deletes what it made; the Released phase lets pv-protection go
      setVolumePhase(sync, pv, 'Released')
      deleteObject(sync.api, pvDef, '', name, {})
      return
    }
  }
  setVolumePhase(sync, pv, phase)
}

function setVolumePhase(sync: Sync, pv: KObj, phase: string): KObj {
  const status = rec(pv.status)
  if (status.phase === phase) return pv
  const next = {
    ...structuredClone(pv),
    status: { ...status, phase, lastPhaseTransitionTime: sync.api.timestamp() },
  }
  return sync.api.update(pvDef, '', pv.metadata.name, next, { internal: true, subresource: 'status' })
}
