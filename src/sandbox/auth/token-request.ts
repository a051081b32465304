import type { ObjectApi } from '../api/objects'
import { resourceByKind } from '../api/resources'
import { badRequest, invalid, methodNotAllowed } from '../api/status'
import { isRecord } from '../types'
import type { TokenKeys } from './tokens'
import { API_AUDIENCES, boundTokenClaims, signToken } from './tokens'

// POST serviceaccounts/<name>/token (`kubectl create token`): a TokenRequest answered with a signed,
// expiring token; never stored.
const MIN_SECONDS = 600
const MAX_SECONDS = 2 ** 32
const BOUND_KINDS: Record<string, string> = { Pod: 'pod', Secret: 'secret', Node: 'node' }

export function answerTokenRequest(
  api: ObjectApi,
  keys: TokenKeys,
  method: string,
  namespace: string,
  name: string,
  body: unknown,
): Record<string, unknown> {
  if (method !== 'POST') throw methodNotAllowed()
  if (!isRecord(body)) throw badRequest('the body of the request was not a valid object')
  const sa = api.get(resourceByKind('ServiceAccount'), namespace, name)
  const spec = isRecord(body.spec) ? { ...body.spec } : {}
  const seconds = typeof spec.expirationSeconds === 'number' ? spec.expirationSeconds : 3600
  const tokenRequest = {
    ...resourceByKind('ServiceAccount'),
    kind: 'TokenRequest',
    group: 'authentication.k8s.io',
  }
  const tooShort = seconds < MIN_SECONDS
  if (tooShort || seconds > MAX_SECONDS) {
    const detail = tooShort
      ? 'may not specify a duration less than 10 minutes'
      : 'may not specify a duration larger than 2^32 seconds'
    throw invalid(tokenRequest, name, [
      {
        reason: 'FieldValueInvalid',
        message: `Invalid value: ${seconds}: ${detail}`,
        field: 'spec.expirationSeconds',
      },
    ])
  }
  const audiences =
    Array.isArray(spec.audiences) && spec.audiences.length > 0 ? spec.audiences.map(String) : API_AUDIENCES
  const nowSec = Math.floor(api.clock.now() / 1000)
  const claims = boundTokenClaims({ namespace, name, uid: sa.metadata.uid }, audiences, nowSec, seconds)
  const ref = isRecord(spec.boundObjectRef) ? spec.boundObjectRef : undefined
  if (ref) {
    const kind = String(ref.kind ?? '')
    const claimKey = BOUND_KINDS[kind]
    if (!claimKey) throw badRequest(`cannot bind token object of kind ${JSON.stringify(kind)}`)
    const def = resourceByKind(kind)
    const bound = api.get(def, def.namespaced ? namespace : '', String(ref.name ?? ''))
    Object.assign(claims['kubernetes.io'] as Record<string, unknown>, {
      [claimKey]: { name: bound.metadata.name, uid: bound.metadata.uid },
    })
    spec.boundObjectRef = { ...ref, uid: bound.metadata.uid }
  }
  return {
    kind: 'TokenRequest',
    apiVersion: 'authentication.k8s.io/v1',
    metadata: { name, namespace, creationTimestamp: null },
    spec: { audiences, expirationSeconds: seconds, boundObjectRef: spec.boundObjectRef ?? null },
    status: {
      token: signToken(keys, claims),
      expirationTimestamp: new Date((nowSec + seconds) * 1000).toISOString().replace('.000Z', 'Z'),
    },
  }
}
