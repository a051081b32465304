import type { StatusCause } from '../status'
import { isRecord } from '../../types'

// Validation of RBAC objects as pkg/apis/rbac/validation does it.
export const RBAC_KINDS = new Set(['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding'])

function cause(field: string, value: unknown, detail: string): StatusCause {
  return { reason: 'FieldValueInvalid', message: `Invalid value: ${JSON.stringify(value)}: ${detail}`, field }
}
function required(field: string): StatusCause {
  return { reason: 'FieldValueRequired', message: 'Required value', field }
}

// RBAC names are path segments (so `system:basic-user` is fine).
export function validateRbacName(name: string): StatusCause[] {
  if (name === '.' || name === '..') return [cause('metadata.name', name, `may not be '${name}'`)]
  for (const bad of ['/', '%'])
    if (name.includes(bad)) return [cause('metadata.name', name, `may not contain '${bad}'`)]
  return []
}

export function validateRbac(kind: string, obj: Record<string, unknown>): StatusCause[] {
  const causes: StatusCause[] = []
  if (kind === 'Role' || kind === 'ClusterRole') {
    const rules = Array.isArray(obj.rules) ? obj.rules : []
    rules.forEach((r, i) => {
      const rule = isRecord(r) ? r : {}
      const at = `rules[${i}]`
      if (!Array.isArray(rule.verbs) || rule.verbs.length === 0) causes.push(required(`${at}.verbs`))
      const nonResource = Array.isArray(rule.nonResourceURLs) && rule.nonResourceURLs.length > 0
      if (nonResource && kind === 'Role')
        causes.push(
          cause(
            `${at}.nonResourceURLs`,
            rule.nonResourceURLs,
            'namespaced rules cannot apply to non-resource URLs',
          ),
        )
      if (!nonResource && (!Array.isArray(rule.apiGroups) || rule.apiGroups.length === 0))
        causes.push(required(`${at}.apiGroups`))
      if (!nonResource && (!Array.isArray(rule.resources) || rule.resources.length === 0))
        causes.push(required(`${at}.resources`))
    })
  }
  if (kind === 'RoleBinding' || kind === 'ClusterRoleBinding') {
    const ref = isRecord(obj.roleRef) ? obj.roleRef : {}
    if (ref.apiGroup !== 'rbac.authorization.k8s.io')
      causes.push({
        reason: 'FieldValueNotSupported',
        message: `Unsupported value: ${JSON.stringify(ref.apiGroup ?? '')}: supported values: "rbac.authorization.k8s.io"`,
        field: 'roleRef.apiGroup',
      })
    const kinds = kind === 'RoleBinding' ? ['ClusterRole', 'Role'] : ['ClusterRole']
    if (!kinds.includes(String(ref.kind ?? '')))
      causes.push({
        reason: 'FieldValueNotSupported',
        message: `Unsupported value: ${JSON.stringify(ref.kind ?? '')}: supported values: ${kinds.map((k) => JSON.stringify(k)).join(', ')}`,
        field: 'roleRef.kind',
      })
    if (typeof ref.name !== 'string' || ref.name === '') causes.push(required('roleRef.name'))
    const subjects = Array.isArray(obj.subjects) ? obj.subjects : []
    subjects.forEach((s, i) => {
      const subject = isRecord(s) ? s : {}
      if (typeof subject.name !== 'string' || subject.name === '')
        causes.push(required(`subjects[${i}].name`))
      if (!['User', 'Group', 'ServiceAccount'].includes(String(subject.kind ?? '')))
        causes.push({
          reason: 'FieldValueNotSupported',
          message: `Unsupported value: ${JSON.stringify(subject.kind ?? '')}: supported values: "ServiceAccount", "User", "Group"`,
          field: `subjects[${i}].kind`,
        })
    })
  }
  return causes
}
