import type { ResourceDef } from '../api/resources'
import { resourceByKind } from '../api/resources'
import { ApiError, notFound } from '../api/status'
import { isRecord } from '../types'
import type { AccessControl } from './access'
import type { PolicyRule } from './bootstrap-policy'
import { rulesFor } from './rbac'
import type { UserInfo } from './user'
import { isPrivileged } from './user'

// RBAC's escalation check (pkg/registry/rbac): a caller may write a role only with rules it already holds
// (or the `escalate` verb), and bind a role only when it holds that role's rules (or the `bind` verb).
const RBAC = 'rbac.authorization.k8s.io'
const has = (list: string[] | undefined, v: string): boolean =>
  !!list && (list.includes('*') || list.includes(v))

function covers(owner: PolicyRule, want: PolicyRule): boolean {
  if (!has(owner.verbs, want.verbs[0] ?? '')) return false
  const url = want.nonResourceURLs?.[0]
  if (url !== undefined) {
    return (owner.nonResourceURLs ?? []).some(
      (u) => u === '*' || u === url || (u.endsWith('*') && url.startsWith(u.slice(0, -1))),
    )
  }
  if (!has(owner.apiGroups, want.apiGroups?.[0] ?? '')) return false
  const resource = want.resources?.[0] ?? ''
  const [base, sub] = resource.split('/')
  const resourceOk = (owner.resources ?? []).some(
    (x) => x === '*' || x === resource || (sub !== undefined && (x === `*/${sub}` || x === `${base}/*`)),
  )
  if (!resourceOk) return false
  const names = owner.resourceNames ?? []
  return (
    names.length === 0 || (want.resourceNames?.length === 1 && names.includes(want.resourceNames[0] ?? ''))
  )
}

// Splits rules into one-verb, one-resource (one-URL) rules, as Covers compares them.
function simpleRules(rules: PolicyRule[]): PolicyRule[] {
  const out: PolicyRule[] = []
  for (const r of rules) {
    for (const verb of r.verbs) {
      for (const url of r.nonResourceURLs ?? []) out.push({ nonResourceURLs: [url], verbs: [verb] })
      for (const group of r.apiGroups ?? [])
        for (const resource of r.resources ?? []) {
          const names = r.resourceNames && r.resourceNames.length > 0 ? r.resourceNames : [undefined]
          for (const name of names)
            out.push({
              apiGroups: [group],
              resources: [resource],
              ...(name ? { resourceNames: [name] } : {}),
              verbs: [verb],
            })
        }
    }
  }
  return out
}

const q = (list: string[]): string => `[${list.map((x) => JSON.stringify(x)).join(' ')}]`

// rbacv1helpers.CompactString after CompactRules (missing verbs of one resource merged).
function describeMissing(missing: PolicyRule[]): string[] {
  const merged = new Map<string, PolicyRule>()
  for (const r of missing) {
    // non-resource rules stay one per verb; resource rules gather their verbs
    const key = JSON.stringify([r.apiGroups, r.resources, r.resourceNames, r.nonResourceURLs ? r.verbs : []])
    const prev = merged.get(key)
    if (prev) prev.verbs.push(...r.verbs)
    else merged.set(key, { ...r, verbs: [...r.verbs] })
  }
  const lines = [...merged.values()].map((r) => {
    const parts: string[] = []
    if (r.apiGroups?.length) parts.push(`APIGroups:${q(r.apiGroups)}`)
    if (r.resources?.length) parts.push(`Resources:${q(r.resources)}`)
    if (r.nonResourceURLs?.length) parts.push(`NonResourceURLs:${q(r.nonResourceURLs)}`)
    if (r.resourceNames?.length) parts.push(`ResourceNames:${q(r.resourceNames)}`)
    parts.push(`Verbs:${q(r.verbs)}`)
    return `{${parts.join(', ')}}`
  })
  return [...new Set(lines)].sort()
}

function forbiddenWrite(r: ResourceDef, name: string, message: string): ApiError {
  return new ApiError({
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: `${r.plural}.${r.group} ${JSON.stringify(name)} is forbidden: ${message}`,
    reason: 'Forbidden',
    details: { name, group: r.group, kind: r.plural },
    code: 403,
  })
}

function rulesOf(value: unknown): PolicyRule[] {
  return Array.isArray(value) ? (value.filter(isRecord) as unknown as PolicyRule[]) : []
}

function confirmNoEscalation(
  access: AccessControl,
  user: UserInfo,
  r: ResourceDef,
  name: string,
  ns: string,
  rules: PolicyRule[],
): void {
  const owned = rulesFor(access.store, user, ns)
  const ownerRules = [...owned.resourceRules, ...owned.nonResourceRules]
  const missing = simpleRules(rules).filter((want) => !ownerRules.some((o) => covers(o, want)))
  if (missing.length === 0) return
  let message = `user ${JSON.stringify(user.username)} (groups=${q(user.groups)}) is attempting to grant RBAC permissions not currently held:\n${describeMissing(missing).join('\n')}`
  if (owned.errors.length > 0) message += `; resolution errors: [${owned.errors.join(' ')}]`
  throw forbiddenWrite(r, name, message)
}

// The write check for one RBAC object a non-privileged user creates or updates.
export function checkRbacWrite(
  access: AccessControl,
  user: UserInfo,
  r: ResourceDef,
  obj: Record<string, unknown>,
): void {
  if (r.group !== RBAC) return
  const meta = isRecord(obj.metadata) ? obj.metadata : {}
  const name = String(meta.name ?? '')
  const ns = r.namespaced ? String(meta.namespace ?? '') : ''
  const allowed = (verb: string, resource: string, objectName: string): boolean =>
    access.decide({
      user,
      verb,
      resourceRequest: true,
      apiGroup: RBAC,
      apiVersion: 'v1',
      resource,
      subresource: '',
      namespace: ns,
      name: objectName,
    }).allowed
  if (r.kind === 'Role' || r.kind === 'ClusterRole') {
    if (allowed('escalate', r.plural, name)) return
    confirmNoEscalation(access, user, r, name, ns, rulesOf(obj.rules))
    return
  }
  if (r.kind !== 'RoleBinding' && r.kind !== 'ClusterRoleBinding') return
  const ref = isRecord(obj.roleRef) ? obj.roleRef : {}
  const refName = String(ref.name ?? '')
  const refDef = resourceByKind(ref.kind === 'Role' ? 'Role' : 'ClusterRole')
  if (allowed('bind', refDef.plural, refName)) return
  const role = access.store.get(refDef, refDef.namespaced ? ns : '', refName)
  if (!role) throw notFound(refDef, refName)
  confirmNoEscalation(access, user, r, name, ns, rulesOf(role.obj.rules))
}

// The admission hook for a request's writes: none for system:masters, the escalation check for others.
export function rbacAdmission(
  access: AccessControl,
  user: UserInfo | undefined,
): ((r: ResourceDef, obj: Record<string, unknown>) => void) | undefined {
  if (!user || isPrivileged(user)) return undefined
  return (r, obj) => checkRbacWrite(access, user, r, obj)
}
