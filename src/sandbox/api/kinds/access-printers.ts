import type { KObj } from '../../types'
import { isRecord } from '../../types'
import { ageOf } from '../age'
import { rfc3339 } from '../names'
import { selectorToString } from '../selectors'
import type { ColumnDef, KindPrinter } from '../table-columns'

// kube-apiserver's printers (pkg/printers/internalversion) for RBAC, ServiceAccount and networking.k8s.io.
// The server prints wide, so priority-1 cells are always sent.
function col(name: string, type = 'string', priority = 0, format = ''): ColumnDef {
  return { name, type, format, description: name, priority }
}
const NAME = col('Name', 'string', 0, 'name')
const AGE = col('Age')

function rec(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {}
}
function list(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter(isRecord) : []
}

const role: KindPrinter = {
  columns: [NAME, col('Created At', 'date')],
  cells: (o) => [o.metadata.name, rfc3339(Date.parse(o.metadata.creationTimestamp))],
}

// rbac.SubjectsStrings: users, groups and "namespace:name" service accounts.
function subjectsOf(o: KObj): [string, string, string] {
  const users: string[] = []
  const groups: string[] = []
  const sas: string[] = []
  for (const s of list(o.subjects)) {
    const name = String(s.name ?? '')
    if (s.kind === 'User') users.push(name)
    else if (s.kind === 'Group') groups.push(name)
    else if (s.kind === 'ServiceAccount') sas.push(`${String(s.namespace ?? '')}:${name}`)
  }
  return [users.join(', '), groups.join(', '), sas.join(', ')]
}

const roleBinding: KindPrinter = {
  columns: [
    NAME,
    col('Role'),
    AGE,
    col('Users', 'string', 1),
    col('Groups', 'string', 1),
    col('ServiceAccounts', 'string', 1),
  ],
  cells(o, now) {
    const ref = rec(o.roleRef)
    return [
      o.metadata.name,
      `${String(ref.kind ?? '')}/${String(ref.name ?? '')}`,
      ageOf(o.metadata.creationTimestamp, now),
      ...subjectsOf(o),
    ]
  },
}

function formatHosts(rules: Record<string, unknown>[]): string {
  const hosts: string[] = []
  let more = false
  for (const rule of rules) {
    if (hosts.length === 3) more = true
    if (!more && typeof rule.host === 'string' && rule.host !== '') hosts.push(rule.host)
  }
  if (hosts.length === 0) return '*'
  return more ? `${hosts.join(',')} + ${rules.length - 3} more...` : hosts.join(',')
}

const ingress: KindPrinter = {
  columns: [NAME, col('Class'), col('Hosts'), col('Address'), col('Ports'), AGE],
  cells(o, now) {
    const spec = rec(o.spec)
    const lb = list(rec(rec(o.status).loadBalancer).ingress)
    const address = lb.flatMap((i) => [i.ip, i.hostname].filter((x) => typeof x === 'string' && x !== ''))
    return [
      o.metadata.name,
      typeof spec.ingressClassName === 'string' ? spec.ingressClassName : '<none>',
      formatHosts(list(spec.rules)),
      address.join(','),
      list(spec.tls).length > 0 ? '80, 443' : '80',
      ageOf(o.metadata.creationTimestamp, now),
    ]
  },
}

const ingressClass: KindPrinter = {
  columns: [NAME, col('Controller'), col('Parameters'), AGE],
  cells(o, now) {
    const spec = rec(o.spec)
    const p = isRecord(spec.parameters) ? spec.parameters : undefined
    const params = p
      ? `${String(p.kind ?? '')}${typeof p.apiGroup === 'string' ? `.${p.apiGroup}` : ''}/${String(p.name ?? '')}`
      : '<none>'
    return [o.metadata.name, String(spec.controller ?? ''), params, ageOf(o.metadata.creationTimestamp, now)]
  },
}

const networkPolicy: KindPrinter = {
  columns: [NAME, col('Pod-Selector'), AGE],
  cells(o, now) {
    const selector = rec(rec(o.spec).podSelector)
    const text = selectorToString(selector)
    return [o.metadata.name, text === '' ? '<none>' : text, ageOf(o.metadata.creationTimestamp, now)]
  },
}

const serviceAccount: KindPrinter = {
  columns: [NAME, col('Secrets', 'integer'), AGE],
  cells: (o, now) => [o.metadata.name, list(o.secrets).length, ageOf(o.metadata.creationTimestamp, now)],
}

export const ACCESS_PRINTERS: Record<string, KindPrinter> = {
  Role: role,
  ClusterRole: role,
  RoleBinding: roleBinding,
  ClusterRoleBinding: roleBinding,
  Ingress: ingress,
  IngressClass: ingressClass,
  NetworkPolicy: networkPolicy,
  ServiceAccount: serviceAccount,
}
