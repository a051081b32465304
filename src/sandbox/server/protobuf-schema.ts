import { BATCH_MESSAGES } from './protobuf-batch'
import { ACCESS_MESSAGES } from './protobuf-schema-access'

// Field numbers of the k8s.io/api generated.proto messages kubectl's typed clients POST as protobuf
// (`kubectl create deployment|namespace|configmap|secret|service`, `kubectl run`).
import { POLICY_MESSAGES } from './protobuf-schema-policy'

export type FieldType =
  | 'string'
  | 'int'
  | 'bool'
  | 'bytes'
  | 'time'
  | 'intstr'
  | 'quantity'
  | 'map'
  | 'mapBytes'
  | 'mapQuantity'
  | { msg: string }

export interface FieldDef {
  name: string
  type: FieldType
  repeated?: boolean
  // an embedded Go struct whose fields JSON shows at the parent's level
  inline?: boolean
}

export type MessageDef = Record<number, FieldDef>

const f = (name: string, type: FieldType, repeated = false): FieldDef => ({
  name,
  type,
  ...(repeated ? { repeated } : {}),
})
const m = (msg: string): { msg: string } => ({ msg })

export const MESSAGES: Record<string, MessageDef> = {
  Unknown: {
    1: f('typeMeta', m('TypeMeta')),
    2: f('raw', 'bytes'),
    3: f('contentEncoding', 'string'),
    4: f('contentType', 'string'),
  },
  TypeMeta: { 1: f('apiVersion', 'string'), 2: f('kind', 'string') },
  // `kubectl auth can-i` and `kubectl auth whoami` (authorization.k8s.io/v1, authentication.k8s.io/v1).
  SelfSubjectAccessReview: {
    1: f('metadata', m('ObjectMeta')),
    2: f('spec', m('SelfSubjectAccessReviewSpec')),
  },
  SelfSubjectAccessReviewSpec: {
    1: f('resourceAttributes', m('ResourceAttributes')),
    2: f('nonResourceAttributes', m('NonResourceAttributes')),
  },
  ResourceAttributes: {
    1: f('namespace', 'string'),
    2: f('verb', 'string'),
    3: f('group', 'string'),
    4: f('version', 'string'),
    5: f('resource', 'string'),
    6: f('subresource', 'string'),
    7: f('name', 'string'),
  },
  NonResourceAttributes: { 1: f('path', 'string'), 2: f('verb', 'string') },
  SelfSubjectRulesReview: {
    1: f('metadata', m('ObjectMeta')),
    2: f('spec', m('SelfSubjectRulesReviewSpec')),
  },
  SelfSubjectRulesReviewSpec: { 1: f('namespace', 'string') },
  SelfSubjectReview: { 1: f('metadata', m('ObjectMeta')) },
  ObjectMeta: {
    1: f('name', 'string'),
    2: f('generateName', 'string'),
    3: f('namespace', 'string'),
    5: f('uid', 'string'),
    6: f('resourceVersion', 'string'),
    7: f('generation', 'int'),
    8: f('creationTimestamp', 'time'),
    11: f('labels', 'map'),
    12: f('annotations', 'map'),
    13: f('ownerReferences', m('OwnerReference'), true),
    14: f('finalizers', 'string', true),
  },
  OwnerReference: {
    1: f('kind', 'string'),
    3: f('name', 'string'),
    4: f('uid', 'string'),
    5: f('apiVersion', 'string'),
    6: f('controller', 'bool'),
    7: f('blockOwnerDeletion', 'bool'),
  },
  LabelSelector: {
    1: f('matchLabels', 'map'),
    2: f('matchExpressions', m('LabelSelectorRequirement'), true),
  },
  LabelSelectorRequirement: {
    1: f('key', 'string'),
    2: f('operator', 'string'),
    3: f('values', 'string', true),
  },
  Deployment: {
    1: f('metadata', m('ObjectMeta')),
    2: f('spec', m('DeploymentSpec')),
    3: f('status', m('Empty')),
  },
  DeploymentSpec: {
    1: f('replicas', 'int'),
    2: f('selector', m('LabelSelector')),
    3: f('template', m('PodTemplateSpec')),
    4: f('strategy', m('DeploymentStrategy')),
    5: f('minReadySeconds', 'int'),
    6: f('revisionHistoryLimit', 'int'),
    7: f('paused', 'bool'),
    9: f('progressDeadlineSeconds', 'int'),
  },
  DeploymentStrategy: { 1: f('type', 'string'), 2: f('rollingUpdate', m('RollingUpdateDeployment')) },
  RollingUpdateDeployment: { 1: f('maxUnavailable', 'intstr'), 2: f('maxSurge', 'intstr') },
  PodTemplateSpec: { 1: f('metadata', m('ObjectMeta')), 2: f('spec', m('PodSpec')) },
  PodSpec: {
    2: f('containers', m('Container'), true),
    3: f('restartPolicy', 'string'),
    4: f('terminationGracePeriodSeconds', 'int'),
    6: f('dnsPolicy', 'string'),
    7: f('nodeSelector', 'map'),
    8: f('serviceAccountName', 'string'),
    10: f('nodeName', 'string'),
    19: f('schedulerName', 'string'),
    20: f('initContainers', m('Container'), true),
  },
  Container: {
    1: f('name', 'string'),
    2: f('image', 'string'),
    3: f('command', 'string', true),
    4: f('args', 'string', true),
    5: f('workingDir', 'string'),
    6: f('ports', m('ContainerPort'), true),
    7: f('env', m('EnvVar'), true),
    8: f('resources', m('ResourceRequirements')),
    13: f('terminationMessagePath', 'string'),
    14: f('imagePullPolicy', 'string'),
    16: f('stdin', 'bool'),
    17: f('stdinOnce', 'bool'),
    18: f('tty', 'bool'),
    20: f('terminationMessagePolicy', 'string'),
  },
  ContainerPort: {
    1: f('name', 'string'),
    2: f('hostPort', 'int'),
    3: f('containerPort', 'int'),
    4: f('protocol', 'string'),
  },
  EnvVar: { 1: f('name', 'string'), 2: f('value', 'string') },
  ResourceRequirements: { 1: f('limits', 'mapQuantity'), 2: f('requests', 'mapQuantity') },
  Pod: { 1: f('metadata', m('ObjectMeta')), 2: f('spec', m('PodSpec')), 3: f('status', m('Empty')) },
  Namespace: { 1: f('metadata', m('ObjectMeta')), 2: f('spec', m('Empty')), 3: f('status', m('Empty')) },
  ConfigMap: {
    1: f('metadata', m('ObjectMeta')),
    2: f('data', 'map'),
    3: f('binaryData', 'mapBytes'),
    4: f('immutable', 'bool'),
  },
  Secret: {
    1: f('metadata', m('ObjectMeta')),
    2: f('data', 'mapBytes'),
    3: f('type', 'string'),
    4: f('stringData', 'map'),
    5: f('immutable', 'bool'),
  },
  Service: { 1: f('metadata', m('ObjectMeta')), 2: f('spec', m('ServiceSpec')), 3: f('status', m('Empty')) },
  ServiceSpec: {
    1: f('ports', m('ServicePort'), true),
    2: f('selector', 'map'),
    3: f('clusterIP', 'string'),
    4: f('type', 'string'),
    5: f('externalIPs', 'string', true),
    7: f('sessionAffinity', 'string'),
    10: f('externalName', 'string'),
  },
  ServicePort: {
    1: f('name', 'string'),
    2: f('protocol', 'string'),
    3: f('port', 'int'),
    4: f('targetPort', 'intstr'),
    5: f('nodePort', 'int'),
  },
  Empty: {},
  ...BATCH_MESSAGES,
  ...POLICY_MESSAGES,
  ...ACCESS_MESSAGES,
}
