import type { FieldDef, FieldType, MessageDef } from './protobuf-schema'

// Field numbers (k8s.io/api batch/v1 and autoscaling/v2 generated.proto) of what `kubectl create job|cronjob`,
// `kubectl create job --from=cronjob/x` and `kubectl autoscale` POST as protobuf.
const f = (name: string, type: FieldType, repeated = false): FieldDef => ({
  name,
  type,
  ...(repeated ? { repeated } : {}),
})
const m = (msg: string): { msg: string } => ({ msg })

export const BATCH_MESSAGES: Record<string, MessageDef> = {
  Job: { 1: f('metadata', m('ObjectMeta')), 2: f('spec', m('JobSpec')), 3: f('status', m('Empty')) },
  JobSpec: {
    1: f('parallelism', 'int'),
    2: f('completions', 'int'),
    3: f('activeDeadlineSeconds', 'int'),
    4: f('selector', m('LabelSelector')),
    5: f('manualSelector', 'bool'),
    6: f('template', m('PodTemplateSpec')),
    7: f('backoffLimit', 'int'),
    8: f('ttlSecondsAfterFinished', 'int'),
    9: f('completionMode', 'string'),
    10: f('suspend', 'bool'),
  },
  JobTemplateSpec: { 1: f('metadata', m('ObjectMeta')), 2: f('spec', m('JobSpec')) },
  CronJob: { 1: f('metadata', m('ObjectMeta')), 2: f('spec', m('CronJobSpec')), 3: f('status', m('Empty')) },
  CronJobSpec: {
    1: f('schedule', 'string'),
    2: f('startingDeadlineSeconds', 'int'),
    3: f('concurrencyPolicy', 'string'),
    4: f('suspend', 'bool'),
    5: f('jobTemplate', m('JobTemplateSpec')),
    6: f('successfulJobsHistoryLimit', 'int'),
    7: f('failedJobsHistoryLimit', 'int'),
    8: f('timeZone', 'string'),
  },
  HorizontalPodAutoscaler: {
    1: f('metadata', m('ObjectMeta')),
    2: f('spec', m('HorizontalPodAutoscalerSpec')),
    3: f('status', m('Empty')),
  },
  'autoscaling/v1/HorizontalPodAutoscaler': {
    1: f('metadata', m('ObjectMeta')),
    2: f('spec', m('HorizontalPodAutoscalerSpecV1')),
    3: f('status', m('Empty')),
  },
  HorizontalPodAutoscalerSpecV1: {
    1: f('scaleTargetRef', m('CrossVersionObjectReference')),
    2: f('minReplicas', 'int'),
    3: f('maxReplicas', 'int'),
    4: f('targetCPUUtilizationPercentage', 'int'),
  },
  HorizontalPodAutoscalerSpec: {
    1: f('scaleTargetRef', m('CrossVersionObjectReference')),
    2: f('minReplicas', 'int'),
    3: f('maxReplicas', 'int'),
    4: f('metrics', m('MetricSpec'), true),
  },
  CrossVersionObjectReference: {
    1: f('kind', 'string'),
    2: f('name', 'string'),
    3: f('apiVersion', 'string'),
  },
  MetricSpec: { 1: f('type', 'string'), 4: f('resource', m('ResourceMetricSource')) },
  ResourceMetricSource: { 1: f('name', 'string'), 2: f('target', m('MetricTarget')) },
  MetricTarget: {
    1: f('type', 'string'),
    2: f('value', 'quantity'),
    3: f('averageValue', 'quantity'),
    4: f('averageUtilization', 'int'),
  },
}
