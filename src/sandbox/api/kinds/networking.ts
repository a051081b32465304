import type { ResourceDef } from '../resources'

// networking.k8s.io/v1: Ingress (status filled by controllers/ingress.ts), IngressClass, NetworkPolicy
// (stored and shown; the sandbox has no packets to filter).
const FULL = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch']

function networkingKind(
  plural: string,
  kind: string,
  namespaced: boolean,
  shortNames: string[],
  status = false,
): ResourceDef {
  return {
    plural,
    singular: kind.toLowerCase(),
    kind,
    group: 'networking.k8s.io',
    version: 'v1',
    namespaced,
    shortNames,
    categories: [],
    verbs: FULL,
    subresources: status ? [{ name: 'status', kind, verbs: ['get', 'patch', 'update'] }] : [],
    fieldLabels: [],
  }
}

export const NETWORKING_RESOURCES: ResourceDef[] = [
  networkingKind('ingressclasses', 'IngressClass', false, []),
  networkingKind('ingresses', 'Ingress', true, ['ing'], true),
  networkingKind('networkpolicies', 'NetworkPolicy', true, ['netpol']),
]
