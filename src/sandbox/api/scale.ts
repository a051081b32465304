import type { KObj } from '../types'
import { isRecord } from '../types'
import type { ObjectApi } from './objects'
import { applyPatchByType } from './patch'
import type { ResourceDef } from './resources'
import { selectorToString } from './selectors'
import type { LabelSelectorSpec } from '../types'
import { ApiError, badRequest, conflict } from './status'

// The autoscaling/v1 Scale subresource of Deployments and ReplicaSets.
export function toScale(obj: KObj): Record<string, unknown> {
  const spec = isRecord(obj.spec) ? obj.spec : {}
  const status = isRecord(obj.status) ? obj.status : {}
  const { name, namespace, uid, resourceVersion, creationTimestamp } = obj.metadata
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: { name, namespace, uid, resourceVersion, creationTimestamp },
    spec: { replicas: spec.replicas ?? 1 },
    status: {
      replicas: typeof status.replicas === 'number' ? status.replicas : 0,
      selector: selectorToString(spec.selector as LabelSelectorSpec | undefined),
    },
  }
}

function invalidScale(name: string, value: unknown): ApiError {
  const message = `Invalid value: ${String(value)}: must be greater than or equal to 0`
  return new ApiError({
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: `Scale.autoscaling "${name}" is invalid: spec.replicas: ${message}`,
    reason: 'Invalid',
    details: {
      name,
      group: 'autoscaling',
      kind: 'Scale',
      causes: [{ reason: 'FieldValueInvalid', message, field: 'spec.replicas' }],
    },
    code: 422,
  })
}

/**
 * The replica count a Scale write asks for: `body` (patched onto `scale`, the object's Scale now, when a patch
 * type is given) must be a Scale at the object's resourceVersion, if it names one, with a whole count >= 0.
 * Shared by built-in workloads and custom resources with a scale subresource.
 */
export function requestedReplicas(
  r: ResourceDef,
  current: KObj,
  scale: Record<string, unknown>,
  body: unknown,
  patchType: string | undefined,
): number {
  const name = current.metadata.name
  const next = patchType ? applyPatchByType(patchType, scale, body) : body
  if (!isRecord(next) || !isRecord(next.spec)) throw badRequest('invalid Scale object')
  const meta = isRecord(next.metadata) ? next.metadata : {}
  if (meta.resourceVersion && meta.resourceVersion !== current.metadata.resourceVersion)
    throw conflict(r, name)
  const replicas = next.spec.replicas ?? 0
  if (typeof replicas !== 'number' || !Number.isInteger(replicas) || replicas < 0)
    throw invalidScale(name, replicas)
  return replicas
}

export function writeScale(
  api: ObjectApi,
  r: ResourceDef,
  ns: string,
  name: string,
  body: unknown,
  patchType: string | undefined,
  dryRun: boolean,
  fieldManager?: string,
): Record<string, unknown> {
  const current = api.get(r, ns, name)
  const replicas = requestedReplicas(r, current, toScale(current), body, patchType)
  const updated = structuredClone(current)
  updated.spec = { ...(isRecord(updated.spec) ? updated.spec : {}), replicas }
  return toScale(api.update(r, ns, name, updated, { dryRun, fieldManager, viaScale: true }))
}
