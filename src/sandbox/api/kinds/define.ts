import type { ResourceDef } from '../resources'

// The resource-table entry builder for the kinds/ files (kept apart from resources.ts, which imports them).
export const FULL_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch']
export const STATUS_VERBS = ['get', 'patch', 'update']
export const SCALE = {
  name: 'scale',
  kind: 'Scale',
  group: 'autoscaling',
  version: 'v1',
  verbs: STATUS_VERBS,
}

export function defineResource(
  d: Omit<ResourceDef, 'singular' | 'verbs' | 'subresources' | 'fieldLabels'> & Partial<ResourceDef>,
): ResourceDef {
  return { singular: d.kind.toLowerCase(), verbs: FULL_VERBS, subresources: [], fieldLabels: [], ...d }
}
