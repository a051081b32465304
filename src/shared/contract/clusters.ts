import { z } from 'zod'
import type { LocalDistribution } from '../local-clusters'
import { method, stream } from './define'

export const providerIds = ['kind', 'minikube', 'sandbox'] as const
export type ProviderId = (typeof providerIds)[number]
export type ClusterState = 'running' | 'stopped' | 'paused' | 'unknown'

export interface ClusterInfo {
  name: string
  provider: ProviderId
  state: ClusterState
  kubernetesVersion?: string
  nodeCount?: number
  contextName: string
  /** Whether the cluster's context exists in the kubeconfig (filled in by the backend). */
  contextPresent?: boolean
  /** Sandbox clusters: the UI labels them "simulated". */
  simulated?: boolean
  /** Why the state is unknown, e.g. an invalid minikube profile. */
  detail?: string
}

export interface CreateSpec {
  name: string
  kubernetesVersion?: string
  /** kind only: full node image reference. */
  image?: string
  /** Total node count including the control plane. */
  nodes?: number
  /** minikube only. */
  driver?: string
  cpus?: number
  memoryMb?: number
}

export interface PrerequisiteCheck {
  id: 'binary' | 'engine'
  label: string
  ok: boolean
  path?: string
  version?: string
  explanation?: string
  installUrl?: string
}

export interface Detection {
  provider: ProviderId
  ready: boolean
  checks: PrerequisiteCheck[]
}

export interface JobError {
  message: string
  advice?: string
  exitCode?: number
}

export type JobAction = 'create' | 'delete' | 'start' | 'stop' | 'pause' | 'unpause'
export type JobStatus = 'running' | 'succeeded' | 'failed' | 'cancelled'

export type JobEvent =
  | {
      type: 'progress'
      step: string
      current: number
      total: number
      title: string
      state: 'running' | 'done' | 'failed'
    }
  | { type: 'log'; stream: 'stdout' | 'stderr'; line: string }
  | {
      type: 'done'
      ok: boolean
      status: Exclude<JobStatus, 'running'>
      summary: string
      error?: JobError
      cluster?: ClusterInfo
    }

export interface JobInfo {
  id: string
  action: JobAction
  provider: ProviderId
  name: string
  status: JobStatus
  startedAt: number
  endedAt?: number
  progress?: Extract<JobEvent, { type: 'progress' }>
  error?: JobError
  commands: string[]
}

/** A local cluster another tool manages (Docker Desktop, k3d, OrbStack…), found by its context name. */
export interface ExternalCluster {
  contextName: string
  distribution: LocalDistribution
  /** How people call it: "Docker Desktop", "k3d"… */
  label: string
  server: string
  /** Whether its API server answered `GET /version` just now. */
  reachable: boolean
  kubernetesVersion?: string
  /** Why it did not answer, in words. */
  problem?: string
}

export interface ClusterList {
  clusters: ClusterInfo[]
  errors: ({ provider: ProviderId } & JobError)[]
  jobs: JobInfo[]
}

const provider = z.enum(providerIds)
// Each tool's own rules are checked by the backend before anything runs; this is the outer fence.
const clusterName = z
  .string()
  .min(1, 'must not be empty')
  .max(63, 'must be at most 63 characters')
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'may contain lowercase letters, digits, ".", "_" and "-" only')
const jobId = z.string().min(1).max(100)

export const clusterMethods = {
  'clusters.detect': method<Detection[]>()(z.strictObject({})),
  'clusters.list': method<ClusterList>()(z.strictObject({})),
  /** Recognised local clusters that no Skiff provider manages, each asked for its version. */
  'clusters.external': method<ExternalCluster[]>()(z.strictObject({})),
  'clusters.create': method<JobInfo>()(
    z.strictObject({
      provider,
      spec: z.strictObject({
        name: clusterName,
        kubernetesVersion: z
          .string()
          .regex(/^v?\d+\.\d+\.\d+$/, 'must look like v1.33.1')
          .optional(),
        image: z
          .string()
          .max(300)
          .regex(/^[a-z0-9][a-z0-9./_:@-]*$/, 'must be an image reference like kindest/node:v1.33.1')
          .optional(),
        nodes: z.number().int().min(1).max(10).optional(),
        driver: z
          .enum(['docker', 'podman', 'kvm2', 'qemu2', 'virtualbox', 'hyperkit', 'vfkit', 'hyperv'])
          .optional(),
        cpus: z.number().int().min(1).max(64).optional(),
        memoryMb: z.number().int().min(1800).max(262_144).optional(),
      }),
    }),
  ),
  'clusters.action': method<JobInfo>()(
    z.strictObject({
      provider,
      name: clusterName,
      action: z.enum(['delete', 'start', 'stop', 'pause', 'unpause']),
    }),
  ),
  'jobs.cancel': method<{ cancelled: boolean }>()(z.strictObject({ id: jobId })),
  'jobs.diagnostics': method<{ text: string }>()(z.strictObject({ id: jobId })),
}

export const clusterStreams = {
  /** A job's history then its live events, ending after `done`. */
  'jobs.watch': stream<JobEvent>()(z.strictObject({ id: jobId })),
}
