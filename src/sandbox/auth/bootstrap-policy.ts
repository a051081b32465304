import type { ObjectApi } from '../api/objects'
import { resourceByKind } from '../api/resources'
import type { RoleSpec } from './bootstrap-roles'
import { CLUSTER_ROLES } from './bootstrap-roles'

// Kubernetes' default RBAC policy (plugin/pkg/auth/authorizer/rbac/bootstrappolicy): the user-facing
// roles cluster-admin, admin, edit and view (the last three aggregated from system:aggregate-to-*), the
// system: roles every authenticated caller relies on (discovery, basic-user, public-info-viewer) and the
// control-plane components' roles and bindings, ensured at every start as kube-apiserver's
// rbac/bootstrap-roles hook does.
export interface PolicyRule {
  apiGroups?: string[]
  resources?: string[]
  resourceNames?: string[]
  nonResourceURLs?: string[]
  verbs: string[]
}

type Subject =
  { kind: 'User' | 'Group'; name: string } | { kind: 'ServiceAccount'; name: string; namespace: string }
const group = (name: string): Subject => ({ kind: 'Group', name })
const user = (name: string): Subject => ({ kind: 'User', name })

const CLUSTER_ROLE_BINDINGS: Record<string, Subject[]> = {
  'cluster-admin': [group('system:masters')],
  'system:basic-user': [group('system:authenticated')],
  'system:discovery': [group('system:authenticated')],
  'system:public-info-viewer': [group('system:authenticated'), group('system:unauthenticated')],
  'system:monitoring': [group('system:monitoring')],
  'system:service-account-issuer-discovery': [group('system:serviceaccounts')],
  'system:kube-dns': [{ kind: 'ServiceAccount', name: 'kube-dns', namespace: 'kube-system' }],
  'system:node-proxier': [user('system:kube-proxy')],
  'system:kube-scheduler': [user('system:kube-scheduler')],
  'system:kube-controller-manager': [user('system:kube-controller-manager')],
}

const META = {
  annotations: { 'rbac.authorization.kubernetes.io/autoupdate': 'true' },
  labels: { 'kubernetes.io/bootstrapping': 'rbac-defaults' },
}

function clusterRoleObject(name: string, spec: RoleSpec): Record<string, unknown> {
  const labels: Record<string, string> = { ...META.labels }
  for (const to of [spec.aggregateTo ?? []].flat())
    labels[`rbac.authorization.k8s.io/aggregate-to-${to}`] = 'true'
  return {
    metadata: { name, annotations: { ...META.annotations }, labels },
    ...(spec.aggregates
      ? {
          aggregationRule: {
            clusterRoleSelectors: [
              { matchLabels: { [`rbac.authorization.k8s.io/aggregate-to-${spec.aggregates}`]: 'true' } },
            ],
          },
        }
      : {}),
    rules: spec.rules,
  }
}

function subjectObject(s: Subject): Record<string, unknown> {
  return s.kind === 'ServiceAccount' ? { ...s } : { apiGroup: 'rbac.authorization.k8s.io', ...s }
}

// Creates whichever default roles and bindings are missing (a restored sandbox from before RBAC gets them).
export function ensureBootstrapPolicy(api: ObjectApi): void {
  const roleDef = resourceByKind('ClusterRole')
  const bindingDef = resourceByKind('ClusterRoleBinding')
  for (const [name, spec] of Object.entries(CLUSTER_ROLES)) {
    if (!api.store.get(roleDef, '', name))
      api.create(roleDef, '', clusterRoleObject(name, spec), { internal: true })
  }
  for (const [name, subjects] of Object.entries(CLUSTER_ROLE_BINDINGS)) {
    if (api.store.get(bindingDef, '', name)) continue
    api.create(
      bindingDef,
      '',
      {
        metadata: { name, annotations: { ...META.annotations }, labels: { ...META.labels } },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name },
        subjects: subjects.map(subjectObject),
      },
      { internal: true },
    )
  }
}
