// Schemas of kinds that have no built-in model (custom resources): the CRD code registers each served
// version's openAPIV3Schema here, and /openapi/v3 and /openapi/v2 carry it under the name kube-apiserver
// gives it (com.example.stable.v1.CronTab), without strategic merge patch, as for real CRDs.
export type Schema = Record<string, unknown>

const schemas = new Map<string, Schema>()
const listeners = new Set<() => void>()

const key = (group: string, version: string, kind: string): string => `${group}/${version}/${kind}`

export function customDefinitionName(group: string, version: string, kind: string): string {
  return [...group.split('.').reverse(), version, kind].join('.')
}

// schema undefined removes the kind (its CRD or version went away).
export function setCustomSchema(
  group: string,
  version: string,
  kind: string,
  schema: Schema | undefined,
): void {
  if (schema) schemas.set(key(group, version, kind), schema)
  else schemas.delete(key(group, version, kind))
  for (const l of listeners) l()
}

export function customSchema(group: string, version: string, kind: string): Schema | undefined {
  return schemas.get(key(group, version, kind))
}

export function onCustomSchemasChanged(listener: () => void): void {
  listeners.add(listener)
}
