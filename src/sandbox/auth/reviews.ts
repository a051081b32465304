import { isRecord } from '../types'
import { ApiError, badRequest, methodNotAllowed } from '../api/status'
import type { AccessControl } from './access'
import type { Attributes } from './attributes'
import { authorize, rulesFor } from './rbac'
import type { UserInfo } from './user'

// SelfSubjectAccessReview, SelfSubjectRulesReview and SelfSubjectReview answered for the request's user
// (after impersonation), by the same RBAC rules that authorize requests.
export const REVIEW_KINDS = new Set([
  'SelfSubjectAccessReview',
  'SelfSubjectRulesReview',
  'SelfSubjectReview',
])

function invalidReview(kind: string, group: string, field: string, value: unknown, detail: string): ApiError {
  const message = `Invalid value: ${JSON.stringify(value)}: ${detail}`
  return new ApiError({
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: `${kind}.${group} "" is invalid: ${field}: ${message}`,
    reason: 'Invalid',
    details: { group, kind, causes: [{ reason: 'FieldValueInvalid', message, field }] },
    code: 422,
  })
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : ''
}

function accessReview(
  body: Record<string, unknown>,
  user: UserInfo,
  access: AccessControl,
): Record<string, unknown> {
  const spec = isRecord(body.spec) ? body.spec : {}
  const res = isRecord(spec.resourceAttributes) ? spec.resourceAttributes : undefined
  const non = isRecord(spec.nonResourceAttributes) ? spec.nonResourceAttributes : undefined
  if (!res === !non) {
    throw invalidReview(
      'SelfSubjectAccessReview',
      'authorization.k8s.io',
      'spec.resourceAttributes',
      spec,
      'exactly one of nonResourceAttributes or resourceAttributes must be specified',
    )
  }
  const attributes: Attributes = res
    ? {
        user,
        verb: text(res.verb),
        resourceRequest: true,
        apiGroup: text(res.group),
        apiVersion: text(res.version),
        resource: text(res.resource),
        subresource: text(res.subresource),
        namespace: text(res.namespace),
        name: text(res.name),
      }
    : { user, verb: text(non?.verb), resourceRequest: false, path: text(non?.path) }
  // RBAC names the binding that allows; system:masters is allowed even without one.
  const rbac = authorize(access.store, attributes)
  const decision = rbac.allowed ? rbac : access.decide(attributes)
  return {
    spec,
    status: { allowed: decision.allowed, ...(decision.reason ? { reason: decision.reason } : {}) },
  }
}

function rulesReview(
  body: Record<string, unknown>,
  user: UserInfo,
  access: AccessControl,
): Record<string, unknown> {
  const spec = isRecord(body.spec) ? body.spec : {}
  const { resourceRules, nonResourceRules, errors } = rulesFor(access.store, user, text(spec.namespace))
  return {
    spec,
    status: {
      resourceRules,
      nonResourceRules,
      incomplete: errors.length > 0,
      ...(errors.length > 0 ? { evaluationError: errors.join(', ') } : {}),
    },
  }
}

// Answers a POST of one of REVIEW_KINDS; reviews are computed, never stored.
export function answerReview(
  kind: string,
  apiVersion: string,
  method: string,
  body: unknown,
  user: UserInfo,
  access: AccessControl,
): unknown {
  if (method !== 'POST') throw methodNotAllowed()
  if (!isRecord(body)) throw badRequest('the body of the request was not a valid object')
  const answer =
    kind === 'SelfSubjectAccessReview'
      ? accessReview(body, user, access)
      : kind === 'SelfSubjectRulesReview'
        ? rulesReview(body, user, access)
        : { status: { userInfo: { ...user } } }
  const meta = isRecord(body.metadata) ? body.metadata : {}
  return { kind, apiVersion, metadata: { ...meta, creationTimestamp: null }, ...answer }
}
