import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningSandbox } from './index'
import { startSandbox } from './index'
import type { KubectlRunner } from '../../test/support/kubectl'
import { kubectlFor, kubectlSteps } from '../../test/support/kubectl'

// RBAC, impersonation, service-account tokens and networking.k8s.io with the real kubectl, on a sandbox
// whose clock only moves when the test steps it.
let sb: RunningSandbox
let k: KubectlRunner
const { ok } = kubectlSteps(() => k)
let stateDir: string
let ciToken = ''

async function fails(args: string[]): Promise<string> {
  const r = await k.run(args)
  expect(r.exitCode, `kubectl ${args.join(' ')} should fail\n${r.stdout}`).not.toBe(0)
  return r.stderr
}

async function restart(): Promise<void> {
  await sb.stop()
  sb = await startSandbox({ name: 'kaccess', manualClock: true, stateFile: join(stateDir, 'state.json') })
  await k.cleanup()
  k = await kubectlFor(sb)
}

const NETPOL = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: db-only-from-api, namespace: team}
spec:
  podSelector: {matchLabels: {app: db}}
  ingress:
  - from:
    - podSelector: {matchLabels: {app: api}}
`

beforeAll(async () => {
  stateDir = await mkdtemp(join(tmpdir(), 'skiff-kaccess-'))
  sb = await startSandbox({ name: 'kaccess', manualClock: true, stateFile: join(stateDir, 'state.json') })
  k = await kubectlFor(sb)
  await ok(['create', 'namespace', 'team'])
})

afterAll(async () => {
  await k.cleanup()
  await sb.stop()
  await rm(stateDir, { recursive: true, force: true })
})

describe('RBAC', () => {
  it('serves the default cluster roles, with admin/edit/view aggregated', async () => {
    const out = await ok(['get', 'clusterroles', 'cluster-admin', 'admin', 'edit', 'view'])
    expect(out).toMatch(/^NAME\s+CREATED AT\n/)
    expect(out).toMatch(/^view\s+\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/m)
    const view = await ok(['get', 'clusterrole', 'view', '-o', 'jsonpath={.rules[0].resources}'])
    expect(JSON.parse(view)).toContain('pods')
    // edit aggregates view's rules and its own
    const edit = await ok(['get', 'clusterrole', 'edit', '-o', 'json'])
    const verbs = (JSON.parse(edit) as { rules: { verbs: string[] }[] }).rules.flatMap((r) => r.verbs)
    expect(verbs).toEqual(expect.arrayContaining(['impersonate', 'create', 'watch']))
    const crb = await ok(['get', 'clusterrolebinding', 'cluster-admin', '-o', 'wide'])
    expect(crb).toMatch(/^NAME\s+ROLE\s+AGE\s+USERS\s+GROUPS\s+SERVICEACCOUNTS\n/)
    expect(crb).toMatch(/^cluster-admin\s+ClusterRole\/cluster-admin\s+\S+\s+system:masters\s*$/m)
  })

  it('aggregates a new ClusterRole labelled aggregate-to-view into view, edit and admin', async () => {
    const extra = `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: widgets-view
  labels: {rbac.authorization.k8s.io/aggregate-to-view: "true"}
rules:
- {apiGroups: [example.com], resources: [widgets], verbs: [get, list, watch]}
`
    await ok(['apply', '-f', '-'], extra)
    await sb.advance(0)
    for (const role of ['view', 'edit', 'admin']) {
      const rules = await ok(['get', 'clusterrole', role, '-o', 'jsonpath={.rules[*].apiGroups}'])
      expect(rules, role).toContain('example.com')
    }
    await ok(['delete', 'clusterrole', 'widgets-view'])
    await sb.advance(0)
    expect(await ok(['get', 'clusterrole', 'view', '-o', 'jsonpath={.rules[*].apiGroups}'])).not.toContain(
      'example.com',
    )
  })

  it('allows and denies with --as by the bindings, with the real Forbidden message', async () => {
    await ok(['create', 'role', 'pod-reader', '--verb=get,list,watch', '--resource=pods', '-n', 'team'])
    await ok(['create', 'rolebinding', 'bob-reads', '--role=pod-reader', '--user=bob', '-n', 'team'])
    const listed = await k.run(['get', 'pods', '-n', 'team', '--as', 'bob'])
    expect(listed.exitCode).toBe(0)
    expect(listed.stderr).toContain('No resources found in team namespace.')
    expect(await fails(['get', 'pods', '-n', 'default', '--as', 'bob'])).toContain(
      'Error from server (Forbidden): pods is forbidden: User "bob" cannot list resource "pods" in API group "" in the namespace "default"',
    )
    expect(
      await fails(['create', 'deployment', 'web', '--image=nginx', '-n', 'team', '--as', 'bob']),
    ).toContain(
      'error: failed to create deployment: deployments.apps is forbidden: User "bob" cannot create resource "deployments" in API group "apps" in the namespace "team"',
    )
    expect(await fails(['get', 'namespace', 'team', '--as', 'bob'])).toContain(
      'namespaces "team" is forbidden: User "bob" cannot get resource "namespaces" in API group "" in the namespace "team"',
    )
    const wide = await ok(['get', 'rolebinding', 'bob-reads', '-n', 'team', '-o', 'wide'])
    expect(wide).toMatch(/^bob-reads\s+Role\/pod-reader\s+\S+\s+bob\s*$/m)
  })

  it('kubectl auth can-i --as agrees with what the requests get', async () => {
    expect(await ok(['auth', 'can-i', 'list', 'pods', '-n', 'team', '--as', 'bob'])).toBe('yes\n')
    const no = await k.run(['auth', 'can-i', 'delete', 'pods', '-n', 'team', '--as', 'bob'])
    expect([no.exitCode, no.stdout]).toEqual([1, 'no\n'])
    expect(
      await ok(['auth', 'can-i', 'create', 'deployments', '--as', 'alice', '--as-group', 'system:masters']),
    ).toBe('yes\n')
    const list = await ok(['auth', 'can-i', '--list', '-n', 'team', '--as', 'bob'])
    expect(list).toMatch(/^pods\s+\[\]\s+\[\]\s+\[get list watch\]$/m)
    expect(await ok(['auth', 'whoami', '--as', 'bob', '-o', 'jsonpath={.status.userInfo.groups}'])).toBe(
      '["system:authenticated"]',
    )
  })
})

describe('RBAC escalation', () => {
  it('a namespace admin writes roles with rules it holds, and no others', async () => {
    await ok(['create', 'rolebinding', 'carol-admin', '--clusterrole=admin', '--user=carol', '-n', 'team'])
    const as = ['-n', 'team', '--as', 'carol']
    expect(
      await ok(['create', 'role', 'cm-editor', '--verb=get,update', '--resource=configmaps', ...as]),
    ).toBe('role.rbac.authorization.k8s.io/cm-editor created\n')
    expect(
      await fails(['create', 'role', 'node-lister', '--verb=list,watch', '--resource=nodes', ...as]),
    ).toContain(
      'roles.rbac.authorization.k8s.io "node-lister" is forbidden: user "carol" (groups=["system:authenticated"]) is attempting to grant RBAC permissions not currently held:\n{APIGroups:[""], Resources:["nodes"], Verbs:["list" "watch"]}',
    )
    expect(
      await fails(['create', 'rolebinding', 'grab', '--clusterrole=cluster-admin', '--user=carol', ...as]),
    ).toContain(
      'is attempting to grant RBAC permissions not currently held:\n{APIGroups:["*"], Resources:["*"], Verbs:["*"]}\n{NonResourceURLs:["*"], Verbs:["*"]}',
    )
    expect(await ok(['create', 'rolebinding', 'dave-edit', '--clusterrole=edit', '--user=dave', ...as])).toBe(
      'rolebinding.rbac.authorization.k8s.io/dave-edit created\n',
    )
    // metrics-server's reader role is aggregated into admin, edit and view
    expect(await ok(['auth', 'can-i', 'list', 'pods.metrics.k8s.io', ...as])).toBe('yes\n')
  })
})

describe('service-account tokens', () => {
  it('kubectl create token gives a token a kubeconfig user can authenticate with', async () => {
    await ok(['create', 'serviceaccount', 'ci', '-n', 'team'])
    ciToken = (await ok(['create', 'token', 'ci', '-n', 'team'])).trim()
    expect(ciToken.split('.')).toHaveLength(3)
    await ok(['config', 'set-credentials', 'ci', `--token=${ciToken}`])
    await ok(['config', 'set-context', 'ci', '--cluster=sandbox-kaccess', '--user=ci', '--namespace=team'])
    expect(
      await ok(['auth', 'whoami', '--context', 'ci', '-o', 'jsonpath={.status.userInfo.username}']),
    ).toBe('system:serviceaccount:team:ci')
    expect(await fails(['get', 'deployments', '--context', 'ci'])).toContain(
      'deployments.apps is forbidden: User "system:serviceaccount:team:ci" cannot list resource "deployments" in API group "apps" in the namespace "team"',
    )
    await ok([
      'create',
      'rolebinding',
      'ci-edit',
      '--clusterrole=edit',
      '--serviceaccount=team:ci',
      '-n',
      'team',
    ])
    expect(await ok(['create', 'deployment', 'web', '--image=nginx:1.27', '--context', 'ci'])).toBe(
      'deployment.apps/web created\n',
    )
    expect(await ok(['auth', 'can-i', 'create', 'rolebindings', '--context', 'ci']).catch(() => 'no\n')).toBe(
      'no\n',
    )
  })

  it('a service-account-token Secret gets a long-lived token', async () => {
    const secret = `apiVersion: v1
kind: Secret
metadata:
  name: ci-token
  namespace: team
  annotations: {kubernetes.io/service-account.name: ci}
type: kubernetes.io/service-account-token
`
    await ok(['apply', '-f', '-'], secret)
    await sb.advance(0)
    const data = await ok(['get', 'secret', 'ci-token', '-n', 'team', '-o', 'jsonpath={.data.token}'])
    const token = Buffer.from(data, 'base64').toString()
    expect(await ok(['auth', 'whoami', '--token', token, '-o', 'jsonpath={.status.userInfo.username}'])).toBe(
      'system:serviceaccount:team:ci',
    )
    expect(await ok(['get', 'secret', 'ci-token', '-n', 'team'])).toMatch(
      /^ci-token\s+kubernetes.io\/service-account-token\s+3\s+\S+$/m,
    )
  })

  it('impersonation needs the impersonate verb', async () => {
    expect(await fails(['get', 'pods', '--context', 'ci', '--as', 'bob'])).toContain(
      'Error from server (Forbidden): users "bob" is forbidden: User "system:serviceaccount:team:ci" cannot impersonate resource "users" in API group "" at the cluster scope',
    )
    // edit grants impersonating service accounts of its namespace
    await ok(['create', 'serviceaccount', 'deployer', '-n', 'team'])
    const r = await k.run(['get', 'pods', '--context', 'ci', '--as', 'system:serviceaccount:team:deployer'])
    expect(r.stderr).toContain('pods is forbidden: User "system:serviceaccount:team:deployer" cannot list')
  })

  it('a token stops working when it expires on the sandbox clock or its account is deleted', async () => {
    const short = (await ok(['create', 'token', 'deployer', '-n', 'team', '--duration=10m'])).trim()
    expect(await ok(['auth', 'whoami', '--token', short, '-o', 'jsonpath={.status.userInfo.username}'])).toBe(
      'system:serviceaccount:team:deployer',
    )
    await sb.advance(11 * 60_000)
    expect(await fails(['auth', 'whoami', '--token', short])).toContain(
      'error: You must be logged in to the server (Unauthorized)',
    )
    const long = (await ok(['create', 'token', 'deployer', '-n', 'team'])).trim()
    const secret = `apiVersion: v1
kind: Secret
metadata: {name: deployer-token, namespace: team, annotations: {kubernetes.io/service-account.name: deployer}}
type: kubernetes.io/service-account-token
`
    await ok(['apply', '-f', '-'], secret)
    await sb.advance(0)
    await ok(['delete', 'serviceaccount', 'deployer', '-n', 'team'])
    await sb.advance(0)
    expect(await fails(['auth', 'whoami', '--token', long])).toContain('(Unauthorized)')
    // the token controller deletes the account's token Secrets with it
    expect(await fails(['get', 'secret', 'deployer-token', '-n', 'team'])).toContain(
      'secrets "deployer-token" not found',
    )
    expect(await fails(['create', 'token', 'ci', '-n', 'team', '--duration=5m'])).toContain(
      'spec.expirationSeconds: Invalid value: 300: may not specify a duration less than 10 minutes',
    )
  })
})

describe('networking.k8s.io', () => {
  it('an Ingress gets the default class and, once synced, an address', async () => {
    expect(await ok(['get', 'ingressclass'])).toMatch(/^nginx\s+k8s.io\/ingress-nginx\s+<none>\s+\S+$/m)
    await ok(['create', 'ingress', 'web', '-n', 'team', '--rule=web.local/*=web:80'])
    const before = await ok(['get', 'ingress', 'web', '-n', 'team'])
    expect(before).toMatch(/^NAME\s+CLASS\s+HOSTS\s+ADDRESS\s+PORTS\s+AGE\n/)
    expect(before).toMatch(/^web\s+nginx\s+web\.local\s+80\s+\S+$/m)
    await sb.advance(3_000)
    expect(await ok(['get', 'ingress', 'web', '-n', 'team'])).toMatch(
      /^web\s+nginx\s+web\.local\s+localhost\s+80\s+\S+$/m,
    )
    const events = await ok([
      'get',
      'events',
      '-n',
      'team',
      '--field-selector',
      'involvedObject.kind=Ingress',
    ])
    expect(events).toMatch(/Normal\s+Sync\s+ingress\/web\s+Scheduled for sync/)
  })

  it('stores and shows NetworkPolicies', async () => {
    await ok(['apply', '-f', '-'], NETPOL)
    expect(await ok(['get', 'netpol', '-n', 'team'])).toMatch(
      /^NAME\s+POD-SELECTOR\s+AGE\ndb-only-from-api\s+app=db\s+\S+\n$/,
    )
    const types = await ok([
      'get',
      'netpol',
      'db-only-from-api',
      '-n',
      'team',
      '-o',
      'jsonpath={.spec.policyTypes}',
    ])
    expect(types).toBe('["Ingress"]')
  })
})

describe('OpenAPI', () => {
  it('kubectl explain and server-side apply know the new kinds', async () => {
    expect(await ok(['explain', 'clusterrole.aggregationRule'])).toContain('clusterRoleSelectors')
    expect(await ok(['explain', 'ingress.spec.ingressClassName'])).toContain(
      'FIELD: ingressClassName <string>',
    )
    const role = `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: cm-reader, namespace: team}
rules:
- {apiGroups: [""], resources: [configmaps], verbs: [get]}
`
    expect(await ok(['apply', '--server-side', '-f', '-'], role)).toBe(
      'role.rbac.authorization.k8s.io/cm-reader serverside-applied\n',
    )
    const widened = role.replace('verbs: [get]', 'verbs: [get, list]')
    expect(await ok(['apply', '--server-side', '-f', '-'], widened)).toBe(
      'role.rbac.authorization.k8s.io/cm-reader serverside-applied\n',
    )
    expect(await ok(['get', 'role', 'cm-reader', '-n', 'team', '-o', 'jsonpath={.rules[0].verbs}'])).toBe(
      '["get","list"]',
    )
    await ok(['delete', 'role', 'cm-reader', '-n', 'team'])
  })
})

describe('persistence', () => {
  it('keeps roles, bindings, ingresses, policies and valid tokens across a restart', async () => {
    await restart()
    const rbac = await ok(['get', 'role,rolebinding', '-n', 'team', '-o', 'name'])
    for (const name of [
      'role.rbac.authorization.k8s.io/pod-reader',
      'rolebinding.rbac.authorization.k8s.io/ci-edit',
    ])
      expect(rbac).toContain(`${name}\n`)
    expect(await ok(['get', 'ingress,netpol', '-n', 'team', '-o', 'name'])).toBe(
      'ingress.networking.k8s.io/web\nnetworkpolicy.networking.k8s.io/db-only-from-api\n',
    )
    expect(await ok(['auth', 'can-i', 'list', 'pods', '-n', 'team', '--as', 'bob'])).toBe('yes\n')
    expect(await ok(['get', 'deployments', '--token', ciToken, '-n', 'team', '-o', 'name'])).toBe(
      'deployment.apps/web\n',
    )
  })
})
