import type { StatusCause } from '../api/status'
import type { KObj } from '../types'
import { isRecord, recordAt } from '../types'
import { crdVersions } from './crd-resources'
import { parseJsonPath } from './jsonpath'
import type { NameConflict } from './naming'
import type { JsonSchema } from './schema'

// CustomResourceDefinition defaults, validation and the status its controllers would write
// (NamesAccepted, Established, acceptedNames, storedVersions), as apiextensions-apiserver does.

export function defaultCrd(obj: Record<string, unknown>): void {
  const spec = recordAt(obj, 'spec')
  const names = recordAt(spec, 'names')
  if (typeof names.kind === 'string' && names.kind !== '') {
    if (!names.singular) names.singular = names.kind.toLowerCase()
    if (!names.listKind) names.listKind = `${names.kind}List`
  }
  if (!isRecord(spec.conversion)) spec.conversion = { strategy: 'None' }
}

function condition(
  type: string,
  ok: boolean,
  reason: string,
  message: string,
  now: string,
  previous: unknown,
): unknown {
  const status = ok ? 'True' : 'False'
  const prev = Array.isArray(previous)
    ? previous.find((c: unknown) => isRecord(c) && c.type === type && c.status === status)
    : undefined
  const lastTransitionTime =
    isRecord(prev) && typeof prev.lastTransitionTime === 'string' ? prev.lastTransitionTime : now
  return { type, status, reason, message, lastTransitionTime }
}

export function crdStatus(
  obj: KObj,
  current: KObj | undefined,
  now: string,
  conflict?: NameConflict,
): Record<string, unknown> {
  const spec = isRecord(obj.spec) ? obj.spec : {}
  const names = isRecord(spec.names) ? spec.names : {}
  const old = isRecord(current?.status) ? current.status : {}
  const stored = Array.isArray(old.storedVersions)
    ? old.storedVersions.filter((v) => typeof v === 'string')
    : []
  const storage = crdVersions(obj).find((v) => v.storage === true)?.name
  if (typeof storage === 'string' && !stored.includes(storage)) stored.push(storage)
  const accepted: Record<string, unknown> = {}
  for (const key of ['plural', 'singular', 'shortNames', 'kind', 'listKind', 'categories']) {
    if (names[key] !== undefined) accepted[key] = names[key]
  }
  if (conflict) {
    return {
      conditions: [
        condition('NamesAccepted', false, conflict.reason, conflict.message, now, old.conditions),
        condition('Established', false, 'NotAccepted', 'not all names are accepted', now, old.conditions),
      ],
      acceptedNames: isRecord(old.acceptedNames) ? old.acceptedNames : { plural: '', kind: '' },
      storedVersions: stored,
    }
  }
  return {
    conditions: [
      condition('NamesAccepted', true, 'NoConflicts', 'no conflicts found', now, old.conditions),
      condition(
        'Established',
        true,
        'InitialNamesAccepted',
        'the initial names have been accepted',
        now,
        old.conditions,
      ),
    ],
    acceptedNames: accepted,
    storedVersions: stored,
  }
}

const required = (field: string, detail = ''): StatusCause => ({
  reason: 'FieldValueRequired',
  message: detail ? `Required value: ${detail}` : 'Required value',
  field,
})
const invalid = (field: string, value: string, detail: string): StatusCause => ({
  reason: 'FieldValueInvalid',
  message: `Invalid value: ${JSON.stringify(value)}: ${detail}`,
  field,
})

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/

// Structural schema: every node that declares properties or items says its type.
function structural(schema: JsonSchema, path: string, out: StatusCause[]): void {
  const exempt = schema['x-kubernetes-int-or-string'] || schema['x-kubernetes-preserve-unknown-fields']
  if (!schema.type && !exempt)
    out.push(required(`${path}.type`, 'must not be empty for specified object fields'))
  for (const [key, sub] of Object.entries(schema.properties ?? {})) {
    if (isRecord(sub)) structural(sub, `${path}.properties[${key}]`, out)
  }
  if (Array.isArray(schema.items)) {
    out.push({
      reason: 'FieldValueForbidden',
      message: 'Forbidden: items must be a schema object and not an array',
      field: `${path}.items`,
    })
  } else if (isRecord(schema.items)) structural(schema.items, `${path}.items`, out)
  if (isRecord(schema.additionalProperties))
    structural(schema.additionalProperties, `${path}.additionalProperties`, out)
}

function validateVersion(v: Record<string, unknown>, i: number, out: StatusCause[]): void {
  const at = `spec.versions[${i}]`
  const name = typeof v.name === 'string' ? v.name : ''
  if (!name) out.push(required(`${at}.name`))
  else if (!DNS_LABEL.test(name))
    out.push(
      invalid(
        `${at}.name`,
        name,
        "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character",
      ),
    )
  const schema = isRecord(v.schema) ? v.schema.openAPIV3Schema : undefined
  const schemaPath = `${at}.schema.openAPIV3Schema`
  if (!isRecord(schema)) out.push(required(schemaPath, 'schemas are required'))
  else {
    if (schema.type !== 'object')
      out.push(invalid(`${schemaPath}.type`, String(schema.type ?? ''), 'must be object at the root'))
    structural(schema as JsonSchema, schemaPath, out)
  }
  const cols = Array.isArray(v.additionalPrinterColumns) ? v.additionalPrinterColumns : []
  cols.forEach((c: unknown, j) => {
    const colPath = `${at}.additionalPrinterColumns[${j}]`
    if (!isRecord(c)) return
    if (typeof c.name !== 'string' || !c.name) out.push(required(`${colPath}.name`))
    const types = ['integer', 'number', 'string', 'boolean', 'date']
    if (typeof c.type !== 'string' || !types.includes(c.type)) {
      out.push({
        reason: 'FieldValueNotSupported',
        message: `Unsupported value: ${JSON.stringify(c.type ?? '')}: supported values: ${types.map((t) => JSON.stringify(t)).join(', ')}`,
        field: `${colPath}.type`,
      })
    }
    const path = typeof c.jsonPath === 'string' ? c.jsonPath : ''
    if (!path) out.push(required(`${colPath}.jsonPath`))
    else if (!path.startsWith('.') || !parseJsonPath(path)) {
      out.push(invalid(`${colPath}.jsonPath`, path, 'must be a simple json path starting with .'))
    }
  })
}

export function validateCrd(obj: KObj, current: KObj | undefined): StatusCause[] {
  const out: StatusCause[] = []
  const spec = isRecord(obj.spec) ? obj.spec : {}
  const names = isRecord(spec.names) ? spec.names : {}
  const group = typeof spec.group === 'string' ? spec.group : ''
  const plural = typeof names.plural === 'string' ? names.plural : ''
  if (plural && group && obj.metadata.name !== `${plural}.${group}`) {
    out.push(invalid('metadata.name', obj.metadata.name, 'must be spec.names.plural+"."+spec.group'))
  }
  if (!group) out.push(required('spec.group'))
  else if (!group.includes('.'))
    out.push(invalid('spec.group', group, 'should be a domain with at least one dot'))
  if (!plural) out.push(required('spec.names.plural'))
  else if (!DNS_LABEL.test(plural))
    out.push(
      invalid(
        'spec.names.plural',
        plural,
        "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character",
      ),
    )
  if (typeof names.kind !== 'string' || !names.kind) out.push(required('spec.names.kind'))
  if (spec.scope !== 'Cluster' && spec.scope !== 'Namespaced') {
    out.push({
      reason: 'FieldValueNotSupported',
      message: `Unsupported value: ${JSON.stringify(spec.scope ?? '')}: supported values: "Cluster", "Namespaced"`,
      field: 'spec.scope',
    })
  }
  const cur = isRecord(current?.spec) ? current.spec : undefined
  if (cur && cur.scope !== spec.scope)
    out.push(invalid('spec.scope', String(spec.scope), 'field is immutable'))
  const versions = Array.isArray(spec.versions) ? spec.versions : []
  if (versions.length === 0)
    out.push(required('spec.versions', 'must have exactly one version marked as storage version'))
  else {
    const storage = versions.filter((v: unknown) => isRecord(v) && v.storage === true).length
    if (storage !== 1) {
      out.push({
        reason: 'FieldValueInvalid',
        message: 'Invalid value: "versions": must have exactly one version marked as storage version',
        field: 'spec.versions',
      })
    }
    versions.forEach((v: unknown, i) => isRecord(v) && validateVersion(v, i, out))
  }
  return out
}
