import { timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import type { ObjectApi } from '../api/objects'
import { ApiError, internalError } from '../api/status'
import type { Store } from '../store/store'
import type { Attributes } from './attributes'
import { forbiddenMessage } from './attributes'
import type { Decision } from './rbac'
import { authorize } from './rbac'
import type { TokenKeys } from './tokens'
import { authenticateToken } from './tokens'
import type { UserInfo } from './user'
import { isPrivileged, parseServiceAccountUsername, SANDBOX_USER, serviceAccountUser } from './user'

// kube-apiserver's front filters in order: authentication (the admin token or a service-account token),
// impersonation (Impersonate-* headers, each one authorized as the `impersonate` verb), authorization
// (system:masters always, everyone else by RBAC).
export class AccessControl {
  constructor(
    private readonly adminToken: string,
    private readonly keys: TokenKeys,
    private readonly api: ObjectApi,
  ) {}

  get store(): Store {
    return this.api.store
  }

  authenticate(req: IncomingMessage): UserInfo | undefined {
    const header = req.headers.authorization ?? ''
    if (!header.startsWith('Bearer ')) return undefined
    const token = header.slice(7).trim()
    const given = Buffer.from(token)
    const expected = Buffer.from(this.adminToken)
    if (given.length === expected.length && timingSafeEqual(given, expected)) return SANDBOX_USER
    return authenticateToken(this.keys, this.api.store, token, this.api.clock.now())
  }

  decide(a: Attributes): Decision {
    if (isPrivileged(a.user)) return { allowed: true, reason: '' }
    return authorize(this.api.store, a)
  }

  // Throws kube-apiserver's Forbidden when `a` is not allowed.
  check(a: Attributes): void {
    const d = this.decide(a)
    if (!d.allowed) throw forbidden(a, d.reason)
  }

  // The user the request acts as: the caller, or whom its Impersonate-* headers name.
  impersonate(req: IncomingMessage, requestor: UserInfo): UserInfo {
    const headers = req.headersDistinct
    const first = (name: string): string => headers[name]?.[0] ?? ''
    const requestedUser = first('impersonate-user')
    const groups = headers['impersonate-group'] ?? []
    const uid = first('impersonate-uid')
    const extras = Object.entries(headers).filter(([k]) => k.startsWith('impersonate-extra-'))
    if (!requestedUser) {
      if (groups.length > 0 || extras.length > 0 || uid)
        throw internalError('requested impersonation of groups, extras or a uid without impersonating a user')
      return requestor
    }
    const asked = (resource: string, name: string, more: Partial<Attributes> = {}): void =>
      this.check({
        user: requestor,
        verb: 'impersonate',
        resourceRequest: true,
        apiGroup: '',
        apiVersion: 'v1',
        resource,
        subresource: '',
        namespace: '',
        name,
        ...more,
      } as Attributes)
    const sa = parseServiceAccountUsername(requestedUser)
    if (sa) asked('serviceaccounts', sa[1], { namespace: sa[0] })
    else asked('users', requestedUser)
    for (const g of groups) asked('groups', g)
    const extra: Record<string, string[]> = {}
    for (const [header, values] of extras) {
      const key = decodeURIComponent(header.slice('impersonate-extra-'.length))
      for (const v of values ?? [])
        asked('userextras', v, { apiGroup: 'authentication.k8s.io', subresource: key })
      extra[key] = values ?? []
    }
    if (uid) asked('uids', uid, { apiGroup: 'authentication.k8s.io' })
    const impersonated: string[] =
      groups.length > 0 || !sa ? [...groups] : serviceAccountUser(sa[0], sa[1]).groups.slice(0, 2)
    if (requestedUser === 'system:anonymous') {
      if (!impersonated.includes('system:unauthenticated')) impersonated.push('system:unauthenticated')
    } else if (!impersonated.includes('system:authenticated')) impersonated.push('system:authenticated')
    return {
      username: requestedUser,
      groups: impersonated,
      ...(uid ? { uid } : {}),
      ...(Object.keys(extra).length > 0 ? { extra } : {}),
    }
  }
}

export function forbidden(a: Attributes, reason: string): ApiError {
  const resourceRequest = a.resourceRequest
  return new ApiError({
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: forbiddenMessage(a, reason),
    reason: 'Forbidden',
    details: resourceRequest
      ? {
          ...(a.name ? { name: a.name } : {}),
          ...(a.apiGroup ? { group: a.apiGroup } : {}),
          kind: a.resource,
        }
      : {},
    code: 403,
  })
}
