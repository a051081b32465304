import type { PolicyRule } from './bootstrap-policy'

// The bootstrap ClusterRoles' rules (plugin/pkg/auth/authorizer/rbac/bootstrappolicy/policy.go).
const READ = ['get', 'list', 'watch']
const WRITE = ['create', 'delete', 'deletecollection', 'patch', 'update']
const ALL = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch']
const EVENTS_WRITE = ['create', 'patch', 'update']

function rule(
  apiGroups: string[],
  resources: string[],
  verbs: string[],
  resourceNames?: string[],
): PolicyRule {
  return { apiGroups, resources, verbs, ...(resourceNames ? { resourceNames } : {}) }
}
function urls(nonResourceURLs: string[], verbs = ['get']): PolicyRule {
  return { nonResourceURLs, verbs }
}

const AGGREGATE_TO_VIEW: PolicyRule[] = [
  rule(
    [''],
    ['configmaps', 'endpoints', 'persistentvolumeclaims', 'persistentvolumeclaims/status', 'pods']
      .concat(['replicationcontrollers', 'replicationcontrollers/scale', 'serviceaccounts', 'services'])
      .concat(['services/status']),
    READ,
  ),
  rule(
    [''],
    ['bindings', 'events', 'limitranges', 'namespaces/status', 'pods/log', 'pods/status'].concat([
      'replicationcontrollers/status',
      'resourcequotas',
      'resourcequotas/status',
    ]),
    READ,
  ),
  rule([''], ['namespaces'], READ),
  rule(['discovery.k8s.io'], ['endpointslices'], READ),
  rule(
    ['apps'],
    ['controllerrevisions', 'daemonsets', 'daemonsets/status', 'deployments', 'deployments/scale']
      .concat(['deployments/status', 'replicasets', 'replicasets/scale', 'replicasets/status'])
      .concat(['statefulsets', 'statefulsets/scale', 'statefulsets/status']),
    READ,
  ),
  rule(['autoscaling'], ['horizontalpodautoscalers', 'horizontalpodautoscalers/status'], READ),
  rule(['batch'], ['cronjobs', 'cronjobs/status', 'jobs', 'jobs/status'], READ),
  rule(
    ['extensions'],
    ['daemonsets', 'daemonsets/status', 'deployments', 'deployments/scale', 'deployments/status']
      .concat(['ingresses', 'ingresses/status', 'networkpolicies', 'replicasets', 'replicasets/scale'])
      .concat(['replicasets/status', 'replicationcontrollers/scale']),
    READ,
  ),
  rule(['policy'], ['poddisruptionbudgets', 'poddisruptionbudgets/status'], READ),
  rule(['networking.k8s.io'], ['ingresses', 'ingresses/status', 'networkpolicies'], READ),
]

const AGGREGATE_TO_EDIT: PolicyRule[] = [
  rule(
    [''],
    ['pods/attach', 'pods/exec', 'pods/portforward', 'pods/proxy', 'secrets', 'services/proxy'],
    READ,
  ),
  rule([''], ['serviceaccounts'], ['impersonate']),
  rule([''], ['pods', 'pods/attach', 'pods/exec', 'pods/portforward', 'pods/proxy'], WRITE),
  rule([''], ['pods/eviction'], ['create']),
  rule(
    [''],
    ['configmaps', 'events', 'persistentvolumeclaims', 'replicationcontrollers'].concat([
      'replicationcontrollers/scale',
      'secrets',
      'serviceaccounts',
      'services',
      'services/proxy',
    ]),
    WRITE,
  ),
  rule([''], ['serviceaccounts/token'], ['create']),
  rule(
    ['apps'],
    ['daemonsets', 'deployments', 'deployments/rollback', 'deployments/scale', 'replicasets'].concat([
      'replicasets/scale',
      'statefulsets',
      'statefulsets/scale',
    ]),
    WRITE,
  ),
  rule(['autoscaling'], ['horizontalpodautoscalers'], WRITE),
  rule(['batch'], ['cronjobs', 'jobs'], WRITE),
  rule(
    ['extensions'],
    ['daemonsets', 'deployments', 'deployments/rollback', 'deployments/scale', 'ingresses'].concat([
      'networkpolicies',
      'replicasets',
      'replicasets/scale',
      'replicationcontrollers/scale',
    ]),
    WRITE,
  ),
  rule(['policy'], ['poddisruptionbudgets'], WRITE),
  rule(['networking.k8s.io'], ['ingresses', 'networkpolicies'], WRITE),
  rule(['coordination.k8s.io'], ['leases'], ALL),
]

const AGGREGATE_TO_ADMIN: PolicyRule[] = [
  rule(['authorization.k8s.io'], ['localsubjectaccessreviews'], ['create']),
  rule(['rbac.authorization.k8s.io'], ['rolebindings', 'roles'], ALL),
]

const DISCOVERY_URLS = [
  '/api',
  '/api/*',
  '/apis',
  '/apis/*',
  '/healthz',
  '/livez',
  '/openapi',
  '/openapi/*',
].concat(['/readyz', '/version', '/version/'])

type Aggregate = 'admin' | 'edit' | 'view'
export interface RoleSpec {
  rules: PolicyRule[]
  aggregateTo?: Aggregate | Aggregate[]
  aggregates?: Aggregate
}

export const CLUSTER_ROLES: Record<string, RoleSpec> = {
  'cluster-admin': { rules: [rule(['*'], ['*'], ['*']), urls(['*'], ['*'])] },
  admin: { rules: [], aggregates: 'admin' },
  edit: { rules: [], aggregates: 'edit', aggregateTo: 'admin' },
  view: { rules: [], aggregates: 'view', aggregateTo: 'edit' },
  'system:aggregate-to-admin': { rules: AGGREGATE_TO_ADMIN, aggregateTo: 'admin' },
  'system:aggregate-to-edit': { rules: AGGREGATE_TO_EDIT, aggregateTo: 'edit' },
  'system:aggregate-to-view': { rules: AGGREGATE_TO_VIEW, aggregateTo: 'view' },
  // metrics-server's role (the sandbox serves metrics.k8s.io itself), aggregated into admin, edit and view
  'system:aggregated-metrics-reader': {
    rules: [rule(['metrics.k8s.io'], ['pods', 'nodes'], READ)],
    aggregateTo: ['admin', 'edit', 'view'],
  },
  'system:auth-delegator': {
    rules: [
      rule(['authentication.k8s.io'], ['tokenreviews'], ['create']),
      rule(['authorization.k8s.io'], ['subjectaccessreviews'], ['create']),
    ],
  },
  'system:basic-user': {
    rules: [
      rule(['authorization.k8s.io'], ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'], ['create']),
      rule(['authentication.k8s.io'], ['selfsubjectreviews'], ['create']),
    ],
  },
  'system:discovery': { rules: [urls(DISCOVERY_URLS)] },
  'system:public-info-viewer': { rules: [urls(['/healthz', '/livez', '/readyz', '/version', '/version/'])] },
  'system:monitoring': {
    rules: [
      urls([
        '/healthz',
        '/healthz/*',
        '/livez',
        '/livez/*',
        '/metrics',
        '/metrics/slis',
        '/readyz',
        '/readyz/*',
      ]),
    ],
  },
  'system:service-account-issuer-discovery': {
    rules: [urls(['/.well-known/openid-configuration', '/openid/v1/jwks'])],
  },
  'system:kube-dns': { rules: [rule([''], ['endpoints', 'services'], ['list', 'watch'])] },
  'system:node-proxier': {
    rules: [
      rule([''], ['endpoints', 'services'], ['list', 'watch']),
      rule([''], ['nodes'], READ),
      rule(['', 'events.k8s.io'], ['events'], EVENTS_WRITE),
      rule(['discovery.k8s.io'], ['endpointslices'], ['list', 'watch']),
    ],
  },
  'system:kube-scheduler': {
    rules: [
      rule(['', 'events.k8s.io'], ['events'], EVENTS_WRITE),
      rule(['coordination.k8s.io'], ['leases'], ['create']),
      rule(['coordination.k8s.io'], ['leases'], ['get', 'update'], ['kube-scheduler']),
      rule([''], ['nodes'], READ),
      rule([''], ['pods'], ['delete', 'get', 'list', 'watch']),
      rule([''], ['bindings', 'pods/binding'], ['create']),
      rule([''], ['pods/status'], ['patch', 'update']),
      rule([''], ['replicationcontrollers', 'services'], READ),
      rule(['apps', 'extensions'], ['replicasets'], READ),
      rule(['apps'], ['statefulsets'], READ),
      rule(['policy'], ['poddisruptionbudgets'], READ),
      rule([''], ['persistentvolumeclaims', 'persistentvolumes'], READ),
      rule(['authentication.k8s.io'], ['tokenreviews'], ['create']),
      rule(['authorization.k8s.io'], ['subjectaccessreviews'], ['create']),
      rule(['storage.k8s.io'], ['csinodes'], READ),
      rule([''], ['namespaces'], READ),
      rule(['storage.k8s.io'], ['csidrivers'], READ),
      rule(['storage.k8s.io'], ['csistoragecapacities'], READ),
    ],
  },
  'system:kube-controller-manager': {
    rules: [
      rule(['', 'events.k8s.io'], ['events'], EVENTS_WRITE),
      rule(['coordination.k8s.io'], ['leases'], ['create']),
      rule(['coordination.k8s.io'], ['leases'], ['get', 'update'], ['kube-controller-manager']),
      rule([''], ['secrets', 'serviceaccounts'], ['create']),
      rule([''], ['secrets'], ['delete']),
      rule([''], ['configmaps', 'namespaces', 'secrets', 'serviceaccounts'], ['get']),
      rule([''], ['secrets', 'serviceaccounts'], ['update']),
      rule(['authentication.k8s.io'], ['tokenreviews'], ['create']),
      rule(['authorization.k8s.io'], ['subjectaccessreviews'], ['create']),
      rule(['*'], ['*'], ['list', 'watch']),
      rule([''], ['serviceaccounts/token'], ['create']),
    ],
  },
}
