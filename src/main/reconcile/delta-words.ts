import type { TimelineEntry } from '@shared/contract'
import type { WireNode, WirePod, WireWorkload } from '../kube/rows/wire'

// Watch deltas that no Event reports, in plain words: a desired count or template the person changed, readiness
// passing or failing, a container exiting, a pod going away, a node's readiness, a finished rollout.

export type Words = Pick<TimelineEntry, 'actor' | 'text' | 'level'> & { reason?: string }

const ready = (conditions: { type?: string; status?: string }[] | undefined): boolean =>
  conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false

const images = (d: WireWorkload | undefined): string =>
  (d?.spec?.template?.spec?.containers ?? []).map((c) => c.image ?? '').join(', ')

function rolloutDone(d: WireWorkload | undefined): boolean {
  const want = d?.spec?.replicas ?? 1
  const s = d?.status
  return (
    s !== undefined &&
    (s.updatedReplicas ?? 0) === want &&
    (s.replicas ?? 0) === want &&
    (s.availableReplicas ?? 0) === want
  )
}

/** Changes to what any workload's spec asks for: its replica count, its pod template's images, a pause. */
export function specWords(prev: WireWorkload | undefined, next: WireWorkload): Words[] {
  if (!prev) return []
  const out: Words[] = []
  const from = prev.spec?.replicas ?? 1
  const to = next.spec?.replicas ?? 1
  if (from !== to)
    out.push({ actor: 'desired state', text: `replicas changed ${from} → ${to}`, level: 'normal' })
  if (images(prev) !== images(next))
    out.push({
      actor: 'desired state',
      text: `pod template changed: image ${images(prev)} → ${images(next)}; a rollout starts`,
      level: 'normal',
    })
  if (!prev.spec?.paused !== !next.spec?.paused)
    out.push({
      actor: 'desired state',
      text: next.spec?.paused ? 'rollout paused' : 'rollout resumed',
      level: 'normal',
    })
  return out
}

export function deploymentWords(prev: WireWorkload | undefined, next: WireWorkload): Words[] {
  if (!prev) return []
  const out = specWords(prev, next)
  const to = next.spec?.replicas ?? 1
  if (!rolloutDone(prev) && rolloutDone(next))
    out.push({
      actor: 'Deployment controller',
      text: `desired and observed agree: ${to} of ${to} up to date and available`,
      level: 'normal',
    })
  return out
}

export function podWords(prev: WirePod | undefined, next: WirePod | undefined, name: string): Words[] {
  if (!next) return [{ actor: 'API server', text: `pod ${name} is gone`, level: 'normal' }]
  if (!prev) return []
  const out: Words[] = []
  const was = ready(prev.status?.conditions)
  const is = ready(next.status?.conditions)
  for (const c of next.status?.containerStatuses ?? []) {
    const old = prev.status?.containerStatuses?.find((p) => p.name === c.name)
    const ended = c.state?.terminated ?? c.lastState?.terminated
    const endedBefore = old?.state?.terminated ?? old?.lastState?.terminated
    if (
      ended &&
      (c.restartCount ?? 0) >= (old?.restartCount ?? 0) &&
      ended.finishedAt !== endedBefore?.finishedAt
    ) {
      const why = ended.reason ?? 'exited'
      out.push({
        actor: 'kubelet',
        text: `container ${c.name ?? ''} in ${name} exited: ${why} (exit code ${ended.exitCode ?? '?'})`,
        reason: why,
        level: 'warning',
      })
    }
  }
  if (!was && is) out.push({ actor: 'kubelet', text: `readiness passed: ${name} is Ready`, level: 'normal' })
  if (was && !is) {
    const why = next.status?.conditions?.find((c) => c.type === 'Ready')?.reason
    out.push({
      actor: 'kubelet',
      text: `${name} is no longer Ready${why ? ` (${why})` : ''}`,
      ...(why ? { reason: why } : {}),
      level: 'warning',
    })
  }
  return out
}

export function nodeWords(prev: WireNode | undefined, next: WireNode | undefined, name: string): Words[] {
  if (!prev || !next) return []
  const was = ready(prev.status?.conditions)
  const is = ready(next.status?.conditions)
  if (was === is) return []
  return [
    is
      ? { actor: 'node', text: `node ${name} is Ready`, level: 'normal' }
      : { actor: 'node', text: `node ${name} is not Ready`, level: 'warning' },
  ]
}
