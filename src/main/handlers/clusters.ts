import type { ExternalCluster } from '@shared/contract'
import type { clusterMethods, clusterStreams } from '@shared/contract/clusters'
import type { ClusterProvider, JobRunner } from '../clusters'
import { createPreview } from '../clusters/create-preview'
import { detectAll, listClusters } from '../clusters/overview'
import type { ConcernHandlers } from './concern'

export interface ClusterHandlerDeps {
  providers: ClusterProvider[]
  /** Runs create/delete/start/stop… as jobs with progress, cancel and diagnostics. */
  jobs: JobRunner
  /** Names of the contexts in the kubeconfig, to mark each cluster's context present or missing. */
  contextNames?: () => Promise<ReadonlySet<string>>
  /** Local clusters other tools manage (Docker Desktop, k3d, …), shown but not managed. */
  external: () => Promise<ExternalCluster[]>
}

/** Names were checked by the contract (src/shared/cluster-names.ts); refusals raise ClusterError → BadInput. */
export function createClusterHandlers(
  deps: ClusterHandlerDeps,
): ConcernHandlers<typeof clusterMethods, typeof clusterStreams> {
  const { jobs } = deps
  return {
    methods: {
      'clusters.detect': () => detectAll(deps.providers),
      'clusters.list': () => listClusters(deps.providers, jobs, deps.contextNames),
      'clusters.external': () => deps.external(),
      'clusters.create': async ({ provider, spec }) => jobs.start({ action: 'create', provider, spec }),
      'clusters.preview': async ({ provider, spec }) => createPreview(provider, spec),
      'clusters.action': async ({ provider, name, action }) => jobs.start({ action, provider, name }),
      'jobs.cancel': async ({ id }) => ({ cancelled: jobs.cancel(id) }),
      'jobs.diagnostics': async ({ id }) => ({ text: await jobs.diagnostics(id) }),
    },
    streams: {
      // A generator, so an unknown job id ends the stream with NotFound instead of throwing at subscribe.
      'jobs.watch': async function* ({ id }, signal) {
        yield* jobs.subscribe(id, signal)
      },
    },
  }
}
