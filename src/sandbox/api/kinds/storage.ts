import type { ResourceDef } from '../resources'
import { STATUS_VERBS, defineResource as def } from './define'

// Storage: claims and volumes (core/v1) and storage.k8s.io/v1 StorageClasses.
export const STORAGE_RESOURCES: ResourceDef[] = [
  def({
    plural: 'persistentvolumeclaims',
    kind: 'PersistentVolumeClaim',
    group: '',
    version: 'v1',
    namespaced: true,
    shortNames: ['pvc'],
    categories: [],
    subresources: [{ name: 'status', kind: 'PersistentVolumeClaim', verbs: STATUS_VERBS }],
  }),
  def({
    plural: 'persistentvolumes',
    kind: 'PersistentVolume',
    group: '',
    version: 'v1',
    namespaced: false,
    shortNames: ['pv'],
    categories: [],
    subresources: [{ name: 'status', kind: 'PersistentVolume', verbs: STATUS_VERBS }],
  }),
  def({
    plural: 'storageclasses',
    kind: 'StorageClass',
    group: 'storage.k8s.io',
    version: 'v1',
    namespaced: false,
    shortNames: ['sc'],
    categories: [],
  }),
]
