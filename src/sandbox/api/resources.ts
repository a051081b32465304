import { AUTOSCALING_RESOURCES } from './kinds/autoscaling'
import { BATCH_RESOURCES } from './kinds/batch'
import { POLICY_RESOURCES } from './kinds/policy'
import { NETWORKING_RESOURCES } from './kinds/networking'
import { RBAC_RESOURCES } from './kinds/rbac'

// The resource table: one entry per kind the sandbox serves, used by discovery, routing and storage.
export interface SubresourceDef {
  name: string
  kind: string
  verbs: string[]
  group?: string
  version?: string
}

export interface ResourceDef {
  plural: string
  singular: string
  kind: string
  group: string // '' for core
  version: string
  namespaced: boolean
  shortNames: string[]
  categories: string[]
  verbs: string[]
  subresources: SubresourceDef[]
  // extra field selectors beyond metadata.name / metadata.namespace
  fieldLabels: string[]
  // set for a served version of a CustomResourceDefinition (see crd/)
  custom?: CustomResourceInfo
}

// What a CRD version adds to a resource: its schema, printer columns and subresource paths.
export interface CustomResourceInfo {
  crdName: string
  listKind: string
  schema: unknown
  columns: PrinterColumn[]
  statusSubresource: boolean
  scale?: { specReplicasPath: string; statusReplicasPath: string; labelSelectorPath?: string }
}

export interface PrinterColumn {
  name: string
  type: string
  format?: string
  description?: string
  priority?: number
  jsonPath: string
}

const FULL = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch']
const STATUS_VERBS = ['get', 'patch', 'update']

function def(
  d: Omit<ResourceDef, 'singular' | 'verbs' | 'subresources' | 'fieldLabels'> & Partial<ResourceDef>,
) {
  return {
    singular: d.kind.toLowerCase(),
    verbs: FULL,
    subresources: [],
    fieldLabels: [],
    ...d,
  }
}

export const RESOURCES: ResourceDef[] = [
  def({
    plural: 'namespaces',
    kind: 'Namespace',
    group: '',
    version: 'v1',
    namespaced: false,
    shortNames: ['ns'],
    categories: [],
    verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
    subresources: [
      { name: 'status', kind: 'Namespace', verbs: STATUS_VERBS },
      { name: 'finalize', kind: 'Namespace', verbs: ['update'] },
    ],
    fieldLabels: ['status.phase'],
  }),
  def({
    plural: 'nodes',
    kind: 'Node',
    group: '',
    version: 'v1',
    namespaced: false,
    shortNames: ['no'],
    categories: [],
    subresources: [{ name: 'status', kind: 'Node', verbs: STATUS_VERBS }],
    fieldLabels: ['spec.unschedulable'],
  }),
  def({
    plural: 'pods',
    kind: 'Pod',
    group: '',
    version: 'v1',
    namespaced: true,
    shortNames: ['po'],
    categories: ['all'],
    subresources: [
      { name: 'eviction', kind: 'Eviction', group: 'policy', version: 'v1', verbs: ['create'] },
      { name: 'log', kind: 'Pod', verbs: ['get'] },
      { name: 'status', kind: 'Pod', verbs: STATUS_VERBS },
    ],
    fieldLabels: [
      'spec.nodeName',
      'spec.restartPolicy',
      'spec.schedulerName',
      'spec.serviceAccountName',
      'spec.hostNetwork',
      'status.phase',
      'status.podIP',
      'status.nominatedNodeName',
    ],
  }),
  def({
    plural: 'services',
    kind: 'Service',
    group: '',
    version: 'v1',
    namespaced: true,
    shortNames: ['svc'],
    categories: ['all'],
    subresources: [{ name: 'status', kind: 'Service', verbs: STATUS_VERBS }],
  }),
  def({
    plural: 'endpoints',
    singular: 'endpoints',
    kind: 'Endpoints',
    group: '',
    version: 'v1',
    namespaced: true,
    shortNames: ['ep'],
    categories: [],
  }),
  def({
    plural: 'configmaps',
    kind: 'ConfigMap',
    group: '',
    version: 'v1',
    namespaced: true,
    shortNames: ['cm'],
    categories: [],
  }),
  def({
    plural: 'secrets',
    kind: 'Secret',
    group: '',
    version: 'v1',
    namespaced: true,
    shortNames: [],
    categories: [],
    fieldLabels: ['type'],
  }),
  def({
    plural: 'events',
    kind: 'Event',
    group: '',
    version: 'v1',
    namespaced: true,
    shortNames: ['ev'],
    categories: [],
    fieldLabels: [
      'involvedObject.kind',
      'involvedObject.namespace',
      'involvedObject.name',
      'involvedObject.uid',
      'involvedObject.apiVersion',
      'involvedObject.resourceVersion',
      'involvedObject.fieldPath',
      'reason',
      'reportingComponent',
      'source',
      'type',
    ],
  }),
  def({
    plural: 'deployments',
    kind: 'Deployment',
    group: 'apps',
    version: 'v1',
    namespaced: true,
    shortNames: ['deploy'],
    categories: ['all'],
    subresources: [
      { name: 'scale', kind: 'Scale', group: 'autoscaling', version: 'v1', verbs: STATUS_VERBS },
      { name: 'status', kind: 'Deployment', verbs: STATUS_VERBS },
    ],
  }),
  def({
    plural: 'replicasets',
    kind: 'ReplicaSet',
    group: 'apps',
    version: 'v1',
    namespaced: true,
    shortNames: ['rs'],
    categories: ['all'],
    subresources: [
      { name: 'scale', kind: 'Scale', group: 'autoscaling', version: 'v1', verbs: STATUS_VERBS },
      { name: 'status', kind: 'ReplicaSet', verbs: STATUS_VERBS },
    ],
    fieldLabels: ['status.replicas'],
  }),
  // events.k8s.io/v1 Events mirror core/v1 Events (see controllers/events-mirror.ts).
  def({
    plural: 'events',
    kind: 'Event',
    group: 'events.k8s.io',
    version: 'v1',
    namespaced: true,
    shortNames: ['ev'],
    categories: [],
    fieldLabels: [
      'regarding.kind',
      'regarding.namespace',
      'regarding.name',
      'regarding.uid',
      'reason',
      'type',
    ],
  }),
  def({
    plural: 'resourcequotas',
    kind: 'ResourceQuota',
    group: '',
    version: 'v1',
    namespaced: true,
    shortNames: ['quota'],
    categories: [],
  }),
  def({
    plural: 'limitranges',
    kind: 'LimitRange',
    group: '',
    version: 'v1',
    namespaced: true,
    shortNames: ['limits'],
    categories: [],
  }),
  def({
    plural: 'serviceaccounts',
    kind: 'ServiceAccount',
    group: '',
    version: 'v1',
    namespaced: true,
    shortNames: ['sa'],
    categories: [],
    subresources: [
      {
        name: 'token',
        kind: 'TokenRequest',
        group: 'authentication.k8s.io',
        version: 'v1',
        verbs: ['create'],
      },
    ],
  }),
  def({
    plural: 'leases',
    kind: 'Lease',
    group: 'coordination.k8s.io',
    version: 'v1',
    namespaced: true,
    shortNames: [],
    categories: [],
  }),
  def({
    plural: 'endpointslices',
    kind: 'EndpointSlice',
    group: 'discovery.k8s.io',
    version: 'v1',
    namespaced: true,
    shortNames: [],
    categories: [],
  }),
  def({
    plural: 'customresourcedefinitions',
    kind: 'CustomResourceDefinition',
    group: 'apiextensions.k8s.io',
    version: 'v1',
    namespaced: false,
    shortNames: ['crd', 'crds'],
    categories: ['api-extensions'],
    subresources: [{ name: 'status', kind: 'CustomResourceDefinition', verbs: STATUS_VERBS }],
  }),
  // Reviews (see auth/reviews.ts): create-only, answered at once and never stored.
  ...(
    [
      ['selfsubjectaccessreviews', 'SelfSubjectAccessReview', 'authorization.k8s.io'],
      ['selfsubjectrulesreviews', 'SelfSubjectRulesReview', 'authorization.k8s.io'],
      ['selfsubjectreviews', 'SelfSubjectReview', 'authentication.k8s.io'],
    ] as const
  ).map(([plural, kind, group]) =>
    def({
      plural,
      kind,
      group,
      version: 'v1',
      namespaced: false,
      shortNames: [],
      categories: [],
      verbs: ['create'],
    }),
  ),
  ...POLICY_RESOURCES,
  ...RBAC_RESOURCES,
  ...NETWORKING_RESOURCES,
  // metrics.k8s.io: computed on request by metrics/metrics-api.ts, never stored
  def({
    plural: 'nodes',
    singular: '',
    kind: 'NodeMetrics',
    group: 'metrics.k8s.io',
    version: 'v1beta1',
    namespaced: false,
    shortNames: [],
    categories: [],
    verbs: ['get', 'list'],
  }),
  def({
    plural: 'pods',
    singular: '',
    kind: 'PodMetrics',
    group: 'metrics.k8s.io',
    version: 'v1beta1',
    namespaced: true,
    shortNames: [],
    categories: [],
    verbs: ['get', 'list'],
  }),
  ...BATCH_RESOURCES,
  ...AUTOSCALING_RESOURCES,
]

export function groupVersion(r: ResourceDef): string {
  return r.group === '' ? r.version : `${r.group}/${r.version}`
}

// Qualified resource as used in Status messages: `pods`, `deployments.apps`.
export function qualifiedName(r: ResourceDef): string {
  return r.group === '' ? r.plural : `${r.plural}.${r.group}`
}

export function findResource(group: string, version: string, plural: string): ResourceDef | undefined {
  return RESOURCES.find((r) => r.group === group && r.version === version && r.plural === plural)
}

export function resourceByKind(kind: string): ResourceDef {
  const found = RESOURCES.find((r) => r.kind === kind)
  if (!found) throw new Error(`unknown kind ${kind}`)
  return found
}
