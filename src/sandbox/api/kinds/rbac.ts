import type { ResourceDef } from '../resources'

// rbac.authorization.k8s.io/v1: who may do what. Read by auth/rbac.ts on every request of a caller who is
// not in system:masters.
const FULL = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch']

function rbacKind(plural: string, kind: string, namespaced: boolean): ResourceDef {
  return {
    plural,
    singular: kind.toLowerCase(),
    kind,
    group: 'rbac.authorization.k8s.io',
    version: 'v1',
    namespaced,
    shortNames: [],
    categories: [],
    verbs: FULL,
    subresources: [],
    fieldLabels: [],
  }
}

export const RBAC_RESOURCES: ResourceDef[] = [
  rbacKind('clusterrolebindings', 'ClusterRoleBinding', false),
  rbacKind('clusterroles', 'ClusterRole', false),
  rbacKind('rolebindings', 'RoleBinding', true),
  rbacKind('roles', 'Role', true),
]
