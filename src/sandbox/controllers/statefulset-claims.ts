import { deleteObject } from '../api/deletion'
import { resourceByKind } from '../api/resources'
import type { StatefulSet } from '../types-apps'
import type { Sync } from './index'
import { controllerRef } from './owned'

// volumeClaimTemplates → one PersistentVolumeClaim per template and ordinal (`<template>-<set>-<ordinal>`),
// created before the pod and kept after it (unless persistentVolumeClaimRetentionPolicy.whenDeleted is
// Delete, which makes the set their owner).
const pvcDef = resourceByKind('PersistentVolumeClaim')

export interface PodClaim {
  volume: string
  claim: string
}

export function claimName(template: string, set: string, ordinal: number): string {
  return `${template}-${set}-${ordinal}`
}

export function ensureClaims(sync: Sync, set: StatefulSet, ordinal: number): PodClaim[] {
  const ns = set.metadata.namespace ?? ''
  const pod = `${set.metadata.name}-${ordinal}`
  const out: PodClaim[] = []
  for (const tmpl of set.spec.volumeClaimTemplates ?? []) {
    const volume = tmpl.metadata.name
    const claim = claimName(volume, set.metadata.name, ordinal)
    out.push({ volume, claim })
    if (sync.api.store.get(pvcDef, ns, claim)) continue
    const deleteWithSet = set.spec.persistentVolumeClaimRetentionPolicy?.whenDeleted === 'Delete'
    sync.api.create(
      pvcDef,
      ns,
      {
        metadata: {
          name: claim,
          namespace: ns,
          labels: { ...tmpl.metadata.labels, ...set.spec.selector.matchLabels },
          ...(tmpl.metadata.annotations ? { annotations: { ...tmpl.metadata.annotations } } : {}),
          ...(deleteWithSet ? { ownerReferences: [controllerRef(set)] } : {}),
        },
        spec: structuredClone(tmpl.spec),
      },
      { internal: true },
    )
    const message = `create Claim ${claim} Pod ${pod} in StatefulSet ${set.metadata.name} success`
    sync.events.record(set, 'Normal', 'SuccessfulCreate', message, 'statefulset-controller')
  }
  return out
}

// whenScaled: Delete — the claims of ordinals scaled away go once their pods are gone.
export function deleteScaledClaims(sync: Sync, set: StatefulSet, live: Set<number>): void {
  if (set.spec.persistentVolumeClaimRetentionPolicy?.whenScaled !== 'Delete') return
  const ns = set.metadata.namespace ?? ''
  const start = set.spec.ordinals?.start ?? 0
  const end = start + (set.spec.replicas ?? 1)
  for (const tmpl of set.spec.volumeClaimTemplates ?? []) {
    const prefix = `${tmpl.metadata.name}-${set.metadata.name}-`
    for (const { obj } of sync.api.store.list(pvcDef, ns)) {
      if (!obj.metadata.name.startsWith(prefix) || obj.metadata.deletionTimestamp) continue
      const ord = Number(obj.metadata.name.slice(prefix.length))
      if (!Number.isInteger(ord) || (ord >= start && ord < end) || live.has(ord)) continue
      deleteObject(sync.api, pvcDef, ns, obj.metadata.name, {})
    }
  }
}
