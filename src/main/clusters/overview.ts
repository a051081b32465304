import type { ClusterList } from '@shared/contract/clusters'
import type { JobRunner } from './jobs'
import { listAll } from './list-all'
import type { ClusterProvider, Detection } from './types'

/** Each provider's prerequisites; detect() never throws by contract, but one provider cannot blank the screen. */
export function detectAll(providers: readonly ClusterProvider[]): Promise<Detection[]> {
  return Promise.all(
    providers.map((p) =>
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
}

/** Every provider's clusters, each marked with whether its kubeconfig context is present, and the jobs. */
export async function listClusters(
  providers: ClusterProvider[],
  jobs: JobRunner,
  contextNames?: () => Promise<ReadonlySet<string>>,
): Promise<ClusterList> {
  const [result, contexts] = await Promise.all([listAll(providers), contextNames?.().catch(() => undefined)])
  const clusters = contexts
    ? result.clusters.map((c) => ({ ...c, contextPresent: contexts.has(c.contextName) }))
    : result.clusters
  return { clusters, errors: result.errors, jobs: jobs.list() }
}
