import { describe, expect, it } from 'vitest'
import type { Attributes } from './attributes'
import { forbiddenMessage } from './attributes'
import type { PolicyRule } from './bootstrap-policy'
import { ruleAllows } from './rbac'

// RBAC's rule matching (rbacv1helpers *Matches) and the Forbidden wording, without a server.
const bob = { username: 'bob', groups: ['system:authenticated'] }

function res(verb: string, resource: string, more: Partial<Attributes> = {}): Attributes {
  return {
    user: bob,
    verb,
    resourceRequest: true,
    apiGroup: '',
    apiVersion: 'v1',
    resource,
    subresource: '',
    namespace: 'default',
    name: '',
    ...more,
  } as Attributes
}

describe('ruleAllows', () => {
  const pods: PolicyRule = { apiGroups: [''], resources: ['pods'], verbs: ['get', 'list'] }

  it('matches verb, group and resource, and a subresource only when named', () => {
    expect(ruleAllows(res('get', 'pods'), pods)).toBe(true)
    expect(ruleAllows(res('delete', 'pods'), pods)).toBe(false)
    expect(ruleAllows(res('get', 'pods', { apiGroup: 'apps' }), pods)).toBe(false)
    expect(ruleAllows(res('get', 'pods', { subresource: 'log' }), pods)).toBe(false)
    const logs: PolicyRule = { apiGroups: [''], resources: ['pods/log'], verbs: ['get'] }
    expect(ruleAllows(res('get', 'pods', { subresource: 'log' }), logs)).toBe(true)
  })

  it('honours wildcards: *, */subresource, and resourceNames', () => {
    const all: PolicyRule = { apiGroups: ['*'], resources: ['*'], verbs: ['*'] }
    expect(ruleAllows(res('deletecollection', 'deployments', { apiGroup: 'apps' }), all)).toBe(true)
    const scale: PolicyRule = { apiGroups: ['apps'], resources: ['*/scale'], verbs: ['update'] }
    expect(ruleAllows(res('update', 'deployments', { apiGroup: 'apps', subresource: 'scale' }), scale)).toBe(
      true,
    )
    expect(ruleAllows(res('update', 'deployments', { apiGroup: 'apps' }), scale)).toBe(false)
    const named: PolicyRule = {
      apiGroups: [''],
      resources: ['configmaps'],
      resourceNames: ['app'],
      verbs: ['get'],
    }
    expect(ruleAllows(res('get', 'configmaps', { name: 'app' }), named)).toBe(true)
    expect(ruleAllows(res('get', 'configmaps', { name: 'other' }), named)).toBe(false)
    // a list has no name, so a rule restricted to names never allows it
    expect(ruleAllows(res('list', 'configmaps'), { ...named, verbs: ['list'] })).toBe(false)
  })

  it('matches non-resource URLs exactly or by a trailing *', () => {
    const discovery: PolicyRule = { nonResourceURLs: ['/api', '/apis/*'], verbs: ['get'] }
    const path = (p: string, verb = 'get'): Attributes => ({
      user: bob,
      verb,
      resourceRequest: false,
      path: p,
    })
    expect(ruleAllows(path('/api'), discovery)).toBe(true)
    expect(ruleAllows(path('/apis/apps/v1'), discovery)).toBe(true)
    expect(ruleAllows(path('/api/v1'), discovery)).toBe(false)
    expect(ruleAllows(path('/api', 'post'), discovery)).toBe(false)
    expect(ruleAllows(res('get', 'pods'), discovery)).toBe(false)
  })
})

describe('forbiddenMessage', () => {
  it('words resource, named, cluster-scoped and path requests as kube-apiserver does', () => {
    expect(forbiddenMessage(res('list', 'pods'))).toBe(
      'pods is forbidden: User "bob" cannot list resource "pods" in API group "" in the namespace "default"',
    )
    expect(
      forbiddenMessage(res('get', 'deployments', { apiGroup: 'apps', name: 'web', subresource: 'scale' })),
    ).toBe(
      'deployments.apps "web" is forbidden: User "bob" cannot get resource "deployments/scale" in API group "apps" in the namespace "default"',
    )
    expect(forbiddenMessage(res('list', 'nodes', { namespace: '' }))).toBe(
      'nodes is forbidden: User "bob" cannot list resource "nodes" in API group "" at the cluster scope',
    )
    expect(forbiddenMessage({ user: bob, verb: 'get', resourceRequest: false, path: '/metrics' })).toBe(
      'forbidden: User "bob" cannot get path "/metrics"',
    )
  })
})
