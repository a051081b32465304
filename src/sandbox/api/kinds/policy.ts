import type { KObj, LabelSelectorSpec } from '../../types'
import { isRecord } from '../../types'
import { ageOf } from '../age'
import type { ResourceDef } from '../resources'
import { matchesLabels, selectorFromSpec } from '../selectors'
import type { KindPrinter } from '../table-columns'

// policy/v1: PodDisruptionBudget (status from controllers/disruption.ts). Eviction is the pods/eviction
// subresource (api/eviction.ts), served under core v1 like kube-apiserver does.
export const POLICY_RESOURCES: ResourceDef[] = [
  {
    plural: 'poddisruptionbudgets',
    singular: 'poddisruptionbudget',
    kind: 'PodDisruptionBudget',
    group: 'policy',
    version: 'v1',
    namespaced: true,
    shortNames: ['pdb'],
    categories: [],
    verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
    subresources: [{ name: 'status', kind: 'PodDisruptionBudget', verbs: ['get', 'patch', 'update'] }],
    fieldLabels: [],
  },
]

function text(v: unknown): string {
  return v === undefined || v === null ? 'N/A' : String(v)
}

// kubectl's printPodDisruptionBudget: N/A for whichever of minAvailable / maxUnavailable is unset.
export const pdbPrinter: KindPrinter = {
  columns: [
    { name: 'Name', type: 'string', format: 'name', description: 'Name', priority: 0 },
    { name: 'Min Available', type: 'string', format: '', description: 'Min Available', priority: 0 },
    { name: 'Max Unavailable', type: 'string', format: '', description: 'Max Unavailable', priority: 0 },
    {
      name: 'Allowed Disruptions',
      type: 'integer',
      format: '',
      description: 'Allowed Disruptions',
      priority: 0,
    },
    { name: 'Age', type: 'string', format: '', description: 'Age', priority: 0 },
  ],
  cells(obj: KObj, now) {
    const spec = isRecord(obj.spec) ? obj.spec : {}
    const status = isRecord(obj.status) ? obj.status : {}
    return [
      obj.metadata.name,
      text(spec.minAvailable),
      text(spec.maxUnavailable),
      typeof status.disruptionsAllowed === 'number' ? status.disruptionsAllowed : 0,
      ageOf(obj.metadata.creationTimestamp, now),
    ]
  },
}

export function pdbSelects(pdb: KObj, pod: KObj): boolean {
  const spec = isRecord(pdb.spec) ? pdb.spec : {}
  const selector = isRecord(spec.selector) ? (spec.selector as LabelSelectorSpec) : undefined
  // policy/v1: an empty selector matches every pod of the namespace, a missing one none
  if (!selector) return false
  return matchesLabels(selectorFromSpec(selector), pod.metadata.labels)
}
