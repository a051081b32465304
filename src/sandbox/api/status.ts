import type { ResourceDef } from './resources'
import { qualifiedName } from './resources'

// metav1.Status error bodies shaped like apimachinery's pkg/api/errors.
export interface StatusCause {
  reason: string
  message: string
  // omitted when empty, as metav1.StatusCause's omitempty does (eviction causes name no field)
  field?: string
}

export interface StatusBody {
  kind: 'Status'
  apiVersion: 'v1'
  metadata: Record<string, never>
  status: 'Failure' | 'Success'
  message: string
  reason: string
  details?: {
    name?: string
    group?: string
    kind?: string
    uid?: string
    causes?: StatusCause[]
    retryAfterSeconds?: number
  }
  code: number
}

export class ApiError extends Error {
  constructor(readonly body: StatusBody) {
    super(body.message)
  }
  get code(): number {
    return this.body.code
  }
}

function failure(code: number, reason: string, message: string, details?: StatusBody['details']): ApiError {
  const body: StatusBody = {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    code,
  }
  if (details) body.details = details
  return new ApiError(body)
}

export function notFound(r: ResourceDef, name: string): ApiError {
  return failure(404, 'NotFound', `${qualifiedName(r)} "${name}" not found`, {
    name,
    ...(r.group ? { group: r.group } : {}),
    kind: r.plural,
  })
}

export function alreadyExists(r: ResourceDef, name: string): ApiError {
  return failure(409, 'AlreadyExists', `${qualifiedName(r)} "${name}" already exists`, {
    name,
    ...(r.group ? { group: r.group } : {}),
    kind: r.plural,
  })
}

export function conflict(r: ResourceDef, name: string, why?: string): ApiError {
  const message = `Operation cannot be fulfilled on ${qualifiedName(r)} "${name}": ${
    why ?? 'the object has been modified; please apply your changes to the latest version and try again'
  }`
  return failure(409, 'Conflict', message, { name, ...(r.group ? { group: r.group } : {}), kind: r.plural })
}

export function invalid(r: ResourceDef, name: string, causes: StatusCause[]): ApiError {
  const kindName = r.group ? `${r.kind}.${r.group}` : r.kind
  const parts = causes.map((c) => (c.field ? `${c.field}: ${c.message}` : c.message))
  const joined = parts.length === 1 ? parts[0] : `[${parts.join(', ')}]`
  return failure(422, 'Invalid', `${kindName} "${name}" is invalid: ${joined}`, {
    name,
    ...(r.group ? { group: r.group } : {}),
    kind: r.kind,
    causes,
  })
}

/** kube-apiserver's answer to a request body over its 3 MiB limit. */
export function requestTooLarge(limit: number): ApiError {
  return failure(413, 'RequestEntityTooLarge', `Request entity too large: limit is ${limit}`)
}

/** What kube-apiserver answers when etcd refuses to store an object over 1.5 MiB. */
export function objectTooLarge(): ApiError {
  return failure(413, 'RequestEntityTooLarge', 'Request entity too large: etcdserver: request is too large')
}

export function badRequest(message: string): ApiError {
  return failure(400, 'BadRequest', message)
}

export function unauthorized(): ApiError {
  return failure(401, 'Unauthorized', 'Unauthorized')
}

export function methodNotAllowed(): ApiError {
  return failure(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource')
}

export function unsupportedMediaType(type: string): ApiError {
  return failure(
    415,
    'UnsupportedMediaType',
    `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/strategic-merge-patch+json (got ${type})`,
  )
}

/** ValidateListOptions' answer: `problems` are `Forbidden: …` / `Unsupported value: …` of resourceVersionMatch. */
export function invalidListOptions(problems: string[]): ApiError {
  const causes = problems.map((p) => ({
    reason: p.startsWith('Forbidden') ? 'FieldValueForbidden' : 'FieldValueNotSupported',
    message: p,
    field: 'resourceVersionMatch',
  }))
  const parts = problems.map((p) => `resourceVersionMatch: ${p}`)
  const joined = parts.length === 1 ? parts[0] : `[${parts.join(', ')}]`
  return failure(422, 'Invalid', `ListOptions.meta.k8s.io "" is invalid: ${joined}`, {
    group: 'meta.k8s.io',
    kind: 'ListOptions',
    causes,
  })
}

/** A read at a resourceVersion the store has not reached (the watch cache's answer after its wait). */
export function resourceVersionTooLarge(wanted: number, current: number): ApiError {
  return failure(504, 'Timeout', `Too large resource version: ${wanted}, current: ${current}`, {
    causes: [{ reason: 'ResourceVersionTooLarge', message: 'Too large resource version' }],
    retryAfterSeconds: 1,
  })
}

export function expired(message: string): ApiError {
  return failure(410, 'Expired', message)
}

export function unprocessable(message: string): ApiError {
  return failure(422, 'Invalid', message)
}

export function internalError(message: string): ApiError {
  return failure(500, 'InternalError', `Internal error occurred: ${message}`)
}

// A patch whose result fails strict decoding: kube-apiserver reports it against the field "patch" of an
// unnamed object, which kubectl prints as "The request is invalid: patch: ...".
export function invalidPatch(value: string, detail: string): ApiError {
  const message = `Invalid value: ${JSON.stringify(value)}: ${detail}`
  return failure(422, 'Invalid', ` "" is invalid: patch: ${message}`, {
    causes: [{ reason: 'FieldValueInvalid', message, field: 'patch' }],
  })
}
