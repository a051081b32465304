import type { V1Pod, V1PodDisruptionBudget } from '@kubernetes/client-node'
import type { DrainPod } from '@shared/contract'
import { formatLabelSelector } from '@shared/format-selector'
import { matchesSelector, parseLabelSelector } from '@shared/label-selector'

const MIRROR = 'kubernetes.io/config.mirror'

const finished = (pod: V1Pod): boolean => pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed'

/** The budgets whose selector takes this pod (policy/v1: an empty selector takes every pod of its namespace). */
function budgetsOf(pod: V1Pod, budgets: readonly V1PodDisruptionBudget[]): V1PodDisruptionBudget[] {
  const labels = pod.metadata?.labels ?? {}
  return budgets.filter((b) => {
    if (b.metadata?.namespace !== pod.metadata?.namespace) return false
    const parsed = parseLabelSelector(formatLabelSelector(b.spec?.selector))
    return parsed.ok && matchesSelector(parsed.requirements, labels)
  })
}

function blockSentence(b: V1PodDisruptionBudget): string {
  const allowed = b.status?.disruptionsAllowed ?? 0
  const health = `${b.status?.currentHealthy ?? 0} healthy, ${b.status?.desiredHealthy ?? 0} needed`
  const name = `PodDisruptionBudget ${b.metadata?.name ?? ''}`
  return allowed <= 0
    ? `${name} allows no disruption now (${health}).`
    : `${name} allows ${allowed} disruption${allowed === 1 ? '' : 's'} now, taken by the pods above (${health}).`
}

/**
 * What `kubectl drain --ignore-daemonsets --delete-emptydir-data --force` would do with each pod on a node,
 * and which evictions a PodDisruptionBudget refuses now: a budget allowing k disruptions lets the first k of
 * its pods on this node go, the rest wait (the Eviction API answers 429 until replacements are ready).
 */
export function planDrain(pods: readonly V1Pod[], budgets: readonly V1PodDisruptionBudget[]): DrainPod[] {
  const allowance = new Map<V1PodDisruptionBudget, number>()
  for (const b of budgets) allowance.set(b, b.status?.disruptionsAllowed ?? 0)
  const sorted = [...pods].sort(
    (a, b) =>
      (a.metadata?.namespace ?? '').localeCompare(b.metadata?.namespace ?? '') ||
      (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? ''),
  )
  return sorted.map((pod) => {
    const controller = pod.metadata?.ownerReferences?.find((o) => o.controller)
    const out: DrainPod = {
      namespace: pod.metadata?.namespace ?? '',
      name: pod.metadata?.name ?? '',
      action: 'evict',
      notes: [],
      ...(controller ? { owner: `${controller.kind} ${controller.name}` } : {}),
    }
    if (pod.metadata?.annotations?.[MIRROR] !== undefined) {
      out.action = 'skip'
      out.notes.push('Static pod: the kubelet runs it from a file; the API cannot remove it.')
      return out
    }
    if (controller?.kind === 'DaemonSet') {
      out.action = 'skip'
      out.notes.push('DaemonSet pod: its controller ignores the cordon and would start it again.')
      return out
    }
    if (pod.metadata?.deletionTimestamp) {
      out.action = 'skip'
      out.notes.push('Terminating: already on its way out.')
      return out
    }
    if (!controller)
      out.notes.push('Not managed by a controller: it is deleted for good and nothing recreates it.')
    if ((pod.spec?.volumes ?? []).some((v) => v.emptyDir))
      out.notes.push('Uses emptyDir: the data in it is lost.')
    // A finished pod disrupts nothing, so no budget holds it back (kube-apiserver lets it go too).
    if (finished(pod)) return out
    for (const b of budgetsOf(pod, budgets)) {
      const left = allowance.get(b) ?? 0
      if (left > 0) allowance.set(b, left - 1)
      else if (!out.blockedBy) out.blockedBy = blockSentence(b)
    }
    return out
  })
}
