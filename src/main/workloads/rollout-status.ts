import type { RolloutStatus } from '@shared/contract'
import { REVISION } from './revisions'

/** The fields of a Deployment that `kubectl rollout status` reads. */
export interface DeploymentStatusInput {
  metadata?: { name?: string; generation?: number; annotations?: Record<string, string> }
  spec?: { replicas?: number; paused?: boolean }
  status?: {
    observedGeneration?: number
    replicas?: number
    updatedReplicas?: number
    availableReplicas?: number
    conditions?: { type: string; reason?: string }[]
  }
}

/** kubectl's DeploymentStatusViewer, word for word. */
export function rolloutStatus(d: DeploymentStatusInput): RolloutStatus {
  const name = d.metadata?.name ?? ''
  const raw = d.metadata?.annotations?.[REVISION]
  const base = {
    paused: d.spec?.paused === true,
    ...(raw !== undefined && /^\d+$/.test(raw) ? { revision: Number(raw) } : {}),
  }
  const waiting = (message: string): RolloutStatus => ({ ...base, message, done: false, failed: false })
  const status = d.status ?? {}
  if ((d.metadata?.generation ?? 0) > (status.observedGeneration ?? 0)) {
    return waiting('Waiting for deployment spec update to be observed...')
  }
  const progressing = status.conditions?.find((c) => c.type === 'Progressing')
  if (progressing?.reason === 'ProgressDeadlineExceeded') {
    return {
      ...base,
      message: `deployment "${name}" exceeded its progress deadline`,
      done: false,
      failed: true,
    }
  }
  const desired = d.spec?.replicas ?? 1
  const updated = status.updatedReplicas ?? 0
  const replicas = status.replicas ?? 0
  const available = status.availableReplicas ?? 0
  if (updated < desired) {
    return waiting(
      `Waiting for deployment "${name}" rollout to finish: ${updated} out of ${desired} new replicas have been updated...`,
    )
  }
  if (replicas > updated) {
    return waiting(
      `Waiting for deployment "${name}" rollout to finish: ${replicas - updated} old replicas are pending termination...`,
    )
  }
  if (available < updated) {
    return waiting(
      `Waiting for deployment "${name}" rollout to finish: ${available} of ${updated} updated replicas are available...`,
    )
  }
  return { ...base, message: `deployment "${name}" successfully rolled out`, done: true, failed: false }
}
