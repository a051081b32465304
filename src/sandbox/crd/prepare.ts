import type { FieldValidation } from '../api/query'
import type { ResourceDef } from '../api/resources'
import type { StatusCause } from '../api/status'
import { badRequest } from '../api/status'
import type { KObj } from '../types'
import { crdStatus, defaultCrd, validateCrd } from './crd-object'
import { nameConflict } from './naming'
import type { JsonSchema } from './schema'
import { applySchemaDefaults, asSchema, prune } from './schema'
import { validateCustomObject } from './schema-validation'

// The apiextensions part of a write, run by ObjectApi after the built-in defaults: CRDs get their
// defaults and status; custom objects are pruned, defaulted and validated against their version's schema.
export interface ExtensionWriteOptions {
  internal?: boolean
  subresource?: 'status'
  // unknown fields: Strict refuses, Warn (the default) drops and warns, Ignore drops
  fieldValidation?: FieldValidation
  warnings?: Pick<string[], 'push'>
}

export function prepareExtensionWrite(
  r: ResourceDef,
  obj: Record<string, unknown>,
  current: KObj | undefined,
  now: string,
  opts: ExtensionWriteOptions,
  // the sandbox's served resources, to find names another CRD already uses
  served: readonly ResourceDef[] = [],
): StatusCause[] {
  if (r.kind === 'CustomResourceDefinition' && r.group === 'apiextensions.k8s.io') {
    if (opts.subresource === 'status') return []
    defaultCrd(obj)
    const causes = validateCrd(obj as KObj, current)
    if (causes.length === 0) {
      obj.status = crdStatus(obj as KObj, current, now, nameConflict(obj as KObj, served))
    }
    return causes
  }
  const schema: JsonSchema | undefined = asSchema(r.custom?.schema)
  if (!r.custom || !schema) return []
  const unknown = prune(obj, schema)
  const mode = opts.internal ? 'Ignore' : (opts.fieldValidation ?? 'Warn')
  if (unknown.length > 0 && mode === 'Strict') {
    const list = unknown.map((u) => `unknown field "${u}"`).join(', ')
    throw badRequest(
      `${r.kind} in version "${r.version}" cannot be handled as a ${r.kind}: strict decoding error: ${list}`,
    )
  }
  if (mode === 'Warn' && unknown.length > 0)
    opts.warnings?.push(...unknown.map((u) => `unknown field "${u}"`))
  applySchemaDefaults(obj, schema)
  return validateCustomObject(obj, schema)
}
