import type { ResourceDef } from '../api/resources'
import { findResource } from '../api/resources'
import { isHealthPath } from './health'

// Maps a REST path onto (resource, namespace, name, subresource).
export type Route =
  | { type: 'version' }
  | { type: 'health' }
  | { type: 'openapi'; path: string }
  | { type: 'apiVersions' }
  | { type: 'groupList' }
  | { type: 'resourceList'; group: string; version: string }
  | { type: 'resource'; resource: ResourceDef; namespace: string; name?: string; subresource?: string }
  | { type: 'unknown' }

export type ResourceLookup = (group: string, version: string, plural: string) => ResourceDef | undefined

function resourceRoute(group: string, version: string, rest: string[], findResource: ResourceLookup): Route {
  if (rest.length === 0) return { type: 'resourceList', group, version }
  const [first, second, third, fourth, fifth] = rest
  if (first === 'namespaces' && second !== undefined && third !== undefined) {
    const nested = findResource(group, version, third)
    if (nested?.namespaced) {
      if (rest.length > 5) return { type: 'unknown' }
      return { type: 'resource', resource: nested, namespace: second, name: fourth, subresource: fifth }
    }
  }
  const r = findResource(group, version, first ?? '')
  if (!r || rest.length > 3) return { type: 'unknown' }
  // cluster-wide collection of a namespaced resource (e.g. /api/v1/pods) or a cluster-scoped object
  if (r.namespaced && rest.length > 1) return { type: 'unknown' }
  return { type: 'resource', resource: r, namespace: '', name: second, subresource: third }
}

// `find` is the sandbox's resource catalog (built-ins plus CRD-served resources).
export function parseRoute(pathname: string, find: ResourceLookup = findResource): Route {
  const parts = pathname
    .split('/')
    .filter((p) => p !== '')
    .map(decodeURIComponent)
  if (pathname === '/version' || pathname === '/version/') return { type: 'version' }
  if (isHealthPath(pathname)) return { type: 'health' }
  if (parts[0] === 'openapi') return { type: 'openapi', path: parts.slice(1).join('/') }
  if (parts[0] === 'api') {
    if (parts.length === 1) return { type: 'apiVersions' }
    if (parts[1] !== 'v1') return { type: 'unknown' }
    return resourceRoute('', 'v1', parts.slice(2), find)
  }
  if (parts[0] === 'apis') {
    if (parts.length === 1) return { type: 'groupList' }
    if (parts.length === 2) return { type: 'unknown' }
    return resourceRoute(parts[1] ?? '', parts[2] ?? '', parts.slice(3), find)
  }
  return { type: 'unknown' }
}
