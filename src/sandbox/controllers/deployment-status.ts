import { deepEqual } from '../api/deep-equal'
import { resourceByKind } from '../api/resources'
import type { Condition, Deployment, ReplicaSet } from '../types'
import { fenceposts, replicasOf, sum } from './deployment-util'
import type { Sync } from './index'

// calculateStatus + the Available/Progressing conditions `kubectl rollout status` reads.
function setCondition(list: Condition[], next: Condition, at: string): Condition[] {
  const old = list.find((c) => c.type === next.type)
  if (old && old.status === next.status && old.reason === next.reason && old.message === next.message)
    return list
  const stamped: Condition = {
    ...next,
    lastUpdateTime: at,
    lastTransitionTime: old && old.status === next.status ? (old.lastTransitionTime ?? at) : at,
  }
  const out = list.filter((c) => c.type !== next.type)
  // Available before Progressing, as the real controller ends up ordering them.
  return next.type === 'Available' ? [stamped, ...out] : [...out, stamped]
}

export function deploymentStatus(
  sync: Sync,
  d: Deployment,
  newRs: ReplicaSet | undefined,
  all: ReplicaSet[],
  created: boolean,
): void {
  const { api } = sync
  const at = api.timestamp()
  const desired = d.spec.replicas ?? 1
  const replicas = sum(all, (rs) => rs.status?.replicas)
  const updated = newRs
    ? (all.find((rs) => rs.metadata.uid === newRs.metadata.uid)?.status?.replicas ?? 0)
    : 0
  const ready = sum(all, (rs) => rs.status?.readyReplicas)
  const available = sum(all, (rs) => rs.status?.availableReplicas)
  const status: Deployment['status'] = {
    observedGeneration: d.metadata.generation ?? 1,
    replicas,
    updatedReplicas: updated,
    readyReplicas: ready,
    availableReplicas: available,
    unavailableReplicas: Math.max(0, sum(all, replicasOf) - available),
    ...(d.status?.collisionCount !== undefined ? { collisionCount: d.status.collisionCount } : {}),
  }
  let conditions = [...(d.status?.conditions ?? [])]
  const minAvailable = desired - fenceposts(d).unavailable
  conditions = setCondition(
    conditions,
    available >= minAvailable
      ? {
          type: 'Available',
          status: 'True',
          reason: 'MinimumReplicasAvailable',
          message: 'Deployment has minimum availability.',
        }
      : {
          type: 'Available',
          status: 'False',
          reason: 'MinimumReplicasUnavailable',
          message: 'Deployment does not have minimum availability.',
        },
    at,
  )
  const rsName = newRs?.metadata.name ?? ''
  const complete = updated === desired && replicas === desired && available === desired
  const progressing = conditions.find((c) => c.type === 'Progressing')
  let next: Condition | undefined
  if (d.spec.paused) {
    next = {
      type: 'Progressing',
      status: 'Unknown',
      reason: 'DeploymentPaused',
      message: 'Deployment is paused',
    }
  } else if (complete && newRs) {
    next = {
      type: 'Progressing',
      status: 'True',
      reason: 'NewReplicaSetAvailable',
      message: `ReplicaSet "${rsName}" has successfully progressed.`,
    }
  } else if (created) {
    next = {
      type: 'Progressing',
      status: 'True',
      reason: 'NewReplicaSetCreated',
      message: `Created new replica set "${rsName}"`,
    }
  } else if (progressing?.reason === 'DeploymentPaused') {
    next = {
      type: 'Progressing',
      status: 'Unknown',
      reason: 'DeploymentResumed',
      message: 'Deployment is resumed',
    }
  } else if (newRs && progressing?.reason !== 'ProgressDeadlineExceeded') {
    const deadlineMs = (d.spec.progressDeadlineSeconds ?? 600) * 1000
    const since = Date.parse(progressing?.lastUpdateTime ?? at)
    if (api.clock.now() - since > deadlineMs && progressing?.reason !== 'NewReplicaSetAvailable') {
      next = {
        type: 'Progressing',
        status: 'False',
        reason: 'ProgressDeadlineExceeded',
        message: `ReplicaSet "${rsName}" has timed out progressing.`,
      }
    } else {
      const stillProgressing = progressing?.message === `ReplicaSet "${rsName}" is progressing.`
      next = stillProgressing
        ? progressing
        : {
            type: 'Progressing',
            status: 'True',
            reason: 'ReplicaSetUpdated',
            message: `ReplicaSet "${rsName}" is progressing.`,
          }
      sync.after(`Deployment|${d.metadata.namespace ?? ''}|${d.metadata.name}`, deadlineMs + 1000)
    }
  }
  if (next) conditions = setCondition(conditions, next, at)
  status.conditions = conditions
  if (deepEqual(status, d.status)) return
  const updatedObj = { ...structuredClone(d), status }
  api.update(resourceByKind('Deployment'), d.metadata.namespace ?? '', d.metadata.name, updatedObj, {
    internal: true,
    subresource: 'status',
  })
}
