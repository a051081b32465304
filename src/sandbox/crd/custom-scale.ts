import type { ObjectApi } from '../api/objects'
import type { ResourceDef } from '../api/resources'
import { requestedReplicas } from '../api/scale'
import { notFound } from '../api/status'
import type { KObj } from '../types'
import { isRecord } from '../types'

// The autoscaling/v1 Scale subresource of a custom resource, read and written through the CRD's
// specReplicasPath / statusReplicasPath / labelSelectorPath.
type ScalePaths = NonNullable<NonNullable<ResourceDef['custom']>['scale']>

function segments(path: string): string[] {
  return path.replace(/^\./, '').split('.')
}

function read(obj: unknown, path: string): unknown {
  let cur = obj
  for (const key of segments(path)) cur = isRecord(cur) && Object.hasOwn(cur, key) ? cur[key] : undefined
  return cur
}

function write(obj: Record<string, unknown>, path: string, value: unknown): void {
  const keys = segments(path)
  let cur = obj
  keys.slice(0, -1).forEach((key) => {
    if (!isRecord(cur[key])) cur[key] = {}
    cur = cur[key] as Record<string, unknown>
  })
  cur[keys[keys.length - 1] ?? ''] = value
}

function scalePaths(r: ResourceDef, name: string): ScalePaths {
  const paths = r.custom?.scale
  if (!paths) throw notFound(r, name)
  return paths
}

export function toCustomScale(r: ResourceDef, obj: KObj): Record<string, unknown> {
  const paths = scalePaths(r, obj.metadata.name)
  const { name, namespace, uid, resourceVersion, creationTimestamp } = obj.metadata
  const replicas = read(obj, paths.specReplicasPath)
  const status = read(obj, paths.statusReplicasPath)
  const selector = paths.labelSelectorPath ? read(obj, paths.labelSelectorPath) : undefined
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: { name, ...(namespace ? { namespace } : {}), uid, resourceVersion, creationTimestamp },
    spec: { ...(typeof replicas === 'number' ? { replicas } : {}) },
    status: {
      replicas: typeof status === 'number' ? status : 0,
      ...(typeof selector === 'string' && selector !== '' ? { selector } : {}),
    },
  }
}

export function writeCustomScale(
  api: ObjectApi,
  r: ResourceDef,
  ns: string,
  name: string,
  body: unknown,
  patchType: string | undefined,
  dryRun: boolean,
): Record<string, unknown> {
  const paths = scalePaths(r, name)
  const current = api.get(r, ns, name)
  const replicas = requestedReplicas(r, current, toCustomScale(r, current), body, patchType)
  const updated = structuredClone(current) as Record<string, unknown>
  write(updated, paths.specReplicasPath, replicas)
  return toCustomScale(r, api.update(r, ns, name, updated, { dryRun }))
}
