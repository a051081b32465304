import { Watch } from '@kubernetes/client-node'
import { ApiError, type RolloutStatus } from '@shared/contract'
import { AsyncQueue } from './async-queue'
import type { ActionDeps } from './deps'
import type { DeploymentRef } from './rollout'
import { rolloutStatus, type DeploymentStatusInput } from './rollout-status'
import { toApiError } from './kube-error'

/** Live `kubectl rollout status`: a status event whenever its words change; follows later rollouts too. */
export async function* watchRolloutStatus(
  deps: ActionDeps,
  ref: DeploymentRef,
  signal: AbortSignal,
): AsyncGenerator<RolloutStatus> {
  const kc = await deps.getKubeConfig(ref.context)
  const queue = new AsyncQueue<DeploymentStatusInput>()
  const onAbort = (): void => queue.close()
  signal.addEventListener('abort', onAbort, { once: true })
  const path = `/apis/apps/v1/namespaces/${ref.namespace}/deployments`
  const query = { fieldSelector: `metadata.name=${ref.name}` }
  let watch: AbortController | undefined
  const start = async (): Promise<void> => {
    watch = await new Watch(kc).watch(
      path,
      query,
      (phase, obj: DeploymentStatusInput) => {
        if (phase === 'DELETED') queue.close(new ApiError('NotFound', `deployment "${ref.name}" was deleted`))
        else if (phase === 'ADDED' || phase === 'MODIFIED') queue.push(obj)
      },
      (err: unknown) => {
        if (signal.aborted || queue.closed) return
        if (err) queue.close(toApiError(err, `watch deployment "${ref.name}"`))
        else start().catch((e: unknown) => queue.close(toApiError(e, `watch deployment "${ref.name}"`)))
      },
    )
    if (signal.aborted) watch.abort()
  }
  let last = ''
  try {
    await start().catch((e: unknown) => {
      throw toApiError(e, `watch deployment "${ref.name}"`)
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
      const status = rolloutStatus(latest)
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
