import { randomUUID } from 'node:crypto'
import type { Clock } from '../clock'
import { ResourceCatalog } from '../crd/catalog'
import { finishedDeletion } from '../crd/finalizers'
import { prepareExtensionWrite } from '../crd/prepare'
import type { Store } from '../store/store'
import type { KObj, ObjectMeta } from '../types'
import { isRecord } from '../types'
import { applyDefaults } from './defaults'
import { deepEqual } from './deep-equal'
import { generateName, rfc3339 } from './names'
import { applyPatchByType } from './patch'
import type { ResourceDef } from './resources'
import { groupVersion, resourceByKind } from './resources'
import { ApiError, alreadyExists, badRequest, conflict, invalid, invalidPatch, notFound } from './status'
import { dropUnknownFields, goFormat, strictDecodingError } from '../openapi/field-check'
import { rootClassName } from '../openapi/models'
import { serverSideApply } from '../apply/server-side-apply'
import { trackUpdate } from '../apply/managed-fields'
import type { FieldValidation } from './query'
import { duplicatesOf } from './duplicate-keys'
import { validateObject } from './validation'
import { generateJobSelector } from './kinds/batch-defaults'
import { hpaFromV1, hpaToV1, isHpaV1 } from './kinds/hpa-versions'
import { defaultIngressClass } from './kinds/access-defaults'

export interface WriteOptions {
  dryRun?: boolean
  // controller writes: keep status on create, skip the status reset (and the unknown-field check)
  internal?: boolean
  subresource?: 'status'
  // unknown fields: Strict refuses, Warn (the default) drops and warns, Ignore drops
  fieldValidation?: FieldValidation
  // where unknown-field warnings go, for the response's Warning headers
  warnings?: Pick<string[], 'push'>
  // set by patch(): the patched object was already checked, with the patch's own error shape
  fieldsChecked?: boolean
  // who is writing, for managedFields (the handler defaults it from the User-Agent)
  fieldManager?: string
  // set by apply(): managedFields are already the applied ones
  managedFieldsDone?: boolean
  // a write through the scale subresource: recorded as the writer's "scale" entry
  viaScale?: boolean
  // the caller's admission check (RBAC escalation), run on the object about to be stored
  admit?: (r: ResourceDef, obj: Record<string, unknown>) => void
}

function strictError(r: ResourceDef, problems: string[]): ApiError {
  return badRequest(
    `${r.kind} in version "${r.version}" cannot be handled as a ${r.kind}: ${strictDecodingError(problems)}`,
  )
}

// Drops fields the kind does not declare; Strict turns them (and duplicate keys in the body) into the
// given error, Warn into warnings.
function checkFields(
  r: ResourceDef,
  obj: Record<string, unknown>,
  opts: WriteOptions,
  onStrict: (problems: string[]) => ApiError,
  duplicates: string[] = [],
): void {
  if (opts.internal || opts.fieldsChecked) return
  const problems = [
    ...dropUnknownFields(r, obj).map((p) => `unknown field "${p}"`),
    ...duplicates.map((p) => `duplicate field "${p}"`),
  ]
  if (problems.length === 0) return
  const mode = opts.fieldValidation ?? 'Warn'
  if (mode === 'Strict') throw onStrict(problems)
  if (mode === 'Warn') opts.warnings?.push(...problems)
}

const STATUS_SUBRESOURCE = new Set([
  'Deployment',
  'ReplicaSet',
  'Pod',
  'Service',
  'Namespace',
  'Node',
  'CustomResourceDefinition',
  'PodDisruptionBudget',
  'Ingress',
  'Job',
  'CronJob',
  'HorizontalPodAutoscaler',
])
const HAS_GENERATION = new Set([
  'Deployment',
  'ReplicaSet',
  'CustomResourceDefinition',
  'Job',
  'CronJob',
  'HorizontalPodAutoscaler',
])
HAS_GENERATION.add('PodDisruptionBudget')

// Custom resources follow their CRD: status is separate only with the status subresource.
function hasStatusSubresource(r: ResourceDef): boolean {
  return r.custom ? r.custom.statusSubresource : STATUS_SUBRESOURCE.has(r.kind)
}

// What a generation bump looks at: the spec for built-ins, everything but metadata (and a separate
// status) for custom resources.
function generationChanged(r: ResourceDef, next: KObj, current: KObj, internal: boolean): boolean {
  if (r.custom) {
    const strip = (o: KObj): unknown => {
      const { metadata: _m, status, ...rest } = o
      return r.custom?.statusSubresource ? rest : { ...rest, status }
    }
    return !deepEqual(strip(next), strip(current))
  }
  const annotationsMatter = r.kind === 'Deployment' && !internal
  return (
    !deepEqual(next.spec, current.spec) ||
    (annotationsMatter && !deepEqual(next.metadata.annotations, current.metadata.annotations))
  )
}

// Create / update / patch with the API server's bookkeeping: defaults, validation, uid, generation,
// optimistic concurrency. Both the HTTP handlers and the controllers write through here.
export class ObjectApi {
  private nextIp = 10
  private nextNodePort = 30000
  // built-in kinds plus what this sandbox's CRDs serve
  readonly resources = new ResourceCatalog()

  constructor(
    readonly store: Store,
    readonly clock: Clock,
  ) {
    this.resources.follow(store)
  }

  timestamp(): string {
    return rfc3339(this.clock.now())
  }

  get(r: ResourceDef, ns: string, name: string): KObj {
    const entry = this.store.get(r, ns, name)
    if (!entry) throw notFound(r, name)
    return entry.obj
  }

  create(r: ResourceDef, ns: string, body: unknown, opts: WriteOptions = {}): KObj {
    if (isHpaV1(r)) return hpaToV1(this.create(resourceByKind(r.kind), ns, hpaFromV1(body), opts))
    if (!isRecord(body)) throw badRequest('the body of the request was not a valid object')
    const obj = structuredClone(body) as Record<string, unknown>
    checkFields(r, obj, opts, (problems) => strictError(r, problems), duplicatesOf(body))
    const meta: Partial<ObjectMeta> = isRecord(obj.metadata) ? (obj.metadata as Partial<ObjectMeta>) : {}
    obj.metadata = meta
    obj.kind = r.kind
    obj.apiVersion = groupVersion(r)
    if (r.namespaced) {
      if (meta.namespace && ns && meta.namespace !== ns) {
        throw badRequest(
          'the namespace of the provided object does not match the namespace sent on the request',
        )
      }
      meta.namespace = ns || meta.namespace || 'default'
      this.requireWritableNamespace(meta.namespace)
    } else delete meta.namespace
    if (!meta.name && meta.generateName) meta.name = generateName(meta.generateName)
    for (const k of [
      'resourceVersion',
      'deletionTimestamp',
      'deletionGracePeriodSeconds',
      'selfLink',
    ] as const) {
      delete meta[k]
    }
    if (!opts.internal && hasStatusSubresource(r) && r.kind !== 'Node') delete obj.status
    const uid = randomUUID()
    if (r.kind === 'Job') generateJobSelector(obj, uid)
    applyDefaults(r.kind, obj)
    if (r.kind === 'Ingress') defaultIngressClass(this.store, obj)
    const extension = prepareExtensionWrite(r, obj, undefined, this.timestamp(), opts, this.resources.all())
    const causes = [...validateObject(r, obj), ...extension]
    if (causes.length > 0) throw invalid(r, meta.name ?? '', causes)
    opts.admit?.(r, obj)
    const name = meta.name ?? ''
    if (this.store.get(r, meta.namespace ?? '', name)) throw alreadyExists(r, name)
    meta.uid = uid
    meta.creationTimestamp = this.timestamp()
    if (HAS_GENERATION.has(r.kind) || r.custom) meta.generation = 1
    if (r.kind === 'Service') this.allocateServiceAddresses(obj)
    this.trackManagedFields(r, undefined, obj, opts)
    const result = obj as unknown as KObj
    if (opts.dryRun) return { ...result, metadata: { ...result.metadata, resourceVersion: '' } }
    return this.store.put(r, result).obj
  }

  // PUT semantics: body replaces the object (or only its status with subresource 'status').
  update(r: ResourceDef, ns: string, name: string, body: unknown, opts: WriteOptions = {}): KObj {
    if (isHpaV1(r)) return hpaToV1(this.update(resourceByKind(r.kind), ns, name, hpaFromV1(body), opts))
    if (!isRecord(body)) throw badRequest('the body of the request was not a valid object')
    const current = this.get(r, ns, name)
    const next = structuredClone(body) as Record<string, unknown>
    checkFields(r, next, opts, (problems) => strictError(r, problems), duplicatesOf(body))
    const meta: Partial<ObjectMeta> = isRecord(next.metadata) ? (next.metadata as Partial<ObjectMeta>) : {}
    if (meta.name !== undefined && meta.name !== name) {
      throw badRequest(`the name of the object (${meta.name}) does not match the name on the URL (${name})`)
    }
    if (meta.resourceVersion && meta.resourceVersion !== current.metadata.resourceVersion)
      throw conflict(r, name)
    if (meta.uid && meta.uid !== current.metadata.uid) {
      throw conflict(
        r,
        name,
        `Precondition failed: UID in precondition: ${meta.uid}, UID in object meta: ${current.metadata.uid}`,
      )
    }
    let merged: Record<string, unknown>
    if (opts.subresource === 'status') {
      merged = { ...structuredClone(current), status: next.status }
    } else {
      merged = { ...next, kind: r.kind, apiVersion: groupVersion(r) }
      if (hasStatusSubresource(r) && !opts.internal) merged.status = structuredClone(current.status)
      merged.metadata = {
        ...meta,
        name,
        uid: current.metadata.uid,
        creationTimestamp: current.metadata.creationTimestamp,
        ...(current.metadata.namespace ? { namespace: current.metadata.namespace } : {}),
        ...(current.metadata.deletionTimestamp
          ? { deletionTimestamp: current.metadata.deletionTimestamp }
          : {}),
        ...(current.metadata.generation !== undefined ? { generation: current.metadata.generation } : {}),
      }
      if (r.kind === 'Service') this.keepServiceAddresses(current, merged)
    }
    applyDefaults(r.kind, merged)
    const extension = prepareExtensionWrite(r, merged, current, this.timestamp(), opts, this.resources.all())
    const causes = [...validateObject(r, merged), ...extension]
    if (causes.length > 0) throw invalid(r, name, causes)
    opts.admit?.(r, merged)
    if (opts.subresource !== 'status') this.trackManagedFields(r, current, merged, opts)
    const result = merged as unknown as KObj
    if ((HAS_GENERATION.has(r.kind) || r.custom) && opts.subresource !== 'status') {
      const changed = generationChanged(r, result, current, !!opts.internal)
      result.metadata.generation = (current.metadata.generation ?? 1) + (changed ? 1 : 0)
    }
    if (deepEqual(result, current)) return current
    if (opts.dryRun) return result
    if (finishedDeletion(r, result)) {
      const removed = this.store.put(r, result)
      return this.store.remove(r, ns, name)?.obj ?? removed.obj
    }
    return this.store.put(r, result).obj
  }

  patch(
    r: ResourceDef,
    ns: string,
    name: string,
    contentType: string,
    patch: unknown,
    opts: WriteOptions = {},
  ): KObj {
    const stored = this.get(r, ns, name)
    const current = isHpaV1(r) ? hpaToV1(stored) : stored
    const className = rootClassName(r.group, r.version, r.kind)
    const patched = applyPatchByType(contentType, structuredClone(current), patch, className)
    if (!isRecord(patched)) throw badRequest('patch did not produce an object')
    // kube-apiserver shows a JSON patch's result as JSON text and a merge patch as Go's %+v of the patch.
    const shown = contentType.startsWith('application/json-patch') ? JSON.stringify(patched) : goFormat(patch)
    const jsonPatch = contentType.startsWith('application/json-patch')
    const dups = duplicatesOf(patch).map((p) => (jsonPatch ? `json patch ${p}` : p))
    checkFields(r, patched, opts, (problems) => invalidPatch(shown, strictDecodingError(problems)), dups)
    const meta = isRecord(patched.metadata) ? patched.metadata : {}
    if (meta.resourceVersion === undefined || meta.resourceVersion === null || meta.resourceVersion === '') {
      patched.metadata = { ...meta, resourceVersion: current.metadata.resourceVersion }
    }
    return this.update(r, ns, name, patched, { ...opts, fieldsChecked: true })
  }

  // Server-side apply: creates the object or merges the applied configuration into it (see apply/).
  apply(
    r: ResourceDef,
    ns: string,
    name: string,
    body: unknown,
    opts: WriteOptions & { force?: boolean },
  ): { obj: KObj; created: boolean } {
    const rootClass = rootClassName(r.group, r.version, r.kind)
    const entry = this.store.get(r, r.namespaced ? ns : '', name)
    if (!rootClass) {
      // no built-in schema (custom resources): the applied configuration merges as a JSON merge patch
      if (!entry) return { obj: this.create(r, ns, body, opts), created: true }
      return { obj: this.patch(r, ns, name, 'application/merge-patch+json', body, opts), created: false }
    }
    const merged = serverSideApply({
      r,
      rootClass,
      namespace: ns,
      name,
      current: entry?.obj as unknown as Record<string, unknown> | undefined,
      applied: body,
      manager: opts.fieldManager,
      force: opts.force ?? false,
      time: this.timestamp(),
    })
    const done = { ...opts, fieldsChecked: true, managedFieldsDone: true }
    if (!entry) return { obj: this.create(r, ns, merged, done), created: true }
    const meta = merged.metadata as Partial<ObjectMeta>
    meta.resourceVersion ??= entry.obj.metadata.resourceVersion
    return { obj: this.update(r, ns, name, merged, done), created: false }
  }

  private trackManagedFields(
    r: ResourceDef,
    before: KObj | undefined,
    after: Record<string, unknown>,
    opts: WriteOptions,
  ): void {
    if (opts.managedFieldsDone) return
    if (opts.internal || !opts.fieldManager) {
      // controllers leave the recorded owners as they were
      if (before && isRecord(after.metadata)) {
        if (before.metadata.managedFields) after.metadata.managedFields = before.metadata.managedFields
        else delete after.metadata.managedFields
      }
      return
    }
    const rootClass = rootClassName(r.group, r.version, r.kind)
    if (!rootClass) return
    const prev = before as unknown as Record<string, unknown> | undefined
    const sub = opts.viaScale ? 'scale' : undefined
    trackUpdate(rootClass, prev, after, opts.fieldManager, groupVersion(r), this.timestamp(), sub)
  }

  private requireWritableNamespace(ns: string): void {
    const nsDef = resourceByKind('Namespace')
    const entry = this.store.get(nsDef, '', ns)
    if (!entry) throw notFound(nsDef, ns)
    if (entry.obj.metadata.deletionTimestamp) {
      throw new ApiError({
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: `unable to create new content in namespace ${ns} because it is being terminated`,
        reason: 'Forbidden',
        details: { name: ns, kind: 'namespaces' },
        code: 403,
      })
    }
  }

  private allocateServiceAddresses(obj: Record<string, unknown>): void {
    const spec = isRecord(obj.spec) ? obj.spec : {}
    if (spec.type !== 'ExternalName' && !spec.clusterIP) {
      const n = this.nextIp++
      spec.clusterIP = `10.96.${Math.floor(n / 250)}.${(n % 250) + 1}`
    }
    if (typeof spec.clusterIP === 'string') spec.clusterIPs = [spec.clusterIP]
    if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') {
      for (const p of Array.isArray(spec.ports) ? spec.ports : []) {
        if (isRecord(p) && p.nodePort === undefined) p.nodePort = this.nextNodePort++
      }
    }
  }

  private keepServiceAddresses(current: KObj, next: Record<string, unknown>): void {
    const curSpec = isRecord(current.spec) ? current.spec : {}
    const spec = isRecord(next.spec) ? next.spec : {}
    next.spec = spec
    if (!spec.clusterIP) spec.clusterIP = curSpec.clusterIP
    if (!spec.clusterIPs) spec.clusterIPs = curSpec.clusterIPs
  }
}
