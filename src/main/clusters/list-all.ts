import { toJobError } from './errors'
import type { JobError } from './errors'
import type { ClusterInfo, ClusterProvider, ProviderId } from './types'

export interface ListAllResult {
  clusters: ClusterInfo[]
  /** One entry per provider whose list failed (e.g. Docker not running); the others still list. */
  errors: ({ provider: ProviderId } & JobError)[]
}

/** Lists every provider's clusters; one provider failing never hides the others. */
export async function listAll(providers: ClusterProvider[]): Promise<ListAllResult> {
  const results = await Promise.allSettled(providers.map((p) => p.list()))
  const out: ListAllResult = { clusters: [], errors: [] }
  results.forEach((r, i) => {
    const provider = providers[i]
    if (!provider) return
    if (r.status === 'fulfilled') out.clusters.push(...r.value)
    else out.errors.push({ provider: provider.id, ...toJobError(r.reason) })
  })
  return out
}
