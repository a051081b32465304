import { ApiError, type ExternalCluster } from '@shared/contract'
import type { MethodHandlers, StreamHandlers } from '../transport/dispatch'
import { ClusterError, type ClusterService } from '../clusters'

type ClusterMethods = Pick<
  MethodHandlers,
  | 'clusters.detect'
  | 'clusters.list'
  | 'clusters.external'
  | 'clusters.create'
  | 'clusters.action'
  | 'jobs.cancel'
  | 'jobs.diagnostics'
>

/** Refusals before a job starts (bad name, busy cluster) keep the provider's sentence. */
function mapped<T>(work: () => T): T {
  try {
    return work()
  } catch (err) {
    if (err instanceof ClusterError) {
      throw new ApiError('BadInput', err.advice ? `${err.message} ${err.advice}` : err.message)
    }
    throw err
  }
}

export function createClusterHandlers(
  svc: ClusterService,
  external: () => Promise<ExternalCluster[]>,
): {
  methods: ClusterMethods
  streams: Pick<StreamHandlers, 'jobs.watch'>
} {
  return {
    methods: {
      'clusters.detect': () => svc.detect(),
      'clusters.list': () => svc.list(),
      'clusters.external': () => external(),
      'clusters.create': async ({ provider, spec }) => mapped(() => svc.create(provider, spec)),
      'clusters.action': async ({ provider, name, action }) =>
        mapped(() => svc.action(provider, name, action)),
      'jobs.cancel': async ({ id }) => svc.cancel(id),
      // diagnostics() is async, so mapped()'s try/catch would miss its rejection: map it here.
      'jobs.diagnostics': ({ id }) =>
        svc.diagnostics(id).catch((err: unknown) => {
          throw err instanceof ClusterError ? new ApiError('NotFound', err.message) : err
        }),
    },
    streams: {
      'jobs.watch': ({ id }, signal) => mapped(() => svc.watch(id, signal)),
    },
  }
}
