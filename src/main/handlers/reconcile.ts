import type { KubeConfig } from '@kubernetes/client-node'
import type { reconcileMethods, reconcileStreams } from '@shared/contract/reconcile'
import type { ChaosBus } from '../reconcile/chaos-bus'
import { watchReconcile } from '../reconcile/watch'
import type { ConcernHandlers } from './concern'

export interface ReconcileDeps {
  getKubeConfig: (context?: string) => Promise<KubeConfig>
  chaos: ChaosBus
}

/** The reconcile view's stream (any cluster, read-only) and Break it (sandbox clusters only). */
export function createReconcileHandlers(
  deps: ReconcileDeps,
): ConcernHandlers<typeof reconcileMethods, typeof reconcileStreams> {
  return {
    methods: {
      'chaos.act': async (input) => {
        const kc = await deps.getKubeConfig(input.context)
        const message = deps.chaos.act(kc.getCurrentContext(), kc.getCurrentCluster()?.server, input.request)
        return { message }
      },
    },
    streams: {
      'reconcile.watch': async function* (input, signal) {
        yield* watchReconcile(await deps.getKubeConfig(input.context), deps.chaos, input, signal)
      },
    },
  }
}
