import type { ResourceDef } from './resources'
import type { StatusCause } from './status'
import { isRecord } from '../types'
import { matchesLabels, selectorFromSpec } from './selectors'
import type { LabelSelectorSpec } from '../types'
import { validateBatch } from './kinds/batch-validation'
import { RBAC_KINDS, validateRbac, validateRbacName } from './kinds/access-validation'

// Field validation returning causes shaped like apimachinery's field.ErrorList.
const LABEL_RE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/
const SUBDOMAIN_RE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/
const DNS1035_RE = /^[a-z]([-a-z0-9]*[a-z0-9])?$/

const SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"
const LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"
const DNS1035_MSG =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')"

export function invalidValue(field: string, value: unknown, detail: string): StatusCause {
  const shown = typeof value === 'string' ? JSON.stringify(value) : String(value)
  return { reason: 'FieldValueInvalid', message: `Invalid value: ${shown}: ${detail}`, field }
}

export function required(field: string, detail = ''): StatusCause {
  return { reason: 'FieldValueRequired', message: `Required value${detail ? `: ${detail}` : ''}`, field }
}

export function isDnsLabel(name: string): boolean {
  return name.length <= 63 && LABEL_RE.test(name)
}

function validateName(kind: string, name: string): StatusCause[] {
  if (kind === 'Namespace') {
    return isDnsLabel(name) ? [] : [invalidValue('metadata.name', name, LABEL_MSG)]
  }
  if (kind === 'Service') {
    return name.length <= 63 && DNS1035_RE.test(name)
      ? []
      : [invalidValue('metadata.name', name, DNS1035_MSG)]
  }
  if (kind === 'Event') return name ? [] : [required('metadata.name')]
  if (RBAC_KINDS.has(kind)) return validateRbacName(name)
  return name.length <= 253 && SUBDOMAIN_RE.test(name)
    ? []
    : [invalidValue('metadata.name', name, SUBDOMAIN_MSG)]
}

function validateReplicas(path: string, value: unknown): StatusCause[] {
  if (typeof value === 'number' && value < 0) {
    return [invalidValue(path, value, 'must be greater than or equal to 0')]
  }
  return []
}

export function validateContainers(path: string, spec: unknown): StatusCause[] {
  const containers = isRecord(spec) ? spec.containers : undefined
  if (!Array.isArray(containers) || containers.length === 0) return [required(`${path}.containers`)]
  const causes: StatusCause[] = []
  containers.forEach((c: unknown, i) => {
    const at = `${path}.containers[${i}]`
    if (!isRecord(c) || typeof c.name !== 'string' || c.name === '') causes.push(required(`${at}.name`))
    else if (!isDnsLabel(c.name)) causes.push(invalidValue(`${at}.name`, c.name, LABEL_MSG))
    if (!isRecord(c) || typeof c.image !== 'string' || c.image === '') causes.push(required(`${at}.image`))
  })
  return causes
}

function validateWorkload(obj: Record<string, unknown>): StatusCause[] {
  const spec = isRecord(obj.spec) ? obj.spec : {}
  const causes = validateReplicas('spec.replicas', spec.replicas)
  const selector = isRecord(spec.selector) ? (spec.selector as LabelSelectorSpec) : undefined
  const template = isRecord(spec.template) ? spec.template : {}
  const meta = isRecord(template.metadata) ? template.metadata : {}
  const labels = isRecord(meta.labels) ? (meta.labels as Record<string, string>) : {}
  if (!selector || selectorFromSpec(selector).length === 0) {
    causes.push(required('spec.selector'))
  } else if (!matchesLabels(selectorFromSpec(selector), labels)) {
    const shown = `map[string]string{${Object.entries(labels)
      .map(([k, v]) => `"${k}":"${v}"`)
      .join(', ')}}`
    causes.push({
      reason: 'FieldValueInvalid',
      message: `Invalid value: ${shown}: \`selector\` does not match template \`labels\``,
      field: 'spec.template.metadata.labels',
    })
  }
  causes.push(...validateContainers('spec.template.spec', template.spec))
  return causes
}

export function validateObject(r: ResourceDef, obj: Record<string, unknown>): StatusCause[] {
  const meta = isRecord(obj.metadata) ? obj.metadata : {}
  const name = typeof meta.name === 'string' ? meta.name : ''
  const causes = name === '' ? [required('metadata.name', 'name or generateName is required')] : []
  if (name !== '') causes.push(...validateName(r.kind, name))
  if (r.kind === 'Deployment' || r.kind === 'ReplicaSet') causes.push(...validateWorkload(obj))
  if (r.kind === 'Pod') causes.push(...validateContainers('spec', obj.spec))
  if (r.group === 'batch' || r.group === 'autoscaling') causes.push(...validateBatch(r.kind, obj))
  if (RBAC_KINDS.has(r.kind) && r.group === 'rbac.authorization.k8s.io')
    causes.push(...validateRbac(r.kind, obj))
  if (r.kind === 'Service') {
    const spec = isRecord(obj.spec) ? obj.spec : {}
    const ports = Array.isArray(spec.ports) ? spec.ports : []
    if (ports.length === 0 && spec.type !== 'ExternalName') causes.push(required('spec.ports'))
  }
  return causes
}
