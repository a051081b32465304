import type { UserInfo } from './user'

// authorizer.Attributes: what a request asks to do, for RBAC and for the Forbidden message.
export interface ResourceAttributes {
  user: UserInfo
  verb: string
  resourceRequest: true
  apiGroup: string
  apiVersion: string
  resource: string
  subresource: string
  namespace: string
  name: string
}

export interface NonResourceAttributes {
  user: UserInfo
  verb: string
  resourceRequest: false
  path: string
}

export type Attributes = ResourceAttributes | NonResourceAttributes

// The request verb as kube-apiserver's RequestInfoFactory derives it from method and path.
export function resourceVerb(method: string, named: boolean, watch: boolean): string {
  switch (method) {
    case 'GET':
    case 'HEAD':
      return watch ? 'watch' : named ? 'get' : 'list'
    case 'POST':
      return 'create'
    case 'PUT':
      return 'update'
    case 'PATCH':
      return 'patch'
    case 'DELETE':
      return named ? 'delete' : 'deletecollection'
    default:
      return method.toLowerCase()
  }
}

export function nonResourceVerb(method: string): string {
  const verbs: Record<string, string> = {
    GET: 'get',
    HEAD: 'head',
    POST: 'post',
    PUT: 'put',
    PATCH: 'patch',
    DELETE: 'delete',
  }
  return verbs[method] ?? method.toLowerCase()
}

// responsewriters.forbiddenMessage + apierrors.NewForbidden's wording.
export function forbiddenMessage(a: Attributes, reason = ''): string {
  const who = JSON.stringify(a.user.username)
  let msg: string
  if (!a.resourceRequest) {
    msg = `forbidden: User ${who} cannot ${a.verb} path ${JSON.stringify(a.path)}`
  } else {
    const resource = a.subresource ? `${a.resource}/${a.subresource}` : a.resource
    const scope = a.namespace ? `in the namespace ${JSON.stringify(a.namespace)}` : 'at the cluster scope'
    const why = `User ${who} cannot ${a.verb} resource ${JSON.stringify(resource)} in API group ${JSON.stringify(a.apiGroup)} ${scope}`
    const qualified = a.apiGroup ? `${a.resource}.${a.apiGroup}` : a.resource
    msg = a.name
      ? `${qualified} ${JSON.stringify(a.name)} is forbidden: ${why}`
      : `${qualified} is forbidden: ${why}`
  }
  return reason ? `${msg}: ${reason}` : msg
}
