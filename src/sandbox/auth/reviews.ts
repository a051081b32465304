import { isRecord } from '../types'
import { ApiError, badRequest, methodNotAllowed } from '../api/status'

// SelfSubjectAccessReview, SelfSubjectRulesReview and SelfSubjectReview for the sandbox's one user, the
// token holder, who is a cluster admin. RBAC for other users is the next issue's work.
export const SANDBOX_USER = {
  username: 'sandbox-admin',
  groups: ['system:masters', 'system:authenticated'],
}

export const REVIEW_KINDS = new Set([
  'SelfSubjectAccessReview',
  'SelfSubjectRulesReview',
  'SelfSubjectReview',
])

const ALLOWED_REASON =
  'RBAC: allowed by ClusterRoleBinding "cluster-admin" of ClusterRole "cluster-admin" to Group "system:masters"'

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

function accessReview(body: Record<string, unknown>): Record<string, unknown> {
  const spec = isRecord(body.spec) ? body.spec : {}
  const hasResource = isRecord(spec.resourceAttributes)
  const hasNonResource = isRecord(spec.nonResourceAttributes)
  if (hasResource === hasNonResource) {
    throw invalidReview(
      'SelfSubjectAccessReview',
      'authorization.k8s.io',
      'spec.resourceAttributes',
      spec,
      'exactly one of nonResourceAttributes or resourceAttributes must be specified',
    )
  }
  return { spec, status: { allowed: true, reason: ALLOWED_REASON } }
}

function rulesReview(body: Record<string, unknown>): Record<string, unknown> {
  const spec = isRecord(body.spec) ? body.spec : {}
  return {
    spec,
    status: {
      resourceRules: [
        {
          verbs: ['create'],
          apiGroups: ['authorization.k8s.io'],
          resources: ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'],
        },
        { verbs: ['*'], apiGroups: ['*'], resources: ['*'] },
      ],
      nonResourceRules: [
        { verbs: ['*'], nonResourceURLs: ['*'] },
        {
          verbs: ['get'],
          nonResourceURLs: [
            '/api',
            '/api/*',
            '/apis',
            '/apis/*',
            '/healthz',
            '/livez',
            '/openapi',
            '/openapi/*',
            '/readyz',
            '/version',
            '/version/',
          ],
        },
      ],
      incomplete: false,
    },
  }
}

// Answers a POST of one of REVIEW_KINDS; reviews are computed, never stored.
export function answerReview(kind: string, apiVersion: string, method: string, body: unknown): unknown {
  if (method !== 'POST') throw methodNotAllowed()
  if (!isRecord(body)) throw badRequest('the body of the request was not a valid object')
  const answer =
    kind === 'SelfSubjectAccessReview'
      ? accessReview(body)
      : kind === 'SelfSubjectRulesReview'
        ? rulesReview(body)
        : { status: { userInfo: { ...SANDBOX_USER } } }
  const meta = isRecord(body.metadata) ? body.metadata : {}
  return { kind, apiVersion, metadata: { ...meta, creationTimestamp: null }, ...answer }
}
