import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { actionMethods } from '@shared/contract/actions'
import type { AccessAnswer, RoleRules } from '@shared/contract'
import { startFixture, type SandboxFixture } from '../../../test/support/sandbox-fixture'
import { kubeConfigFor } from '../../../test/support/kube'
import { createActionHandlers } from '../handlers/actions'
import type { ActionDeps } from '../workloads/deps'

// A role's rules as the Rules tab shows them, and "can I…?" through SelfSubjectAccessReview.

let f: SandboxFixture

beforeAll(async () => {
  f = await startFixture('rbac-views', 50)
})
afterAll(async () => {
  await f?.stop()
})

async function call<M extends 'rbac.rules' | 'rbac.canI'>(
  deps: ActionDeps,
  m: M,
  input: unknown,
): Promise<unknown> {
  const handler = createActionHandlers(deps).methods[m] as (i: unknown) => Promise<unknown>
  return handler(actionMethods[m].input.parse(input))
}

describe('RBAC views', () => {
  it("lists a Role's rules and an aggregated ClusterRole's selectors", async () => {
    await f.kubectl.out([
      'create',
      'role',
      'pod-reader',
      '--verb=get,list',
      '--resource=pods,deployments.apps',
    ])
    const rules = (await call(f.deps, 'rbac.rules', {
      namespace: 'default',
      name: 'pod-reader',
    })) as RoleRules
    expect(rules.rules).toEqual([
      {
        verbs: ['get', 'list'],
        apiGroups: [''],
        resources: ['pods'],
        resourceNames: [],
        nonResourceURLs: [],
      },
      {
        verbs: ['get', 'list'],
        apiGroups: ['apps'],
        resources: ['deployments'],
        resourceNames: [],
        nonResourceURLs: [],
      },
    ])
    expect(rules.aggregatedFrom).toBeUndefined()
    const view = (await call(f.deps, 'rbac.rules', { name: 'view' })) as RoleRules
    expect(view.aggregatedFrom).toEqual(['rbac.authorization.k8s.io/aggregate-to-view=true'])
    expect(view.rules.length).toBeGreaterThan(0)
  })

  it('answers "can I" for the admin and for a service account bound to the role', async () => {
    expect(await call(f.deps, 'rbac.canI', { verb: 'delete', resource: 'nodes' })).toMatchObject({
      allowed: true,
    })
    await f.kubectl.out(['create', 'serviceaccount', 'reader'])
    await f.kubectl.out([
      'create',
      'rolebinding',
      'reader',
      '--role=pod-reader',
      '--serviceaccount=default:reader',
    ])
    const token = (await f.kubectl.out(['create', 'token', 'reader'])).trim()
    const reader: ActionDeps = { getKubeConfig: () => Promise.resolve(kubeConfigFor(f.sandbox, token)) }
    const list = (await call(reader, 'rbac.canI', {
      verb: 'list',
      resource: 'pods',
      namespace: 'default',
    })) as AccessAnswer
    expect(list.allowed).toBe(true)
    expect(list.reason).toMatch(/RoleBinding "reader\/default" of Role "pod-reader"/)
    const del = (await call(reader, 'rbac.canI', {
      verb: 'delete',
      resource: 'pods',
      namespace: 'default',
    })) as AccessAnswer
    expect(del).toMatchObject({ allowed: false })
    const other = (await call(reader, 'rbac.canI', {
      verb: 'list',
      group: 'apps',
      resource: 'deployments',
      namespace: 'kube-system',
    })) as AccessAnswer
    expect(other.allowed).toBe(false)
  })
})
