import type { PodRow } from '@shared/rows'

export type PodDotState = 'running' | 'pending' | 'failed' | 'terminating' | 'succeeded'

const FAILED =
  /CrashLoopBackOff|Error|ImagePullBackOff|ErrImagePull|OOMKilled|Failed|Evicted|CreateContainerConfigError|Unknown/

/** Buckets kubectl's STATUS text into the few states a dot can show. */
export function podDotState(pod: Pick<PodRow, 'status' | 'phase' | 'ready' | 'deleting'>): PodDotState {
  if (pod.deleting || pod.status === 'Terminating') return 'terminating'
  if (FAILED.test(pod.status) || pod.phase === 'Failed') return 'failed'
  if (pod.phase === 'Succeeded' || pod.status === 'Completed') return 'succeeded'
  if (pod.phase === 'Running' && allReady(pod.ready)) return 'running'
  return 'pending'
}

/** `2/2`: as many containers ready as there are (read without splitting: a rollout asks this per dot a frame). */
function allReady(ready: string): boolean {
  const slash = ready.indexOf('/')
  return slash > 0 && Number(ready.slice(0, slash)) === Number(ready.slice(slash + 1))
}

/** "3 running, 1 pending" for pods, or for their states already worked out. */
export function summarize(
  pods: readonly (Pick<PodRow, 'status' | 'phase' | 'ready' | 'deleting'> | PodDotState)[],
): string {
  const counts = new Map<PodDotState, number>()
  for (const p of pods) {
    const state = typeof p === 'string' ? p : podDotState(p)
    counts.set(state, (counts.get(state) ?? 0) + 1)
  }
  const order: PodDotState[] = ['running', 'pending', 'failed', 'terminating', 'succeeded']
  const parts = order.filter((s) => counts.get(s)).map((s) => `${counts.get(s)} ${s}`)
  return parts.length ? parts.join(', ') : 'no pods'
}
