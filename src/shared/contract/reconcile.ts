import { z } from 'zod'
import { method, stream } from './define'
import { contextName, dns1123Label, dns1123Subdomain } from './names'

// The reconcile view: desired state beside observed state for one workload (Deployment, StatefulSet, DaemonSet,
// Job), its owner graph and a timeline of what the controllers did. Break-it actions exist only for Skiff's own
// sandbox clusters.

export const reconcileKinds = ['Deployment', 'StatefulSet', 'DaemonSet', 'Job'] as const
export type ReconcileKind = (typeof reconcileKinds)[number]

export interface GraphPod {
  name: string
  /** status.phase */
  phase: string
  /** READY as kubectl prints it: `ready/total` containers. */
  ready: string
  deleting: boolean
  node?: string
  restarts: number
  /** The pod's status as `kubectl get pods` prints it (Running, CrashLoopBackOff, ContainerCreating…). */
  status: string
}

/**
 * Pods the workload's controller manages as one set: a Deployment's ReplicaSet, a StatefulSet's or DaemonSet's
 * revision (ControllerRevision), or a Job's pods.
 */
export interface GraphGroup {
  /** What the set is, as the graph labels it: "ReplicaSet", "Revision", "Pods". */
  kind: string
  name: string
  revision?: number
  images: string[]
  /** What this set wants now (a ReplicaSet's spec.replicas), when it has its own count. */
  desired?: number
  ready: number
  /** It holds the workload's current template. */
  current: boolean
  pods: GraphPod[]
}

/** One number the controllers work to make agree: spec (or what it implies) beside status. */
export interface CompareRow {
  label: string
  desired: number
  observed: number
  /** The controller still has work to do on this row (not always desired ≠ observed: a Job's failures). */
  differs: boolean
}

/** Objects around the workload worth a line each: a StatefulSet's PVCs, a DaemonSet's nodes with or without its pod. */
export interface SideList {
  title: string
  items: { name: string; text: string; level: 'normal' | 'warning' }[]
}

export interface SandboxBreakState {
  controllersPaused: boolean
  /** Image pull trouble in force: one image's, or every image's when `image` is absent. */
  pulls: { image?: string; trouble: { mode: 'slow'; seconds: number } | { mode: 'fail' } }[]
}

export interface ReconcileSnapshot {
  kind: ReconcileKind
  namespace: string
  name: string
  exists: boolean
  /** What the workload asks for, in a line: "3 replicas", "a pod on each of 3 eligible nodes". */
  goal: string
  /** spec.replicas for kinds that scale (Deployment, StatefulSet). */
  replicas?: number
  /** The spec's settings that shape how it reconciles: images, strategy, partition, backoff limit… */
  facts: { label: string; value: string }[]
  rows: CompareRow[]
  /** The kind's own conclusion when the numbers do not say it: a finished or failed Job, a paused rollout. */
  verdict?: { text: string; level: 'normal' | 'warning' }
  /** Newest first. */
  groups: GraphGroup[]
  lists: SideList[]
  /** Nodes as the scheduler sees them (only when the cluster lets Skiff list them). */
  nodes: { name: string; ready: boolean }[]
  /** Break-it state: set only on sandbox clusters. */
  sandbox?: SandboxBreakState
}

export interface TimelineEntry {
  id: string
  /** RFC 3339 time, as the event or delta carried it. */
  at: string
  /** Who acted, in words: "ReplicaSet controller", "scheduler", "kubelet", "you (Break it)". */
  actor: string
  text: string
  /** The Kubernetes reason behind it (ScalingReplicaSet, Scheduled, Killing…), when there is one. */
  reason?: string
  level: 'normal' | 'warning' | 'simulated'
}

export interface ReconcileEvent {
  snapshot?: ReconcileSnapshot
  /** New timeline entries, oldest first. */
  entries?: TimelineEntry[]
}

const pullImage = z
  .string()
  .max(512)
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9./_:@-]*$/, 'must be an image reference like nginx:1.27')

export const chaosActionSchema = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('kill-pod'), namespace: dns1123Label, pod: dns1123Subdomain }),
  z.strictObject({ action: z.literal('crash-container'), namespace: dns1123Label, pod: dns1123Subdomain }),
  z.strictObject({ action: z.literal('node-not-ready'), node: dns1123Subdomain }),
  z.strictObject({ action: z.literal('node-ready'), node: dns1123Subdomain }),
  z.strictObject({ action: z.literal('exhaust-memory'), node: dns1123Subdomain }),
  z.strictObject({ action: z.literal('pause-controllers') }),
  z.strictObject({ action: z.literal('resume-controllers') }),
  // Image pulls: one image's or (without `image`) every image's, in the sandbox's simulated registry.
  z.strictObject({
    action: z.literal('slow-pulls'),
    image: pullImage.optional(),
    seconds: z.number().int().min(1).max(3600),
  }),
  z.strictObject({ action: z.literal('fail-pulls'), image: pullImage.optional() }),
  z.strictObject({ action: z.literal('heal-pulls'), image: pullImage.optional() }),
])
export type ChaosRequest = z.infer<typeof chaosActionSchema>

export const reconcileMethods = {
  /** Break it: only for a sandbox this Skiff runs; refused (NotSandbox) for any other context. */
  'chaos.act': method<{ message: string }>()(
    z.strictObject({ context: contextName.optional(), request: chaosActionSchema }),
  ),
}

export const reconcileStreams = {
  'reconcile.watch': stream<ReconcileEvent>()(
    z.strictObject({
      context: contextName.optional(),
      /** Deployment when absent. */
      kind: z.enum(reconcileKinds).optional(),
      namespace: dns1123Label,
      name: dns1123Subdomain,
    }),
  ),
}
