import { deleteObject } from '../api/deletion'
import { resourceByKind } from '../api/resources'
import type { TokenKeys } from '../auth/tokens'
import { legacyTokenClaims, signToken } from '../auth/tokens'
import type { KObj } from '../types'
import { isRecord } from '../types'
import type { Sync } from './index'

// The legacy token controller: a Secret of type kubernetes.io/service-account-token that names a
// ServiceAccount (annotation kubernetes.io/service-account.name) gets a long-lived token, the cluster CA
// and the namespace, as tutorials that read `.data.token` expect.
export const TOKEN_SECRET_TYPE = 'kubernetes.io/service-account-token'
const SA_NAME = 'kubernetes.io/service-account.name'
const SA_UID = 'kubernetes.io/service-account.uid'

const b64 = (text: string): string => Buffer.from(text).toString('base64')

export function isTokenSecret(obj: KObj): boolean {
  return obj.type === TOKEN_SECRET_TYPE
}

export function syncTokenSecret(sync: Sync, keys: TokenKeys, ns: string, name: string): void {
  const { api } = sync
  const secretDef = resourceByKind('Secret')
  const secret = api.store.get(secretDef, ns, name)?.obj
  if (!secret || !isTokenSecret(secret) || secret.metadata.deletionTimestamp) return
  const saName = secret.metadata.annotations?.[SA_NAME]
  const sa = saName ? api.store.get(resourceByKind('ServiceAccount'), ns, saName)?.obj : undefined
  const uid = secret.metadata.annotations?.[SA_UID]
  if (!sa || !saName) {
    // the account this token was made for is gone: its token Secret goes with it
    if (uid) deleteObject(api, secretDef, ns, name, {})
    return
  }
  const data = isRecord(secret.data) ? secret.data : {}
  if (typeof data.token === 'string' && data.token !== '' && uid === sa.metadata.uid) return
  const ca = api.store.get(resourceByKind('ConfigMap'), 'kube-system', 'kube-root-ca.crt')?.obj
  const caCert = isRecord(ca?.data) ? String(ca.data['ca.crt'] ?? '') : ''
  const token = signToken(
    keys,
    legacyTokenClaims({ namespace: ns, name: saName, uid: sa.metadata.uid }, name),
  )
  api.update(
    secretDef,
    ns,
    name,
    {
      ...secret,
      metadata: {
        ...secret.metadata,
        annotations: { ...secret.metadata.annotations, [SA_UID]: sa.metadata.uid },
      },
      data: { ...data, 'ca.crt': b64(caCert), namespace: b64(ns), token: b64(token) },
    },
    { internal: true },
  )
}

// Token Secrets in `ns` waiting for the account `saName`.
export function tokenSecretsFor(sync: Sync, ns: string, saName: string): string[] {
  return sync.api.store
    .list(resourceByKind('Secret'), ns)
    .filter((e) => isTokenSecret(e.obj) && e.obj.metadata.annotations?.[SA_NAME] === saName)
    .map((e) => e.obj.metadata.name)
}
