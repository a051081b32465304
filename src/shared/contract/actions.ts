import { z } from 'zod'
import { method, stream } from './define'
import { contextName, dns1123Label, dns1123Subdomain } from './names'
export * from './scale-rules'
import { replicaProblem, scalableKinds } from './scale-rules'

const target = { context: contextName.optional(), namespace: dns1123Label, name: dns1123Subdomain }
const deploymentRef = z.strictObject(target)
/** Kinds whose rollout Skiff follows: Deployments through ReplicaSets, the others through ControllerRevisions. */
export const rolloutKinds = ['deployments', 'statefulsets', 'daemonsets'] as const
export type RolloutKind = (typeof rolloutKinds)[number]
const rolloutKind = { kind: z.enum(rolloutKinds).default('deployments') }
const rolloutRef = z.strictObject({ ...target, ...rolloutKind })
const revision = z.number().int().min(1).max(1_000_000_000)

/** What `kubectl rollout status` would print now; `done` when it would exit 0, `failed` when it would exit 1. */
export interface RolloutStatus {
  message: string
  done: boolean
  failed: boolean
  paused: boolean
  /** The deployment's `deployment.kubernetes.io/revision`, when set. */
  revision?: number
}

/** One revision as the timeline shows it, built from the deployment's ReplicaSets like `kubectl rollout history`. */
export interface RolloutRevision {
  revision: number
  changeCause?: string
  images: string[]
  /** The template's container names, in order (for "set image"). */
  containers: string[]
  createdAt: string
  replicaSet: string
  /** Pods the ReplicaSet currently wants / has ready. */
  replicas: number
  readyReplicas: number
  /** The ReplicaSet matching the deployment's current template. */
  current: boolean
}

export interface RevisionTemplate {
  revision: number
  /** The pod template as YAML, without the `pod-template-hash` label (what undo would send). */
  yaml: string
}

export interface UndoResult {
  /** False when the template already matched (kubectl: "skipped rollback"). */
  rolledBack: boolean
  /** The revision that was restored. */
  toRevision: number
  message: string
}

/** One batch of log lines (split on newlines, without them). */
export interface LogEvent {
  lines: string[]
  /**
   * A followed container that has not started yet (ContainerCreating, say): why, in words. Sent while it waits;
   * the first event without it means the container runs and its log is being read.
   */
  waiting?: string
}

/** One batch for a whole Deployment: lines grouped by pod in arrival order; `pods` when the set changed. */
export interface DeploymentLogEvent {
  chunks: { pod: string; lines: string[] }[]
  /** Pods whose logs are being followed now (sent whenever a pod joins or leaves). */
  pods?: string[]
}

const logOptions = {
  container: dns1123Label.optional(),
  tailLines: z.number().int().min(1).max(1_000_000).optional(),
  sinceSeconds: z
    .number()
    .int()
    .min(1)
    .max(10 * 365 * 86_400)
    .optional(),
  timestamps: z.boolean().optional(),
}

/** One pod on a node being drained, as the preview shows it (kubectl drain's filters, in words). */
export interface DrainPod {
  namespace: string
  name: string
  /** The controller, as `ReplicaSet web-7d9f`; absent for a bare pod. */
  owner?: string
  /** `evict`: goes through the Eviction API; `skip`: stays (DaemonSet and static pods, as kubectl does). */
  action: 'evict' | 'skip'
  /** Why it is skipped, or what evicting it costs (a bare pod is gone for good, emptyDir data is lost). */
  notes: string[]
  /** A PodDisruptionBudget that refuses this eviction now, in words; drain retries it later. */
  blockedBy?: string
}

export interface DrainPlan {
  node: string
  unschedulable: boolean
  pods: DrainPod[]
}

export interface DrainResult {
  evicted: string[]
  /** Refused by a disruption budget (429): try again once replacements are ready. */
  blocked: { pod: string; message: string }[]
  failed: { pod: string; message: string }[]
}

/** One rule of a Role or ClusterRole, as `kubectl describe role` tabulates it. */
export interface RoleRule {
  verbs: string[]
  apiGroups: string[]
  resources: string[]
  resourceNames: string[]
  nonResourceURLs: string[]
}

export interface RoleRules {
  rules: RoleRule[]
  /** A ClusterRole whose rules the controller aggregates from others: their label selectors, as text. */
  aggregatedFrom?: string[]
}

/** The answer of a SelfSubjectAccessReview (`kubectl auth can-i`). */
export interface AccessAnswer {
  allowed: boolean
  denied: boolean
  /** The authorizer's reason (RBAC names the binding that allowed it), when it gave one. */
  reason?: string
}

/** A verb or resource as `kubectl auth can-i` takes it: lowercase words, never a path (no `*` wildcard). */
const word = z
  .string()
  .min(1)
  .max(253)
  .regex(/^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/, 'lowercase letters, digits, dots or dashes')

/** RBAC object names may hold colons (`system:aggregate-to-view`), which DNS names may not. */
const pathName = z
  .string()
  .min(1)
  .max(253)
  .regex(/^[a-z0-9]([a-z0-9:.-]*[a-z0-9])?$/, 'lowercase letters, digits, : . - only')

/** One Job as a CronJob's history and a Job's own view show it. */
export interface JobSummary {
  name: string
  createdAt?: string
  /** Running, Complete, Failed or Suspended (the Job's conditions, like kubectl's STATUS column). */
  state: 'Running' | 'Complete' | 'Failed' | 'Suspended'
  succeeded: number
  failed: number
  active: number
  completions: number
  parallelism: number
  startTime?: string
  completionTime?: string
  /** Created by "run now" (`cronjob.kubernetes.io/instantiate: manual`) rather than by the schedule. */
  manual: boolean
}

export interface CronJobState {
  schedule: string
  timeZone?: string
  suspend: boolean
  concurrencyPolicy: string
  lastScheduleTime?: string
  lastSuccessfulTime?: string
  /** The schedule's next time after now (or after the last run when the cluster's clock is ahead). */
  nextScheduleTime?: string
  jobs: JobSummary[]
}

export interface JobPod {
  name: string
  phase: string
  node?: string
  restarts: number
  containers: string[]
}

/** A StatefulSet's pods by ordinal or a DaemonSet's pods per node, and its replica counts. */
export interface SetPods {
  /** spec.replicas of a StatefulSet; desiredNumberScheduled of a DaemonSet. */
  desired: number
  ready: number
  updated: number
  pods: (JobPod & { ordinal?: number; ready: boolean })[]
}

export interface JobState extends JobSummary {
  pods: JobPod[]
}

/** One metric of an autoscaler: what it reads now against what it aims for, in kubectl's words. */
export interface HpaMetric {
  /** `cpu`, `memory`, a pods/object/external metric's name. */
  name: string
  current?: string
  target: string
}

export interface HpaState {
  scaleTarget: string
  minReplicas: number
  maxReplicas: number
  currentReplicas: number
  desiredReplicas: number
  metrics: HpaMetric[]
  /** Replicas over time, from the autoscaler's SuccessfulRescale events, oldest first. */
  rescales: { at: string; size: number; reason: string }[]
}

const nodeRef = z.strictObject({ context: contextName.optional(), name: dns1123Subdomain })

export const actionMethods = {
  'nodes.cordon': method<{ unschedulable: boolean }>()(
    z.strictObject({ context: contextName.optional(), name: dns1123Subdomain, unschedulable: z.boolean() }),
  ),
  'nodes.drainPlan': method<DrainPlan>()(nodeRef),
  'nodes.drain': method<DrainResult>()(nodeRef),
  'cronjobs.state': method<CronJobState>()(z.strictObject(target)),
  'cronjobs.suspend': method<{ suspend: boolean }>()(z.strictObject({ ...target, suspend: z.boolean() })),
  'cronjobs.runNow': method<{ job: string }>()(z.strictObject(target)),
  'jobs.state': method<JobState>()(z.strictObject(target)),
  'sets.pods': method<SetPods>()(
    z.strictObject({ ...target, resource: z.enum(['statefulsets', 'daemonsets']) }),
  ),
  'hpa.state': method<HpaState>()(z.strictObject(target)),
  'rbac.rules': method<RoleRules>()(
    z.strictObject({ context: contextName.optional(), namespace: dns1123Label.optional(), name: pathName }),
  ),
  'rbac.canI': method<AccessAnswer>()(
    z.strictObject({
      context: contextName.optional(),
      verb: word,
      group: z
        .string()
        .max(253)
        .regex(/^([a-z0-9]([a-z0-9.-]*[a-z0-9])?)?$/)
        .default(''),
      resource: word,
      subresource: z
        .string()
        .max(63)
        .regex(/^[a-z]*$/)
        .optional(),
      namespace: dns1123Label.optional(),
      name: dns1123Subdomain.optional(),
    }),
  ),
  'deployments.scale': method<{ replicas: number }>()(
    z
      .strictObject({
        ...target,
        kind: z.enum(scalableKinds).default('deployments'),
        replicas: z.number(),
        confirm: z.boolean().optional(),
      })
      .superRefine((v, ctx) => {
        const problem = replicaProblem(v.replicas, v.confirm === true)
        if (problem) ctx.addIssue({ code: 'custom', path: ['replicas'], message: problem })
      }),
  ),
  'deployments.setImage': method<{ changed: boolean }>()(
    z.strictObject({
      ...target,
      ...rolloutKind,
      container: dns1123Label,
      image: z
        .string()
        .min(1, 'must not be empty')
        .max(512)
        .regex(/^[^\s]+$/, 'must not contain spaces'),
      /** Recorded as `kubernetes.io/change-cause`; defaults to what `kubectl set image --record` wrote. */
      changeCause: z.string().max(1024).optional(),
    }),
  ),
  'rollout.restart': method<{ restartedAt: string }>()(rolloutRef),
  'rollout.pause': method<{ paused: boolean }>()(deploymentRef),
  'rollout.resume': method<{ paused: boolean }>()(deploymentRef),
  'rollout.status': method<RolloutStatus>()(rolloutRef),
  'rollout.history': method<{ revisions: RolloutRevision[] }>()(rolloutRef),
  'rollout.diff': method<{ from: RevisionTemplate; to: RevisionTemplate }>()(
    z.strictObject({ ...target, ...rolloutKind, from: revision, to: revision }),
  ),
  'rollout.undo': method<UndoResult>()(
    z.strictObject({
      ...target,
      ...rolloutKind,
      toRevision: z.number().int().min(0).max(1_000_000_000).optional(),
    }),
  ),
}

export const actionStreams = {
  /** Live `kubectl rollout status`: one event per change until the rollout is done, failed or unsubscribed. */
  'rollout.watchStatus': stream<RolloutStatus>()(rolloutRef),
  'logs.stream': stream<LogEvent>()(
    z.strictObject({
      context: contextName.optional(),
      namespace: dns1123Label,
      pod: dns1123Subdomain,
      ...logOptions,
      previous: z.boolean().optional(),
      follow: z.boolean().default(true),
    }),
  ),
  'logs.deployment': stream<DeploymentLogEvent>()(z.strictObject({ ...target, ...logOptions })),
}
