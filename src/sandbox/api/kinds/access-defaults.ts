import type { Store } from '../../store/store'
import { isRecord, recordAt } from '../../types'
import { resourceByKind } from '../resources'

// Defaulting for RBAC and networking.k8s.io as kube-apiserver applies it.
const RBAC_GROUP = 'rbac.authorization.k8s.io'

export function accessDefaults(kind: string, obj: Record<string, unknown>): void {
  if (kind === 'RoleBinding' || kind === 'ClusterRoleBinding') {
    // SetDefaults_Subject: User and Group subjects belong to the RBAC group, ServiceAccounts to core.
    for (const s of Array.isArray(obj.subjects) ? obj.subjects : []) {
      if (!isRecord(s) || (s.apiGroup !== undefined && s.apiGroup !== '')) continue
      if (s.kind === 'User' || s.kind === 'Group') s.apiGroup = RBAC_GROUP
      else if (s.kind === 'ServiceAccount') s.apiGroup = ''
    }
  }
  if (kind === 'Ingress') {
    if (!isRecord(obj.status)) obj.status = { loadBalancer: {} }
  }
  if (kind === 'NetworkPolicy') {
    const spec = recordAt(obj, 'spec')
    recordAt(spec, 'podSelector')
    // policyTypes: Ingress always, Egress when egress rules are given
    if (!Array.isArray(spec.policyTypes) || spec.policyTypes.length === 0) {
      const egress = Array.isArray(spec.egress) && spec.egress.length > 0
      spec.policyTypes = egress ? ['Ingress', 'Egress'] : ['Ingress']
    }
  }
}

// The DefaultIngressClass admission plugin: a new Ingress naming no class gets the default one (the
// newest, when several claim to be default).
export function defaultIngressClass(store: Store, obj: Record<string, unknown>): void {
  const spec = recordAt(obj, 'spec')
  const meta = recordAt(obj, 'metadata')
  const annotations = isRecord(meta.annotations) ? meta.annotations : {}
  if (typeof spec.ingressClassName === 'string' || annotations['kubernetes.io/ingress.class'] !== undefined)
    return
  const defaults = store
    .list(resourceByKind('IngressClass'))
    .map((e) => e.obj)
    .filter((c) => c.metadata.annotations?.['ingressclass.kubernetes.io/is-default-class'] === 'true')
    .sort((a, b) => b.metadata.creationTimestamp.localeCompare(a.metadata.creationTimestamp))
  if (defaults[0]) spec.ingressClassName = defaults[0].metadata.name
}
