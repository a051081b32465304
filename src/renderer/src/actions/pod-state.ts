import type { PodRow } from '@shared/rows'

export type PodDotState = 'running' | 'pending' | 'failed' | 'terminating' | 'succeeded'

const FAILED =
  /CrashLoopBackOff|Error|ImagePullBackOff|ErrImagePull|OOMKilled|Failed|Evicted|CreateContainerConfigError|Unknown/

/** Buckets kubectl's STATUS text into the few states a dot can show. */
export function podDotState(pod: Pick<PodRow, 'status' | 'phase' | 'ready' | 'deleting'>): PodDotState {
  if (pod.deleting || pod.status === 'Terminating') return 'terminating'
  if (FAILED.test(pod.status) || pod.phase === 'Failed') return 'failed'
  if (pod.phase === 'Succeeded' || pod.status === 'Completed') return 'succeeded'
  const [ready, total] = pod.ready.split('/').map(Number)
  if (pod.phase === 'Running' && ready !== undefined && ready === total) return 'running'
  return 'pending'
}

export function summarize(pods: readonly Pick<PodRow, 'status' | 'phase' | 'ready' | 'deleting'>[]): string {
  const counts = new Map<PodDotState, number>()
  for (const p of pods) counts.set(podDotState(p), (counts.get(podDotState(p)) ?? 0) + 1)
  const order: PodDotState[] = ['running', 'pending', 'failed', 'terminating', 'succeeded']
  const parts = order.filter((s) => counts.get(s)).map((s) => `${counts.get(s)} ${s}`)
  return parts.length ? parts.join(', ') : 'no pods'
}
