import type { ClusterList, JobAction, JobEvent, JobInfo } from '@shared/contract/clusters'
import { listAll } from './list-all'
import { createJobRunner } from './jobs'
import type { JobRunner } from './jobs'
import type { ClusterProvider, CreateSpec, Detection, ProviderId } from './types'

export interface ClusterServiceDeps {
  providers: ClusterProvider[]
  /** Names of the contexts in the kubeconfig, to mark each cluster's context present or missing. */
  contextNames?: () => Promise<ReadonlySet<string>>
}

/** One method per contract entry (clusters.*, jobs.*), so wiring is a table of one-liners. */
export interface ClusterService {
  detect(): Promise<Detection[]>
  list(): Promise<ClusterList>
  create(provider: ProviderId, spec: CreateSpec): JobInfo
  action(provider: ProviderId, name: string, action: Exclude<JobAction, 'create'>): JobInfo
  cancel(id: string): { cancelled: boolean }
  diagnostics(id: string): Promise<{ text: string }>
  watch(id: string, signal?: AbortSignal): AsyncIterableIterator<JobEvent>
  jobs: JobRunner
  /** On quit: cancels running jobs (each cleans up its half-made cluster). */
  close(): Promise<void>
}

export function createClusterService(deps: ClusterServiceDeps): ClusterService {
  const byId: Partial<Record<ProviderId, ClusterProvider>> = {}
  for (const p of deps.providers) byId[p.id] = p
  const jobs = createJobRunner(byId)

  return {
    async detect() {
      // detect() never throws by contract; guard anyway so one provider cannot blank the screen.
      return Promise.all(
        deps.providers.map((p) =>
          p.detect().catch((err: unknown): Detection => ({
            provider: p.id,
            ready: false,
            checks: [
              {
                id: 'binary',
                label: p.id,
                ok: false,
                explanation: err instanceof Error ? err.message : String(err),
              },
            ],
          })),
        ),
      )
    },
    async list() {
      const [result, contexts] = await Promise.all([
        listAll(deps.providers),
        deps.contextNames?.().catch(() => undefined),
      ])
      const clusters = contexts
        ? result.clusters.map((c) => ({ ...c, contextPresent: contexts.has(c.contextName) }))
        : result.clusters
      return { clusters, errors: result.errors, jobs: jobs.list() }
    },
    create: (provider, spec) => jobs.start({ action: 'create', provider, spec }),
    action: (provider, name, action) => jobs.start({ action, provider, name }),
    cancel: (id) => ({ cancelled: jobs.cancel(id) }),
    diagnostics: async (id) => ({ text: await jobs.diagnostics(id) }),
    watch: (id, signal) => jobs.subscribe(id, signal),
    jobs,
    close: () => jobs.cancelAll(),
  }
}
