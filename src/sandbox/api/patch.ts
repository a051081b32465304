import jsonpatch from 'fast-json-patch'
import type { Operation } from 'fast-json-patch'
import { isRecord } from '../types'
import { badRequest, unprocessable, unsupportedMediaType } from './status'
import { deletedFromPrimitiveList, setOrDelete, strategicMergeTyped, wholeObjectDirective } from './strategic'

// The three patch types kubectl and client-node send: JSON patch, JSON merge patch and a strategic merge
// patch covering the lists kubectl touches (merge-by-key for containers, env, ports, volumes, ...).
const MERGE_KEYS: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  env: 'name',
  volumes: 'name',
  volumeMounts: 'mountPath',
  imagePullSecrets: 'name',
  conditions: 'type',
  ownerReferences: 'uid',
  hostAliases: 'ip',
  topologySpreadConstraints: 'topologyKey',
}

function mergeKeyFor(field: string, items: unknown[]): string | undefined {
  if (field === 'ports') {
    const first = items.find(isRecord)
    return first && 'containerPort' in first ? 'containerPort' : 'port'
  }
  return MERGE_KEYS[field]
}

export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isRecord(patch)) return patch
  const out: Record<string, unknown> = isRecord(target) ? { ...target } : {}
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k]
    else out[k] = mergePatch(out[k], v)
  }
  return out
}

function strategicList(field: string, original: unknown, patch: unknown[]): unknown[] {
  const base = Array.isArray(original) ? original : []
  const key = mergeKeyFor(field, [...patch, ...base])
  if (!key || !patch.every(isRecord)) return patch.filter((p) => !(isRecord(p) && '$patch' in p))
  if (patch.some((p) => isRecord(p) && p.$patch === 'replace')) {
    return patch.filter((p) => !(isRecord(p) && p.$patch === 'replace'))
  }
  const out = base.map((item) => item)
  for (const p of patch) {
    if (!isRecord(p)) continue
    const idx = out.findIndex((item) => isRecord(item) && item[key] === p[key])
    if (p.$patch === 'delete') {
      if (idx >= 0) out.splice(idx, 1)
      continue
    }
    if (idx >= 0) out[idx] = strategicMerge(out[idx], p)
    else out.push(strategicMerge({}, p))
  }
  return out
}

export function strategicMerge(target: unknown, patch: unknown): unknown {
  if (!isRecord(patch)) return patch
  const whole = wholeObjectDirective(patch)
  if (whole) return whole.result
  const out: Record<string, unknown> = isRecord(target) ? { ...target } : {}
  for (const [k, v] of Object.entries(patch)) {
    // Directives kubectl apply adds for ordering and retained keys; ordering is irrelevant here.
    if (k.startsWith('$setElementOrder/') || k === '$retainKeys' || k === '$patch') continue
    if (deletedFromPrimitiveList(out, k, v)) continue
    if (v === null) delete out[k]
    else if (Array.isArray(v)) out[k] = strategicList(k, out[k], v)
    else if (isRecord(v)) setOrDelete(out, k, strategicMerge(out[k], v))
    else out[k] = v
  }
  return out
}

function applyJsonPatch(target: unknown, ops: unknown): unknown {
  if (!Array.isArray(ops))
    throw badRequest('json: cannot unmarshal object into Go value of type jsonpatch.Patch')
  try {
    return jsonpatch.applyPatch(structuredClone(target), ops as Operation[], true, true).newDocument
  } catch (err) {
    const message = err instanceof Error ? err.message.split('\n')[0] : String(err)
    throw unprocessable(`the server rejected our request due to an error in our request: ${message}`)
  }
}

// className: the kind's schema root (client-node model); without one (custom resources) the strategic
// merge falls back to the name-based merge keys above.
export function applyPatchByType(
  contentType: string,
  target: unknown,
  patch: unknown,
  className?: string,
): unknown {
  const type = contentType.split(';')[0]?.trim() ?? ''
  switch (type) {
    case 'application/json-patch+json':
      return applyJsonPatch(target, patch)
    case 'application/merge-patch+json':
      return mergePatch(target, patch)
    case 'application/strategic-merge-patch+json':
      if (!isRecord(patch)) throw badRequest('the body of the request was not a valid object')
      return className ? strategicMergeTyped(className, target, patch) : strategicMerge(target, patch)
    default:
      throw unsupportedMediaType(type)
  }
}
