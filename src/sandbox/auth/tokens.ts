import type { KeyObject } from 'node:crypto'
import { createHash, createPrivateKey, createPublicKey, randomUUID, sign, verify } from 'node:crypto'
import { resourceByKind } from '../api/resources'
import type { Store } from '../store/store'
import { isRecord } from '../types'
import type { UserInfo } from './user'
import { serviceAccountUser } from './user'

// Service-account tokens: JWTs signed ES256 with the sandbox's serving key, carrying the claims
// kube-apiserver's TokenRequest writes (bound tokens) or the legacy token controller writes (Secrets of type
// kubernetes.io/service-account-token). A token stops working when it expires (sandbox clock) or its
// service account (or Secret) is deleted.
export const ISSUER = 'https://kubernetes.default.svc.cluster.local'
export const API_AUDIENCES = [ISSUER]
const LEGACY_ISSUER = 'kubernetes/serviceaccount'

export interface TokenKeys {
  privateKey: KeyObject
  publicKey: KeyObject
  kid: string
}

export function tokenKeys(pemKey: string): TokenKeys {
  const privateKey = createPrivateKey(pemKey)
  const publicKey = createPublicKey(privateKey)
  const der = publicKey.export({ type: 'spki', format: 'der' })
  const kid = createHash('sha256').update(der).digest('base64url')
  return { privateKey, publicKey, kid }
}

const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url')

export function signToken(keys: TokenKeys, claims: Record<string, unknown>): string {
  const head = `${b64({ alg: 'ES256', kid: keys.kid })}.${b64(claims)}`
  const sig = sign('sha256', Buffer.from(head), { key: keys.privateKey, dsaEncoding: 'ieee-p1363' })
  return `${head}.${sig.toString('base64url')}`
}

function readClaims(keys: TokenKeys, token: string): Record<string, unknown> | undefined {
  const [h, p, s] = token.split('.')
  if (!h || !p || !s || token.split('.').length !== 3) return undefined
  const ok = verify(
    'sha256',
    Buffer.from(`${h}.${p}`),
    { key: keys.publicKey, dsaEncoding: 'ieee-p1363' },
    Buffer.from(s, 'base64url'),
  )
  if (!ok) return undefined
  try {
    const claims: unknown = JSON.parse(Buffer.from(p, 'base64url').toString())
    return isRecord(claims) ? claims : undefined
  } catch {
    return undefined
  }
}

export function boundTokenClaims(
  sa: { namespace: string; name: string; uid: string },
  audiences: string[],
  nowSec: number,
  expirationSeconds: number,
): Record<string, unknown> {
  return {
    aud: audiences,
    exp: nowSec + expirationSeconds,
    iat: nowSec,
    iss: ISSUER,
    jti: randomUUID(),
    'kubernetes.io': { namespace: sa.namespace, serviceaccount: { name: sa.name, uid: sa.uid } },
    nbf: nowSec,
    sub: `system:serviceaccount:${sa.namespace}:${sa.name}`,
  }
}

export function legacyTokenClaims(
  sa: { namespace: string; name: string; uid: string },
  secret: string,
): Record<string, unknown> {
  return {
    iss: LEGACY_ISSUER,
    'kubernetes.io/serviceaccount/namespace': sa.namespace,
    'kubernetes.io/serviceaccount/secret.name': secret,
    'kubernetes.io/serviceaccount/service-account.name': sa.name,
    'kubernetes.io/serviceaccount/service-account.uid': sa.uid,
    sub: `system:serviceaccount:${sa.namespace}:${sa.name}`,
  }
}

function liveServiceAccount(store: Store, ns: string, name: string, uid: string): boolean {
  const e = store.get(resourceByKind('ServiceAccount'), ns, name)
  return !!e && e.obj.metadata.uid === uid && !e.obj.metadata.deletionTimestamp
}

// The user a service-account token stands for, or undefined when it is not (or no longer) valid.
export function authenticateToken(
  keys: TokenKeys,
  store: Store,
  token: string,
  nowMs: number,
): UserInfo | undefined {
  const claims = readClaims(keys, token)
  if (!claims) return undefined
  const nowSec = Math.floor(nowMs / 1000)
  if (claims.iss === ISSUER) {
    const k8s = isRecord(claims['kubernetes.io']) ? claims['kubernetes.io'] : {}
    const sa = isRecord(k8s.serviceaccount) ? k8s.serviceaccount : {}
    const aud = Array.isArray(claims.aud) ? claims.aud : [claims.aud]
    if (!aud.some((a) => API_AUDIENCES.includes(String(a)))) return undefined
    if (typeof claims.exp !== 'number' || claims.exp < nowSec) return undefined
    if (typeof claims.nbf === 'number' && claims.nbf > nowSec + 60) return undefined
    const ns = String(k8s.namespace ?? '')
    const name = String(sa.name ?? '')
    const uid = String(sa.uid ?? '')
    return liveServiceAccount(store, ns, name, uid) ? serviceAccountUser(ns, name, uid) : undefined
  }
  if (claims.iss === LEGACY_ISSUER) {
    const ns = String(claims['kubernetes.io/serviceaccount/namespace'] ?? '')
    const name = String(claims['kubernetes.io/serviceaccount/service-account.name'] ?? '')
    const uid = String(claims['kubernetes.io/serviceaccount/service-account.uid'] ?? '')
    const secretName = String(claims['kubernetes.io/serviceaccount/secret.name'] ?? '')
    const secret = store.get(resourceByKind('Secret'), ns, secretName)
    const data = secret && isRecord(secret.obj.data) ? secret.obj.data : {}
    if (Buffer.from(String(data.token ?? ''), 'base64').toString() !== token) return undefined
    return liveServiceAccount(store, ns, name, uid) ? serviceAccountUser(ns, name, uid) : undefined
  }
  return undefined
}
