import type { CoreV1Api } from '@kubernetes/client-node'
import { splitStamp, type PodBacklog } from './log-backlog'

export interface BacklogRange {
  namespace: string
  tailLines?: number
  sinceSeconds?: number
}

/**
 * One pod's earlier lines, read whole (not followed) with their timestamps; a pod that cannot be read gets a
 * `[skiff]` line saying why instead.
 */
export async function readPodBacklog(
  core: CoreV1Api,
  range: BacklogRange,
  pod: string,
  container: string | undefined,
): Promise<PodBacklog> {
  if (!container) return { pod, lines: [] }
  try {
    const text = await core.readNamespacedPodLog({
      name: pod,
      namespace: range.namespace,
      container,
      timestamps: true,
      ...(range.tailLines !== undefined ? { tailLines: range.tailLines } : {}),
      ...(range.sinceSeconds !== undefined ? { sinceSeconds: range.sinceSeconds } : {}),
    })
    const lines = String(text ?? '').split('\n')
    if (lines.at(-1) === '') lines.pop()
    return { pod, lines: lines.map(splitStamp) }
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err)
    return { pod, lines: [{ ts: '', text: `[skiff] ${message}` }] }
  }
}
