import { z } from 'zod'
import { method, stream } from './define'
import { contextName, dns1123Label, dns1123Subdomain } from './names'

// The reconcile view: desired state beside observed state for one Deployment, its owner graph and a timeline
// of what the controllers did. Break-it actions exist only for Skiff's own sandbox clusters.

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

export interface GraphReplicaSet {
  name: string
  revision?: number
  images: string[]
  /** spec.replicas: what this ReplicaSet wants now. */
  desired: number
  ready: number
  /** Its template is the Deployment's current one. */
  current: boolean
  pods: GraphPod[]
}

export interface ReconcileSnapshot {
  namespace: string
  name: string
  exists: boolean
  desired: { replicas: number; images: string[]; paused: boolean; strategy: string }
  observed: { replicas: number; updated: number; ready: number; available: number; unavailable: number }
  replicaSets: GraphReplicaSet[]
  /** Nodes as the scheduler sees them (only when the cluster lets Skiff list them). */
  nodes: { name: string; ready: boolean }[]
  /** Break-it state: set only on sandbox clusters. */
  sandbox?: { controllersPaused: boolean }
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

export const chaosActionSchema = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('kill-pod'), namespace: dns1123Label, pod: dns1123Subdomain }),
  z.strictObject({ action: z.literal('crash-container'), namespace: dns1123Label, pod: dns1123Subdomain }),
  z.strictObject({ action: z.literal('node-not-ready'), node: dns1123Subdomain }),
  z.strictObject({ action: z.literal('node-ready'), node: dns1123Subdomain }),
  z.strictObject({ action: z.literal('exhaust-memory'), node: dns1123Subdomain }),
  z.strictObject({ action: z.literal('pause-controllers') }),
  z.strictObject({ action: z.literal('resume-controllers') }),
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
    z.strictObject({ context: contextName.optional(), namespace: dns1123Label, name: dns1123Subdomain }),
  ),
}
