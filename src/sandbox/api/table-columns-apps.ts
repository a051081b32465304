import type { ContainerSpec, KObj } from '../types'
import { isRecord } from '../types'
import type { ControllerRevision, DaemonSet, PersistentVolumeClaim, StatefulSet } from '../types-apps'
import { ageOf } from './age'
import { selectorToString } from './selectors'
import type { ColumnDef, KindPrinter } from './table-columns'

// kubectl's server-side printers (pkg/printers/internalversion/printers.go) for StatefulSet, DaemonSet,
// ControllerRevision, PersistentVolume(Claim) and StorageClass.
function col(name: string, type = 'string', priority = 0, format = ''): ColumnDef {
  return { name, type, format, description: name, priority }
}
const NAME = col('Name', 'string', 0, 'name')
const AGE = col('Age')
const WIDE_TEMPLATE = [col('Containers', 'string', 1), col('Images', 'string', 1)]

function templateCells(template: { spec?: { containers?: ContainerSpec[] } } | undefined): [string, string] {
  const cs = template?.spec?.containers ?? []
  return [cs.map((c) => c.name).join(','), cs.map((c) => c.image).join(',')]
}

function rec(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {}
}

const statefulSet: KindPrinter = {
  columns: [NAME, col('Ready'), AGE, ...WIDE_TEMPLATE],
  cells(obj, now) {
    const s = obj as StatefulSet
    return [
      s.metadata.name,
      `${s.status?.readyReplicas ?? 0}/${s.spec.replicas ?? 1}`,
      ageOf(s.metadata.creationTimestamp, now),
      ...templateCells(s.spec.template),
    ]
  },
}

function formatLabels(labels: Record<string, string> | undefined): string {
  const parts = Object.keys(labels ?? {})
    .sort()
    .map((k) => `${k}=${labels?.[k] ?? ''}`)
  return parts.length > 0 ? parts.join(',') : '<none>'
}

const daemonSet: KindPrinter = {
  columns: [
    NAME,
    col('Desired', 'integer'),
    col('Current', 'integer'),
    col('Ready', 'integer'),
    col('Up-to-date', 'integer'),
    col('Available', 'integer'),
    col('Node Selector'),
    AGE,
    ...WIDE_TEMPLATE,
    col('Selector', 'string', 1),
  ],
  cells(obj, now) {
    const d = obj as DaemonSet
    const st = d.status
    return [
      d.metadata.name,
      st?.desiredNumberScheduled ?? 0,
      st?.currentNumberScheduled ?? 0,
      st?.numberReady ?? 0,
      st?.updatedNumberScheduled ?? 0,
      st?.numberAvailable ?? 0,
      formatLabels(d.spec.template.spec.nodeSelector as Record<string, string> | undefined),
      ageOf(d.metadata.creationTimestamp, now),
      ...templateCells(d.spec.template),
      selectorToString(d.spec.selector),
    ]
  },
}

const controllerRevision: KindPrinter = {
  columns: [NAME, col('Controller'), col('Revision'), AGE],
  cells(obj, now) {
    const cr = obj as ControllerRevision
    const ref = cr.metadata.ownerReferences?.find((r) => r.controller)
    const group = ref?.apiVersion.includes('/') ? `.${ref.apiVersion.split('/')[0] ?? ''}` : ''
    const controller = ref ? `${ref.kind.toLowerCase()}${group}/${ref.name}` : '<none>'
    return [cr.metadata.name, controller, cr.revision, ageOf(cr.metadata.creationTimestamp, now)]
  },
}

// helper.GetAccessModesAsString: RWO, ROX, RWX, RWOP in that order, comma-joined.
const MODES: Array<[string, string]> = [
  ['ReadWriteOnce', 'RWO'],
  ['ReadOnlyMany', 'ROX'],
  ['ReadWriteMany', 'RWX'],
  ['ReadWriteOncePod', 'RWOP'],
]
function accessModes(modes: unknown): string {
  const list = Array.isArray(modes) ? modes : []
  return MODES.filter(([m]) => list.includes(m))
    .map(([, short]) => short)
    .join(',')
}

const persistentVolumeClaim: KindPrinter = {
  columns: [
    NAME,
    col('Status'),
    col('Volume'),
    col('Capacity'),
    col('Access Modes'),
    col('StorageClass'),
    col('VolumeAttributesClass'),
    AGE,
    col('VolumeMode', 'string', 1),
  ],
  cells(obj, now) {
    const c = obj as PersistentVolumeClaim
    const bound = !!c.spec.volumeName
    return [
      c.metadata.name,
      c.metadata.deletionTimestamp ? 'Terminating' : (c.status?.phase ?? ''),
      c.spec.volumeName ?? '',
      bound ? (c.status?.capacity?.storage ?? '') : '',
      bound ? accessModes(c.status?.accessModes) : '',
      c.spec.storageClassName ?? '',
      String(c.spec.volumeAttributesClassName ?? '<unset>'),
      ageOf(c.metadata.creationTimestamp, now),
      c.spec.volumeMode ?? '<unset>',
    ]
  },
}

const persistentVolume: KindPrinter = {
  columns: [
    NAME,
    col('Capacity'),
    col('Access Modes'),
    col('Reclaim Policy'),
    col('Status'),
    col('Claim'),
    col('StorageClass'),
    col('VolumeAttributesClass'),
    col('Reason'),
    AGE,
    col('VolumeMode', 'string', 1),
  ],
  cells(obj, now) {
    const spec = rec(obj.spec)
    const status = rec(obj.status)
    const ref = rec(spec.claimRef)
    const claim = spec.claimRef ? `${String(ref.namespace ?? '')}/${String(ref.name ?? '')}` : ''
    return [
      obj.metadata.name,
      String(rec(spec.capacity).storage ?? ''),
      accessModes(spec.accessModes),
      String(spec.persistentVolumeReclaimPolicy ?? ''),
      obj.metadata.deletionTimestamp ? 'Terminating' : String(status.phase ?? ''),
      claim,
      String(spec.storageClassName ?? ''),
      String(spec.volumeAttributesClassName ?? '<unset>'),
      String(status.reason ?? ''),
      ageOf(obj.metadata.creationTimestamp, now),
      String(spec.volumeMode ?? '<unset>'),
    ]
  },
}

export const DEFAULT_CLASS_ANNOTATION = 'storageclass.kubernetes.io/is-default-class'

const storageClass: KindPrinter = {
  columns: [
    NAME,
    col('Provisioner'),
    col('ReclaimPolicy'),
    col('VolumeBindingMode'),
    col('AllowVolumeExpansion'),
    AGE,
  ],
  cells(obj: KObj, now) {
    const isDefault = obj.metadata.annotations?.[DEFAULT_CLASS_ANNOTATION] === 'true'
    return [
      isDefault ? `${obj.metadata.name} (default)` : obj.metadata.name,
      String(obj.provisioner ?? ''),
      String(obj.reclaimPolicy ?? 'Delete'),
      String(obj.volumeBindingMode ?? 'Immediate'),
      obj.allowVolumeExpansion === true,
      ageOf(obj.metadata.creationTimestamp, now),
    ]
  },
}

export const APPS_STORAGE_PRINTERS: Record<string, KindPrinter> = {
  StatefulSet: statefulSet,
  DaemonSet: daemonSet,
  ControllerRevision: controllerRevision,
  PersistentVolumeClaim: persistentVolumeClaim,
  PersistentVolume: persistentVolume,
  StorageClass: storageClass,
}
