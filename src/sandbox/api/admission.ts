import type { Store } from '../store/store'
import { recordAt } from '../types'
import { resourceByKind } from './resources'

// Mutating admission the sandbox applies on create, after defaults: DefaultStorageClass gives a claim that
// names no class the default StorageClass (the newest one marked default), as kube-apiserver's plugin does.
const DEFAULT_CLASS = 'storageclass.kubernetes.io/is-default-class'

export function defaultStorageClassName(store: Store): string | undefined {
  const defaults = store
    .list(resourceByKind('StorageClass'))
    .map((e) => e.obj)
    .filter((sc) => sc.metadata.annotations?.[DEFAULT_CLASS] === 'true')
    .sort((a, b) =>
      a.metadata.creationTimestamp === b.metadata.creationTimestamp
        ? a.metadata.name.localeCompare(b.metadata.name)
        : a.metadata.creationTimestamp.localeCompare(b.metadata.creationTimestamp),
    )
  return defaults[defaults.length - 1]?.metadata.name
}

// StorageObjectInUseProtection: claims and volumes are not removed while in use.
const PROTECTION: Record<string, string> = {
  PersistentVolumeClaim: 'kubernetes.io/pvc-protection',
  PersistentVolume: 'kubernetes.io/pv-protection',
}

export function admitCreate(store: Store, kind: string, obj: Record<string, unknown>): void {
  const finalizer = PROTECTION[kind]
  if (!finalizer) return
  const meta = recordAt(obj, 'metadata')
  const finalizers = Array.isArray(meta.finalizers) ? (meta.finalizers as string[]) : []
  if (!finalizers.includes(finalizer)) meta.finalizers = [...finalizers, finalizer]
  if (kind !== 'PersistentVolumeClaim') return
  const spec = recordAt(obj, 'spec')
  // an explicit "" asks for no class at all
  if (spec.storageClassName !== undefined && spec.storageClassName !== null) return
  const name = defaultStorageClassName(store)
  if (name) spec.storageClassName = name
}
