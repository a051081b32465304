import type { Attributes } from '../auth/attributes'
import { nonResourceVerb, resourceVerb } from '../auth/attributes'
import type { UserInfo } from '../auth/user'
import { queryBool } from '../api/query'
import type { Route } from './route'

// What a request asks to do, as kube-apiserver's RequestInfoFactory reads it from method and path.
export function requestAttributes(
  user: UserInfo,
  method: string,
  route: Route,
  url: URL,
  upgrade = false,
): Attributes {
  if (route.type !== 'resource') {
    return { user, verb: nonResourceVerb(method), resourceRequest: false, path: url.pathname }
  }
  const { resource: r, subresource = '' } = route
  let name = route.name ?? ''
  const watch = queryBool(url.searchParams, 'watch')
  // exec, attach and port-forward need `create` on their subresource, whatever the upgrade's method.
  let verb = upgrade ? 'create' : resourceVerb(method, name !== '', watch)
  if (!route.name && (verb === 'list' || verb === 'watch')) {
    // a list or watch of one object by metadata.name is authorized as that object
    const m = /(?:^|,)metadata\.name==?([^,]+)(?:,|$)/.exec(url.searchParams.get('fieldSelector') ?? '')
    if (m?.[1]) name = m[1]
  }
  if (route.name && watch) verb = 'watch'
  // a Namespace is authorized in itself, so a RoleBinding there can grant `get` on it
  const namespace = r.plural === 'namespaces' && r.group === '' ? name : route.namespace
  return {
    user,
    verb,
    resourceRequest: true,
    apiGroup: r.group,
    apiVersion: r.version,
    resource: r.plural,
    subresource,
    namespace,
    name,
  }
}
