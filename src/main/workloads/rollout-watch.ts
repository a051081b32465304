import { Watch } from '@kubernetes/client-node'
import { ApiError, type RolloutStatus } from '@shared/contract'
import { AsyncQueue } from './async-queue'
import type { ActionDeps } from './deps'
import type { WorkloadRef } from './rollout'
import { rolloutStatus, type DeploymentStatusInput } from './rollout-status'
import { daemonSetStatus, statefulSetStatus, type SetStatusInput } from './controller-rollout-status'

type Watched = DeploymentStatusInput & SetStatusInput

const viewers = {
  deployments: { noun: 'deployment', status: rolloutStatus },
  statefulsets: { noun: 'statefulset', status: statefulSetStatus },
  daemonsets: { noun: 'daemon set', status: daemonSetStatus },
} as const
import { toApiError } from '../errors/policy'

/** Live `kubectl rollout status`: a status event whenever its words change; follows later rollouts too. */
export async function* watchRolloutStatus(
  deps: ActionDeps,
  ref: WorkloadRef,
  signal: AbortSignal,
): AsyncGenerator<RolloutStatus> {
  const kc = await deps.getKubeConfig(ref.context)
  const kind = ref.kind ?? 'deployments'
  const { noun, status: view } = viewers[kind]
  const queue = new AsyncQueue<Watched>()
  const onAbort = (): void => queue.close()
  signal.addEventListener('abort', onAbort, { once: true })
  const path = `/apis/apps/v1/namespaces/${ref.namespace}/${kind}`
  const query = { fieldSelector: `metadata.name=${ref.name}` }
  let watch: AbortController | undefined
  const start = async (): Promise<void> => {
    watch = await new Watch(kc).watch(
      path,
      query,
      (phase, obj: Watched) => {
        if (phase === 'DELETED') queue.close(new ApiError('NotFound', `${noun} "${ref.name}" was deleted`))
        else if (phase === 'ADDED' || phase === 'MODIFIED') queue.push(obj)
      },
      (err: unknown) => {
        if (signal.aborted || queue.closed) return
        if (err) queue.close(toApiError(err, { doing: `watch ${noun} "${ref.name}"` }))
        else
          start().catch((e: unknown) => queue.close(toApiError(e, { doing: `watch ${noun} "${ref.name}"` })))
      },
    )
    if (signal.aborted) watch.abort()
  }
  let last = ''
  try {
    await start().catch((e: unknown) => {
      throw toApiError(e, { doing: `watch ${noun} "${ref.name}"` })
    })
    for (;;) {
      await queue.wait()
      if (signal.aborted) return
      const items = queue.take()
      const latest = items.at(-1)
      if (!latest) {
        if (queue.closed) return
        continue
      }
      const status = view(latest)
      const key = JSON.stringify(status)
      if (key !== last) {
        last = key
        yield status
      }
    }
  } finally {
    signal.removeEventListener('abort', onAbort)
    watch?.abort()
  }
}
