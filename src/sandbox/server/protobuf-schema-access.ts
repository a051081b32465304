import type { FieldDef, FieldType, MessageDef } from './protobuf-schema'

// generated.proto field numbers of the RBAC, ServiceAccount/TokenRequest and Ingress messages kubectl's
// typed clients POST as protobuf (`kubectl create role|clusterrole|rolebinding|clusterrolebinding|
// serviceaccount|token|ingress`).
const f = (name: string, type: FieldType, repeated = false, inline = false): FieldDef => ({
  name,
  type,
  ...(repeated ? { repeated } : {}),
  ...(inline ? { inline } : {}),
})
const m = (msg: string): { msg: string } => ({ msg })

export const ACCESS_MESSAGES: Record<string, MessageDef> = {
  PolicyRule: {
    1: f('verbs', 'string', true),
    2: f('apiGroups', 'string', true),
    3: f('resources', 'string', true),
    4: f('resourceNames', 'string', true),
    5: f('nonResourceURLs', 'string', true),
  },
  Role: { 1: f('metadata', m('ObjectMeta')), 2: f('rules', m('PolicyRule'), true) },
  ClusterRole: {
    1: f('metadata', m('ObjectMeta')),
    2: f('rules', m('PolicyRule'), true),
    3: f('aggregationRule', m('AggregationRule')),
  },
  AggregationRule: { 1: f('clusterRoleSelectors', m('LabelSelector'), true) },
  Subject: {
    1: f('kind', 'string'),
    2: f('apiGroup', 'string'),
    3: f('name', 'string'),
    4: f('namespace', 'string'),
  },
  RoleRef: { 1: f('apiGroup', 'string'), 2: f('kind', 'string'), 3: f('name', 'string') },
  RoleBinding: {
    1: f('metadata', m('ObjectMeta')),
    2: f('subjects', m('Subject'), true),
    3: f('roleRef', m('RoleRef')),
  },
  ClusterRoleBinding: {
    1: f('metadata', m('ObjectMeta')),
    2: f('subjects', m('Subject'), true),
    3: f('roleRef', m('RoleRef')),
  },
  ServiceAccount: {
    1: f('metadata', m('ObjectMeta')),
    2: f('secrets', m('ObjectReference'), true),
    3: f('imagePullSecrets', m('LocalObjectReference'), true),
    4: f('automountServiceAccountToken', 'bool'),
  },
  ObjectReference: { 1: f('kind', 'string'), 2: f('namespace', 'string'), 3: f('name', 'string') },
  LocalObjectReference: { 1: f('name', 'string') },
  TokenRequest: { 1: f('metadata', m('ObjectMeta')), 2: f('spec', m('TokenRequestSpec')) },
  TokenRequestSpec: {
    1: f('audiences', 'string', true),
    3: f('boundObjectRef', m('BoundObjectReference')),
    4: f('expirationSeconds', 'int'),
  },
  BoundObjectReference: {
    1: f('kind', 'string'),
    2: f('apiVersion', 'string'),
    3: f('name', 'string'),
    4: f('uid', 'string'),
  },
  Ingress: { 1: f('metadata', m('ObjectMeta')), 2: f('spec', m('IngressSpec')), 3: f('status', m('Empty')) },
  IngressSpec: {
    1: f('defaultBackend', m('IngressBackend')),
    2: f('tls', m('IngressTLS'), true),
    3: f('rules', m('IngressRule'), true),
    4: f('ingressClassName', 'string'),
  },
  IngressTLS: { 1: f('hosts', 'string', true), 2: f('secretName', 'string') },
  // IngressRuleValue is inlined in JSON: its `http` sits beside `host`
  IngressRule: { 1: f('host', 'string'), 2: f('ingressRuleValue', m('IngressRuleValue'), false, true) },
  IngressRuleValue: { 1: f('http', m('HTTPIngressRuleValue')) },
  HTTPIngressRuleValue: { 1: f('paths', m('HTTPIngressPath'), true) },
  HTTPIngressPath: {
    1: f('path', 'string'),
    2: f('backend', m('IngressBackend')),
    3: f('pathType', 'string'),
  },
  IngressBackend: {
    3: f('resource', m('TypedLocalObjectReference')),
    4: f('service', m('IngressServiceBackend')),
  },
  TypedLocalObjectReference: { 1: f('apiGroup', 'string'), 2: f('kind', 'string'), 3: f('name', 'string') },
  IngressServiceBackend: { 1: f('name', 'string'), 2: f('port', m('ServiceBackendPort')) },
  ServiceBackendPort: { 1: f('name', 'string'), 2: f('number', 'int') },
}
