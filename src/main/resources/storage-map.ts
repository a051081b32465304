import type {
  CoreV1Event,
  V1PersistentVolume,
  V1PersistentVolumeClaim,
  V1Pod,
  V1StatefulSet,
  V1StorageClass,
} from '@kubernetes/client-node'
import type { ClaimState, LinkedPod, StorageClassState, VolumeState } from '@shared/contract'

// Claims, volumes and classes followed to each other and to the pods that use them, with their states said in
// words for someone who has never met a PersistentVolumeClaim. Pure: the readers in storage.ts feed it.

const DEFAULT_CLASS = 'storageclass.kubernetes.io/is-default-class'

/** The claim names a pod's volumes use: direct claims, and generic ephemeral volumes (`<pod>-<volume>`). */
export function podClaims(pod: V1Pod): string[] {
  return (pod.spec?.volumes ?? []).flatMap((v) =>
    v.persistentVolumeClaim
      ? [v.persistentVolumeClaim.claimName]
      : v.ephemeral
        ? [`${pod.metadata?.name ?? ''}-${v.name}`]
        : [],
  )
}

const podReady = (p: V1Pod): boolean =>
  (p.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True')

/** Pods in the claim's namespace whose volumes name it. */
export function claimPods(claim: string, pods: V1Pod[]): LinkedPod[] {
  return pods
    .filter((p) => podClaims(p).includes(claim))
    .map((p) => ({
      name: p.metadata?.name ?? '',
      ready: podReady(p),
      phase: p.metadata?.deletionTimestamp ? 'Terminating' : (p.status?.phase ?? 'Pending'),
      ...(p.spec?.nodeName ? { node: p.spec.nodeName } : {}),
    }))
    .sort((a, b) => a.name.localeCompare(b.name))
}

/** A claim a StatefulSet made from a volumeClaimTemplate: `<template>-<set>-<ordinal>`. */
export function statefulSetOf(
  claim: string,
  sets: V1StatefulSet[],
): { name: string; ordinal: number; pod: string } | undefined {
  for (const s of sets) {
    const set = s.metadata?.name ?? ''
    for (const t of s.spec?.volumeClaimTemplates ?? []) {
      const prefix = `${t.metadata?.name ?? ''}-${set}-`
      const rest = claim.startsWith(prefix) ? claim.slice(prefix.length) : ''
      if (/^(0|[1-9]\d*)$/.test(rest)) return { name: set, ordinal: Number(rest), pod: `${set}-${rest}` }
    }
  }
  return undefined
}

export function bindingModeText(mode: string): string {
  return mode === 'WaitForFirstConsumer'
    ? 'Volumes are made only when a pod that uses the claim is scheduled, on that pod’s node. Until a pod uses it, a new claim stays Pending: that is expected.'
    : 'Volumes are made (or bound) as soon as a claim is created, before any pod uses it.'
}

interface ClaimWorld {
  claim: V1PersistentVolumeClaim
  classes: V1StorageClass[]
  pods: V1Pod[]
  sets: V1StatefulSet[]
  /** Events about the claim (any order). */
  events: CoreV1Event[]
  /** The scheduler's FailedScheduling events of the claim's unscheduled pods (any order). */
  podEvents?: CoreV1Event[]
}

function waitingExplanation(w: ClaimWorld, users: LinkedPod[], sc: V1StorageClass | undefined): string {
  const { claim } = w
  const className = claim.spec?.storageClassName
  const failed = [...w.events]
    .filter((e) => e.reason === 'ProvisioningFailed')
    .sort((a, b) => eventTime(b) - eventTime(a))[0]
  if (className && !sc)
    return `StorageClass "${className}" does not exist, so nothing makes a volume for this claim. Create that class, or make the claim again with a class that exists.`
  if (failed) return `The provisioner tried and failed: ${failed.message ?? ''}`
  if (!className) {
    const size = claim.spec?.resources?.requests?.storage ?? 'its size'
    return `This claim names no StorageClass, so nothing makes a volume for it: it binds only to an existing PersistentVolume without a class, of at least ${size}, with access modes ${(claim.spec?.accessModes ?? []).join(', ') || '(none)'}. None is available.`
  }
  if (sc?.volumeBindingMode === 'WaitForFirstConsumer') {
    const head = `StorageClass "${className}" waits for the first pod (WaitForFirstConsumer): its volume is made only when a pod that uses this claim is scheduled, on that pod’s node.`
    const pending = users.filter((p) => !p.node)
    if (users.length === 0)
      return `${head} No pod uses this claim yet, so it stays Pending until one does. That is normal.`
    const said = newest(w.podEvents ?? [])[0]?.message
    if (pending.length > 0)
      return `${head} Pod ${pending.map((p) => p.name).join(', ')} uses it and is not scheduled yet${said ? `; the scheduler says: ${said}` : '; its events say why.'}`
    return `${head} Pod ${users[0]?.name ?? ''} is scheduled; the provisioner "${sc.provisioner}" is making the volume.`
  }
  return `Waiting for the provisioner "${sc?.provisioner ?? '?'}" to make a volume. If this lasts, the provisioner may not be running in this cluster.`
}

const eventTime = (e: CoreV1Event): number =>
  new Date(e.lastTimestamp ?? e.eventTime ?? e.metadata?.creationTimestamp ?? 0).getTime()
const newest = (events: CoreV1Event[]): CoreV1Event[] =>
  [...events].sort((a, b) => eventTime(b) - eventTime(a))

export function claimState(w: ClaimWorld): ClaimState {
  const { claim } = w
  const name = claim.metadata?.name ?? ''
  const className = claim.spec?.storageClassName || undefined
  const sc = className ? w.classes.find((c) => c.metadata?.name === className) : undefined
  const users = claimPods(name, w.pods)
  const set = statefulSetOf(name, w.sets)
  const phase = claim.status?.phase ?? 'Pending'
  const out: ClaimState = {
    phase,
    accessModes: claim.status?.accessModes ?? claim.spec?.accessModes ?? [],
    volumeMode: claim.spec?.volumeMode ?? 'Filesystem',
    pods: users,
  }
  if (className) out.storageClass = className
  if (className) out.storageClassFound = sc !== undefined
  if (sc) out.provisioner = sc.provisioner
  if (sc) out.bindingMode = sc.volumeBindingMode ?? 'Immediate'
  if (claim.spec?.volumeName) out.volume = claim.spec.volumeName
  const requested = claim.spec?.resources?.requests?.storage
  if (requested) out.requested = requested
  const capacity = claim.status?.capacity?.storage
  if (capacity) out.capacity = capacity
  if (set) out.statefulSet = { ...set, podExists: w.pods.some((p) => p.metadata?.name === set.pod) }
  if (phase === 'Pending')
    out.waiting = {
      explanation: waitingExplanation(w, users, sc),
      events: newest([...w.events, ...(w.podEvents ?? [])])
        .slice(0, 5)
        .map((e) => ({ type: e.type ?? 'Normal', reason: e.reason ?? '', message: e.message ?? '' })),
    }
  if (phase === 'Lost')
    out.waiting = {
      explanation: `The volume this claim was bound to (${out.volume ?? '?'}) is gone; its data may be lost.`,
      events: [],
    }
  return out
}

function volumeSource(pv: V1PersistentVolume): string {
  const s = pv.spec
  if (s?.hostPath) return `hostPath ${s.hostPath.path} (a folder on the node)`
  if (s?.local) return `local ${s.local.path} (a disk or folder on the node)`
  if (s?.csi) return `CSI driver ${s.csi.driver} (volume ${s.csi.volumeHandle})`
  if (s?.nfs) return `NFS ${s.nfs.server}:${s.nfs.path}`
  const other = Object.keys(s ?? {}).find(
    (k) =>
      ![
        'accessModes',
        'capacity',
        'claimRef',
        'mountOptions',
        'nodeAffinity',
        'persistentVolumeReclaimPolicy',
      ].includes(k) && !['storageClassName', 'volumeMode', 'volumeAttributesClassName'].includes(k),
  )
  return other ?? 'unknown'
}

function volumeNodes(pv: V1PersistentVolume): string[] {
  return (pv.spec?.nodeAffinity?.required?.nodeSelectorTerms ?? []).flatMap((t) =>
    (t.matchExpressions ?? []).flatMap((e) =>
      e.key === 'kubernetes.io/hostname' && e.operator === 'In' ? (e.values ?? []) : [],
    ),
  )
}

function volumeExplanation(pv: V1PersistentVolume, policy: string, claim?: string): string {
  const keep =
    policy === 'Delete'
      ? 'When the claim is deleted, this volume and its data are deleted too (reclaim policy Delete).'
      : policy === 'Retain'
        ? 'When the claim is deleted, the volume and its data are kept until someone deletes them (reclaim policy Retain).'
        : `Reclaim policy ${policy}.`
  switch (pv.status?.phase) {
    case 'Bound':
      return `Holds the data of claim ${claim ?? '?'}. ${keep}`
    case 'Released':
      return policy === 'Retain'
        ? `Its claim ${claim ?? ''} was deleted. The data is kept; no other claim can bind it until an administrator deletes it or clears its claimRef.`
        : `Its claim ${claim ?? ''} was deleted; the volume is being reclaimed (${policy}).`
    case 'Failed':
      return `Reclaiming it failed: ${pv.status.message ?? 'no reason given'}.`
    case 'Available':
      return `Free: a claim of its class asking for at most its capacity, with matching access modes, can bind it. ${keep}`
    default:
      return 'Not available yet.'
  }
}

export function volumeState(pv: V1PersistentVolume, claimExists: boolean | undefined): VolumeState {
  const policy = pv.spec?.persistentVolumeReclaimPolicy ?? 'Retain'
  const ref = pv.spec?.claimRef
  const claim = ref?.name ? `${ref.namespace ?? ''}/${ref.name}` : undefined
  const out: VolumeState = {
    phase: pv.status?.phase ?? 'Pending',
    accessModes: pv.spec?.accessModes ?? [],
    volumeMode: pv.spec?.volumeMode ?? 'Filesystem',
    reclaimPolicy: policy,
    source: volumeSource(pv),
    nodes: volumeNodes(pv),
    explanation: volumeExplanation(pv, policy, claim),
  }
  const capacity = pv.spec?.capacity?.storage
  if (capacity) out.capacity = capacity
  if (pv.spec?.storageClassName) out.storageClass = pv.spec.storageClassName
  if (ref?.name) out.claim = { namespace: ref.namespace ?? '', name: ref.name, exists: claimExists !== false }
  return out
}

export function storageClassState(
  sc: V1StorageClass,
  claims: V1PersistentVolumeClaim[],
  volumes: V1PersistentVolume[],
): StorageClassState {
  const name = sc.metadata?.name ?? ''
  const mode = sc.volumeBindingMode ?? 'Immediate'
  return {
    provisioner: sc.provisioner,
    reclaimPolicy: sc.reclaimPolicy ?? 'Delete',
    bindingMode: mode,
    isDefault: sc.metadata?.annotations?.[DEFAULT_CLASS] === 'true',
    allowExpansion: sc.allowVolumeExpansion === true,
    parameters: { ...sc.parameters },
    explanation: bindingModeText(mode),
    claims: claims
      .filter((c) => c.spec?.storageClassName === name)
      .map((c) => ({
        namespace: c.metadata?.namespace ?? '',
        name: c.metadata?.name ?? '',
        phase: c.status?.phase ?? 'Pending',
        ...(c.spec?.volumeName ? { volume: c.spec.volumeName } : {}),
      }))
      .sort((a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name)),
    volumes: volumes
      .filter((v) => v.spec?.storageClassName === name)
      .map((v) => ({
        name: v.metadata?.name ?? '',
        phase: v.status?.phase ?? 'Pending',
        ...(v.spec?.claimRef?.name
          ? { claim: `${v.spec.claimRef.namespace ?? ''}/${v.spec.claimRef.name}` }
          : {}),
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  }
}
