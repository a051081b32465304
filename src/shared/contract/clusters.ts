import { z } from 'zod'
import type { LocalDistribution } from '../local-clusters'
import { clusterNameProblem } from '../cluster-names'
import { minikubeAddons, minikubeDrivers, specProblems } from '../cluster-options'
import type { MinikubeAddon } from '../cluster-options'
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
  /** kind only: host ports 80/443 to the control plane, labelled ingress-ready=true. */
  ingressPorts?: boolean
  /** kind only: wire the cluster to a local registry on localhost:5001, as kind's docs describe. */
  localRegistry?: boolean
  /** minikube only: addons enabled by `minikube start --addons`. */
  addons?: MinikubeAddon[]
  /** sandbox only: simulated time runs this many times faster. */
  speed?: number
}

/** What a create will run, shown before it runs: each command line, and kind's config file. */
export interface CreatePreview {
  commands: string[]
  /** The YAML handed to `kind create cluster --config -` on stdin. */
  config?: string
  notes: string[]
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

export type JobAction =
  | 'create'
  | 'delete'
  | 'start'
  | 'stop'
  | 'pause'
  | 'unpause'
  | 'load-image'
  | 'enable-addon'
  | 'disable-addon'
  | 'service-url'
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
      /** What the job found, e.g. the URLs `minikube service --url` printed. */
      output?: string[]
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
// A name's rule depends on its provider (src/shared/cluster-names.ts): checked here, once, before anything runs.
const clusterName = z.string()
function nameRule(provider: ProviderId, name: string, ctx: z.RefinementCtx, path: string[]): void {
  const problem = clusterNameProblem(provider, name)
  if (problem) ctx.addIssue({ code: 'custom', message: problem, path })
}
const jobId = z.string().min(1).max(100)

const createSpec = z.strictObject({
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
  driver: z.enum(minikubeDrivers).optional(),
  cpus: z.number().int().min(1).max(64).optional(),
  memoryMb: z.number().int().min(1800).max(262_144).optional(),
  ingressPorts: z.boolean().optional(),
  localRegistry: z.boolean().optional(),
  addons: z.array(z.enum(minikubeAddons)).max(minikubeAddons.length).optional(),
  speed: z.number().min(0.1).max(100).optional(),
})

// One schema for create and preview, so the preview shows exactly what create would accept and run.
const createInput = z.strictObject({ provider, spec: createSpec }).superRefine((v, ctx) => {
  nameRule(v.provider, v.spec.name, ctx, ['spec', 'name'])
  for (const p of specProblems(v.provider, v.spec))
    ctx.addIssue({ code: 'custom', message: p.message, path: ['spec', p.path] })
})

export const clusterMethods = {
  'clusters.detect': method<Detection[]>()(z.strictObject({})),
  'clusters.list': method<ClusterList>()(z.strictObject({})),
  /** Recognised local clusters that no Skiff provider manages, each asked for its version. */
  'clusters.external': method<ExternalCluster[]>()(z.strictObject({})),
  'clusters.create': method<JobInfo>()(createInput),
  /** The exact command lines (and kind config) a create with this input would run; nothing runs. */
  'clusters.preview': method<CreatePreview>()(createInput),
  'clusters.action': method<JobInfo>()(
    z
      .strictObject({
        provider,
        name: clusterName,
        action: z.enum(['delete', 'start', 'stop', 'pause', 'unpause']),
      })
      .superRefine((v, ctx) => nameRule(v.provider, v.name, ctx, ['name'])),
  ),
  'jobs.cancel': method<{ cancelled: boolean }>()(z.strictObject({ id: jobId })),
  'jobs.diagnostics': method<{ text: string }>()(z.strictObject({ id: jobId })),
}

export const clusterStreams = {
  /** A job's history then its live events, ending after `done`. */
  'jobs.watch': stream<JobEvent>()(z.strictObject({ id: jobId })),
}
