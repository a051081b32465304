import type { RolloutStatus } from '@shared/contract'

/** The fields of a StatefulSet or DaemonSet that `kubectl rollout status` reads (client-node's models fit). */
export interface SetStatusInput {
  metadata?: { name?: string; generation?: number }
  spec?: {
    replicas?: number
    updateStrategy?: { type?: string; rollingUpdate?: { partition?: number; maxUnavailable?: unknown } }
  }
  status?: {
    observedGeneration?: number
    readyReplicas?: number
    updatedReplicas?: number
    currentReplicas?: number
    currentRevision?: string
    updateRevision?: string
    desiredNumberScheduled?: number
    updatedNumberScheduled?: number
    numberAvailable?: number
  }
}

const waiting = (message: string): RolloutStatus => ({ message, done: false, failed: false, paused: false })
const done = (message: string): RolloutStatus => ({ message, done: true, failed: false, paused: false })
const onlyRolling: RolloutStatus = {
  message: 'rollout status is only available for RollingUpdate strategy type',
  done: false,
  failed: true,
  paused: false,
}

/** kubectl's StatefulSetStatusViewer, word for word. */
export function statefulSetStatus(s: SetStatusInput): RolloutStatus {
  const strategy = s.spec?.updateStrategy
  if ((strategy?.type ?? 'RollingUpdate') !== 'RollingUpdate') return onlyRolling
  const st = s.status ?? {}
  const observed = st.observedGeneration ?? 0
  if (observed === 0 || (s.metadata?.generation ?? 0) > observed) {
    return waiting('Waiting for statefulset spec update to be observed...')
  }
  const replicas = s.spec?.replicas
  const ready = st.readyReplicas ?? 0
  if (replicas !== undefined && ready < replicas)
    return waiting(`Waiting for ${replicas - ready} pods to be ready...`)
  const updated = st.updatedReplicas ?? 0
  if (strategy?.rollingUpdate) {
    const partition = strategy.rollingUpdate.partition
    if (replicas !== undefined && partition !== undefined && updated < replicas - partition) {
      return waiting(
        `Waiting for partitioned roll out to finish: ${updated} out of ${replicas - partition} new pods have been updated...`,
      )
    }
    return done(`partitioned roll out complete: ${updated} new pods have been updated...`)
  }
  if (st.updateRevision !== st.currentRevision) {
    return waiting(
      `waiting for statefulset rolling update to complete ${updated} pods at revision ${st.updateRevision ?? ''}...`,
    )
  }
  return done(
    `statefulset rolling update complete ${st.currentReplicas ?? 0} pods at revision ${st.currentRevision ?? ''}...`,
  )
}

/** kubectl's DaemonSetStatusViewer, word for word. */
export function daemonSetStatus(d: SetStatusInput): RolloutStatus {
  if ((d.spec?.updateStrategy?.type ?? 'RollingUpdate') !== 'RollingUpdate') return onlyRolling
  const name = d.metadata?.name ?? ''
  const st = d.status ?? {}
  if ((d.metadata?.generation ?? 0) > (st.observedGeneration ?? 0)) {
    return waiting('Waiting for daemon set spec update to be observed...')
  }
  const desired = st.desiredNumberScheduled ?? 0
  const updated = st.updatedNumberScheduled ?? 0
  const available = st.numberAvailable ?? 0
  if (updated < desired) {
    return waiting(
      `Waiting for daemon set "${name}" rollout to finish: ${updated} out of ${desired} new pods have been updated...`,
    )
  }
  if (available < desired) {
    return waiting(
      `Waiting for daemon set "${name}" rollout to finish: ${available} of ${desired} updated pods are available...`,
    )
  }
  return done(`daemon set "${name}" successfully rolled out`)
}
