import type { ObjectApi } from '../api/objects'
import { resourceByKind } from '../api/resources'
import type { Controllers } from '../controllers'
import type { KObj, Pod } from '../types'
import { markPodsNotReady } from './pods'

interface NodeCondition {
  type: string
  status: string
  reason?: string
  message?: string
  lastHeartbeatTime?: string
  lastTransitionTime?: string
}
interface Taint {
  key: string
  effect: string
  timeAdded?: string
}

const UNREACHABLE = 'node.kubernetes.io/unreachable'

/**
 * What the node lifecycle controller writes when a kubelet stops (or resumes) posting status: the Ready
 * condition (Unknown while lost), the unreachable NoExecute taint, an event, and the pods marked not ready.
 */
export function setNodeReady(api: ObjectApi, controllers: Controllers, name: string, ready: boolean): void {
  const nodeDef = resourceByKind('Node')
  const entry = api.store.get(nodeDef, '', name)
  if (!entry) return
  const at = api.timestamp()
  const next = structuredClone(entry.obj) as KObj & {
    spec?: { taints?: Taint[] }
    status?: { conditions?: NodeCondition[] }
  }
  const conditions = next.status?.conditions ?? []
  next.status = {
    ...next.status,
    conditions: conditions.map((c) =>
      c.type !== 'Ready'
        ? c
        : ready
          ? {
              ...c,
              status: 'True',
              reason: 'KubeletReady',
              message: 'kubelet is posting ready status',
              lastTransitionTime: at,
            }
          : {
              ...c,
              status: 'Unknown',
              reason: 'NodeStatusUnknown',
              message: 'Kubelet stopped posting node status.',
              lastTransitionTime: at,
            },
    ),
  }
  const taints = (next.spec?.taints ?? []).filter((t) => t.key !== UNREACHABLE)
  if (!ready) taints.push({ key: UNREACHABLE, effect: 'NoExecute', timeAdded: at })
  next.spec = { ...next.spec, taints }
  if (taints.length === 0) delete next.spec.taints
  const saved = api.update(nodeDef, '', name, next, { internal: true })
  const reason = ready ? 'NodeReady' : 'NodeNotReady'
  controllers.events.record(
    saved,
    'Normal',
    reason,
    `Node ${name} status is now: ${reason}`,
    'node-controller',
  )
  if (!ready) {
    const pods = api.store
      .list(resourceByKind('Pod'))
      .map((e) => e.obj as Pod)
      .filter((p) => p.spec.nodeName === name)
    markPodsNotReady(api, pods)
  }
}
