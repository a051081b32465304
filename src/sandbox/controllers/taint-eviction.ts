import { resourceByKind } from '../api/resources'
import type { KObj, Pod } from '../types'
import type { Sync } from './index'
import { condition } from './pod-status'
import { nodeTaints, podTolerations, tolerates } from './scheduler-fit'

// The taint-eviction controller: pods on a node with NoExecute taints they do not tolerate are deleted at
// once; pods that tolerate them for tolerationSeconds (the default not-ready/unreachable tolerations give
// 300 s) are deleted when that time, counted from the taint's timeAdded, is up.
// Returns when it must look again (simulated ms), if some pod's time is still running.
export function evictByTaints(
  sync: Sync,
  node: KObj,
  pods: () => Pod[],
  evict: (pod: Pod) => void,
): number | undefined {
  const taints = nodeTaints(node).filter((t) => t.effect === 'NoExecute')
  if (taints.length === 0) return undefined
  const now = sync.clock.now()
  const since = Math.max(...taints.map((t) => (t.timeAdded ? Date.parse(t.timeAdded) : now)))
  let wake: number | undefined
  for (const pod of pods()) {
    if (pod.metadata.deletionTimestamp) continue
    if (pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed') continue
    const tolerations = podTolerations(pod)
    let seconds = Infinity
    let untolerated = false
    for (const taint of taints) {
      const matching = tolerations.filter((t) => tolerates(t, taint))
      if (matching.length === 0) untolerated = true
      for (const t of matching)
        if (typeof t.tolerationSeconds === 'number') seconds = Math.min(seconds, t.tolerationSeconds)
    }
    const due = untolerated ? now : since + Math.max(0, seconds) * 1000
    if (due <= now) {
      markAndEvict(sync, pod, evict)
    } else if (Number.isFinite(due)) wake = Math.min(wake ?? Infinity, due)
  }
  return wake
}

function markAndEvict(sync: Sync, pod: Pod, evict: (pod: Pod) => void): void {
  const { api } = sync
  const ns = pod.metadata.namespace ?? ''
  const at = api.timestamp()
  const next = structuredClone(pod)
  next.status.conditions = [
    ...(next.status.conditions ?? []).filter((c) => c.type !== 'DisruptionTarget'),
    condition(
      'DisruptionTarget',
      true,
      at,
      'DeletionByTaintManager',
      'Taint manager: deleting due to NoExecute taint',
    ),
  ]
  const saved = api.update(resourceByKind('Pod'), ns, pod.metadata.name, next, { internal: true })
  sync.events.record(
    saved,
    'Normal',
    'TaintManagerEviction',
    `Marking for deletion Pod ${ns}/${pod.metadata.name}`,
    'taint-eviction-controller',
  )
  evict(saved as Pod)
}
