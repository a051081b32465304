import type { PrinterColumn, ResourceDef, SubresourceDef } from '../api/resources'
import type { KObj } from '../types'
import { isRecord } from '../types'
import { namesAccepted } from './naming'

// A CustomResourceDefinition's served versions as entries of the resource table.
const FULL = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch']
const STATUS_VERBS = ['get', 'patch', 'update']

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : ''
}

// Kubernetes version priority: GA before beta before alpha, newer before older, then others by name.
function versionRank(v: string): [number, number, number, string] {
  const m = /^v(\d+)(?:(alpha|beta)(\d+))?$/.exec(v)
  if (!m) return [3, 0, 0, v]
  const stage = m[2] === undefined ? 0 : m[2] === 'beta' ? 1 : 2
  return [stage, -Number(m[1]), -Number(m[3] ?? 0), v]
}

export function compareVersions(a: string, b: string): number {
  const ra = versionRank(a)
  const rb = versionRank(b)
  for (let i = 0; i < 3; i++) if (ra[i] !== rb[i]) return (ra[i] as number) - (rb[i] as number)
  return ra[3] < rb[3] ? -1 : ra[3] > rb[3] ? 1 : 0
}

function columns(value: unknown): PrinterColumn[] {
  if (!Array.isArray(value)) return []
  return value.filter(isRecord).map((c) => ({
    name: str(c.name),
    type: str(c.type),
    jsonPath: str(c.jsonPath),
    ...(typeof c.format === 'string' ? { format: c.format } : {}),
    ...(typeof c.description === 'string' ? { description: c.description } : {}),
    ...(typeof c.priority === 'number' ? { priority: c.priority } : {}),
  }))
}

export function crdVersions(crd: KObj): Array<Record<string, unknown>> {
  const spec = isRecord(crd.spec) ? crd.spec : {}
  const versions = Array.isArray(spec.versions) ? spec.versions.filter(isRecord) : []
  return versions.sort((a, b) => compareVersions(str(a.name), str(b.name)))
}

export function crdResources(crd: KObj): ResourceDef[] {
  const spec = isRecord(crd.spec) ? crd.spec : {}
  const names = isRecord(spec.names) ? spec.names : {}
  const kind = str(names.kind)
  const plural = str(names.plural)
  if (!kind || !plural || !str(spec.group) || !namesAccepted(crd)) return []
  return crdVersions(crd)
    .filter((v) => v.served === true)
    .map((v) => {
      const subs = isRecord(v.subresources) ? v.subresources : {}
      const scale = isRecord(subs.scale) ? subs.scale : undefined
      const subresources: SubresourceDef[] = []
      if (isRecord(subs.scale)) {
        subresources.push({
          name: 'scale',
          kind: 'Scale',
          group: 'autoscaling',
          version: 'v1',
          verbs: STATUS_VERBS,
        })
      }
      if (isRecord(subs.status)) subresources.push({ name: 'status', kind, verbs: STATUS_VERBS })
      const schema = isRecord(v.schema) ? v.schema.openAPIV3Schema : undefined
      const selectable = Array.isArray(v.selectableFields) ? v.selectableFields.filter(isRecord) : []
      return {
        plural,
        singular: str(names.singular) || kind.toLowerCase(),
        kind,
        group: str(spec.group),
        version: str(v.name),
        namespaced: spec.scope !== 'Cluster',
        shortNames: strings(names.shortNames),
        categories: strings(names.categories),
        verbs: FULL,
        subresources,
        fieldLabels: selectable.map((f) => str(f.jsonPath).replace(/^\./, '')),
        custom: {
          crdName: crd.metadata.name,
          listKind: str(names.listKind) || `${kind}List`,
          schema,
          columns: columns(v.additionalPrinterColumns),
          statusSubresource: isRecord(subs.status),
          ...(scale
            ? {
                scale: {
                  specReplicasPath: str(scale.specReplicasPath),
                  statusReplicasPath: str(scale.statusReplicasPath),
                  ...(typeof scale.labelSelectorPath === 'string'
                    ? { labelSelectorPath: scale.labelSelectorPath }
                    : {}),
                },
              }
            : {}),
        },
      }
    })
}
