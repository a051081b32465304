import { resourceByKind } from '../api/resources'
import type { Store } from '../store/store'
import type { KObj } from '../types'
import { isRecord } from '../types'
import type { Attributes } from './attributes'
import type { PolicyRule } from './bootstrap-policy'
import type { UserInfo } from './user'
import { SA_PREFIX } from './user'

// The RBAC authorizer (plugin/pkg/auth/authorizer/rbac): ClusterRoleBindings first, then the RoleBindings
// of the request's namespace; the first rule that allows wins and names its binding in the reason.
export interface Decision {
  allowed: boolean
  reason: string
}

interface Subject {
  kind?: string
  name?: string
  namespace?: string
}

function appliesTo(user: UserInfo, s: Subject, bindingNamespace: string): boolean {
  if (s.kind === 'User') return user.username === s.name
  if (s.kind === 'Group') return typeof s.name === 'string' && user.groups.includes(s.name)
  if (s.kind === 'ServiceAccount') {
    const ns = s.namespace || bindingNamespace
    return ns !== '' && user.username === `${SA_PREFIX}${ns}:${s.name ?? ''}`
  }
  return false
}

function describeSubject(s: Subject, bindingNamespace: string): string {
  if (s.kind === 'ServiceAccount')
    return `ServiceAccount ${JSON.stringify(`${s.name ?? ''}/${s.namespace || bindingNamespace}`)}`
  return `${s.kind ?? ''} ${JSON.stringify(s.name ?? '')}`
}

const has = (list: string[] | undefined, value: string): boolean => !!list && list.includes(value)

export function ruleAllows(a: Attributes, r: PolicyRule): boolean {
  if (!has(r.verbs, '*') && !has(r.verbs, a.verb)) return false
  if (!a.resourceRequest) {
    return (r.nonResourceURLs ?? []).some(
      (u) => u === '*' || u === a.path || (u.endsWith('*') && a.path.startsWith(u.slice(0, -1))),
    )
  }
  if (!has(r.apiGroups, '*') && !has(r.apiGroups, a.apiGroup)) return false
  const combined = a.subresource ? `${a.resource}/${a.subresource}` : a.resource
  const resourceOk = (r.resources ?? []).some(
    (x) => x === '*' || x === combined || (a.subresource !== '' && x === `*/${a.subresource}`),
  )
  if (!resourceOk) return false
  return !r.resourceNames || r.resourceNames.length === 0 || r.resourceNames.includes(a.name)
}

function rulesOf(obj: KObj): PolicyRule[] {
  return Array.isArray(obj.rules) ? (obj.rules.filter(isRecord) as unknown as PolicyRule[]) : []
}

interface Visit {
  source: () => string
  rules: PolicyRule[]
}

// Every rule granted to the user in `namespace` (cluster-wide ones too), with the errors met on the way
// (a binding to a role that does not exist).
function* visitRules(store: Store, user: UserInfo, namespace: string, errors: string[]): Generator<Visit> {
  const clusterRoles = resourceByKind('ClusterRole')
  const roles = resourceByKind('Role')
  const roleRules = (ref: Record<string, unknown>, bindingNs: string): PolicyRule[] | undefined => {
    const name = String(ref.name ?? '')
    if (ref.kind === 'ClusterRole') {
      const e = store.get(clusterRoles, '', name)
      if (!e) errors.push(`clusterrole.rbac.authorization.k8s.io ${JSON.stringify(name)} not found`)
      return e && rulesOf(e.obj)
    }
    const e = store.get(roles, bindingNs, name)
    if (!e) errors.push(`role.rbac.authorization.k8s.io ${JSON.stringify(name)} not found`)
    return e && rulesOf(e.obj)
  }
  const bindings = [
    ...store.list(resourceByKind('ClusterRoleBinding')).map((e) => ({ obj: e.obj, ns: '' })),
    ...(namespace
      ? store.list(resourceByKind('RoleBinding'), namespace).map((e) => ({ obj: e.obj, ns: namespace }))
      : []),
  ]
  for (const { obj, ns } of bindings) {
    const subjects = (Array.isArray(obj.subjects) ? obj.subjects.filter(isRecord) : []) as Subject[]
    const subject = subjects.find((s) => appliesTo(user, s, ns))
    if (!subject) continue
    const ref = isRecord(obj.roleRef) ? obj.roleRef : {}
    const rules = roleRules(ref, ns)
    if (!rules) continue
    const bindingName = ns ? `${obj.metadata.name}/${ns}` : obj.metadata.name
    yield {
      rules,
      source: () =>
        `${ns ? 'RoleBinding' : 'ClusterRoleBinding'} ${JSON.stringify(bindingName)} of ${String(ref.kind ?? '')} ${JSON.stringify(String(ref.name ?? ''))} to ${describeSubject(subject, ns)}`,
    }
  }
}

function aggregateErrors(errors: string[]): string {
  return errors.length === 1 ? (errors[0] ?? '') : `[${errors.join(', ')}]`
}

export function authorize(store: Store, a: Attributes): Decision {
  const errors: string[] = []
  const namespace = a.resourceRequest ? a.namespace : ''
  for (const visit of visitRules(store, a.user, namespace, errors)) {
    if (visit.rules.some((r) => ruleAllows(a, r)))
      return { allowed: true, reason: `RBAC: allowed by ${visit.source()}` }
  }
  return { allowed: false, reason: errors.length > 0 ? `RBAC: ${aggregateErrors(errors)}` : '' }
}

// SelfSubjectRulesReview's view: every rule that applies in `namespace`, in the order RBAC visits them.
export function rulesFor(
  store: Store,
  user: UserInfo,
  namespace: string,
): { resourceRules: PolicyRule[]; nonResourceRules: PolicyRule[]; errors: string[] } {
  const errors: string[] = []
  const resourceRules: PolicyRule[] = []
  const nonResourceRules: PolicyRule[] = []
  for (const visit of visitRules(store, user, namespace, errors)) {
    for (const r of visit.rules) {
      if (r.nonResourceURLs && r.nonResourceURLs.length > 0)
        nonResourceRules.push({ verbs: r.verbs, nonResourceURLs: r.nonResourceURLs })
      else
        resourceRules.push({
          verbs: r.verbs,
          apiGroups: r.apiGroups ?? [],
          resources: r.resources ?? [],
          ...(r.resourceNames && r.resourceNames.length > 0 ? { resourceNames: r.resourceNames } : {}),
        })
    }
  }
  return { resourceRules, nonResourceRules, errors }
}
