import { deepEqual } from '../api/deep-equal'
import { resourceByKind } from '../api/resources'
import { matchesLabels, selectorFromSpec } from '../api/selectors'
import type { KObj, LabelSelectorSpec } from '../types'
import { isRecord } from '../types'
import type { Sync } from './index'

// The clusterrole-aggregation controller: a ClusterRole with an aggregationRule gets the rules of every
// other ClusterRole its selectors match, taken in name order without duplicates (so `admin`, `edit` and
// `view` grow when a CRD's roles carry the aggregate-to-* labels).
function selectors(role: KObj): LabelSelectorSpec[] {
  const rule = isRecord(role.aggregationRule) ? role.aggregationRule : undefined
  return Array.isArray(rule?.clusterRoleSelectors)
    ? (rule.clusterRoleSelectors.filter(isRecord) as LabelSelectorSpec[])
    : []
}

export function isAggregated(role: KObj): boolean {
  return isRecord(role.aggregationRule)
}

export function syncClusterRoleAggregation(sync: Sync, name: string): void {
  const { api } = sync
  const def = resourceByKind('ClusterRole')
  const role = api.store.get(def, '', name)?.obj
  if (!role || !isAggregated(role)) return
  const reqs = selectors(role).map(selectorFromSpec)
  const sources = api.store
    .list(def)
    .map((e) => e.obj)
    .filter((r) => r.metadata.name !== name && reqs.some((q) => matchesLabels(q, r.metadata.labels)))
    .sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1))
  const rules: unknown[] = []
  for (const source of sources) {
    for (const r of Array.isArray(source.rules) ? source.rules : []) {
      if (!rules.some((x) => deepEqual(x, r))) rules.push(r)
    }
  }
  if (deepEqual(rules, role.rules ?? [])) return
  api.update(def, '', name, { ...role, rules }, { internal: true })
}

// Every aggregated ClusterRole may be affected by a change to any ClusterRole.
export function aggregatedRoleNames(sync: Sync): string[] {
  return sync.api.store
    .list(resourceByKind('ClusterRole'))
    .filter((e) => isAggregated(e.obj))
    .map((e) => e.obj.metadata.name)
}
