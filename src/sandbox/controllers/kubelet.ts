import { deepEqual } from '../api/deep-equal'
import { resourceByKind } from '../api/resources'
import type { KObj, Pod } from '../types'
import { initialStatus } from './container-state'
import { computePodStatus, condition } from './pod-status'
import type { Sync } from './index'

// Scheduler + kubelet in one: binds pods to the simulated nodes, runs their containers through the fake
// runtime and finishes graceful deletions.
export interface Kubelet {
  sync(ns: string, name: string): void
  /** A node's readiness changed: pods waiting for a node, and the node's own pods, get another pass. */
  nodeChanged(name: string): void
}

/** A node the scheduler may bind to and whose kubelet runs containers: Ready, and not tainted NoExecute. */
export function nodeIsReady(node: KObj | undefined): boolean {
  if (!node) return true // nodes the bootstrap did not write (tests) count as healthy
  const status = node.status as { conditions?: { type: string; status: string }[] } | undefined
  const cond = status?.conditions?.find((c) => c.type === 'Ready')
  return !cond || cond.status === 'True'
}

const TERMINATION_MS = 1000

export function createKubelet(sync: Sync, nodes: string[]): Kubelet {
  const { api, clock } = sync
  const podDef = resourceByKind('Pod')
  const nodeDef = resourceByKind('Node')
  const ready = (name: string): boolean => nodeIsReady(api.store.get(nodeDef, '', name)?.obj)
  const terminatingSince = new Map<string, number>()
  let nextNode = 0
  let nextIp = 0

  const schedule = (pod: Pod): void => {
    const usable = nodes.filter(ready)
    if (usable.length === 0) {
      const message = `0/${nodes.length} nodes are available: ${nodes.length} node(s) had untolerated taint {node.kubernetes.io/unreachable: }. preemption: 0/${nodes.length} nodes are available: ${nodes.length} Preemption is not helpful for scheduling.`
      sync.events.record(pod, 'Warning', 'FailedScheduling', message, 'default-scheduler')
      return
    }
    const node = usable[nextNode++ % usable.length] ?? 'node'
    const now = api.timestamp()
    const next = structuredClone(pod)
    next.spec.nodeName = node
    next.status = {
      ...next.status,
      phase: 'Pending',
      hostIP: `172.18.0.${nodes.indexOf(node) + 2}`,
      startTime: now,
      conditions: [condition('PodScheduled', true, now)],
      containerStatuses: pod.spec.containers.map(initialStatus),
    }
    const saved = api.update(podDef, pod.metadata.namespace ?? '', pod.metadata.name, next, {
      internal: true,
    })
    const where = `${pod.metadata.namespace ?? 'default'}/${pod.metadata.name}`
    sync.events.record(
      saved,
      'Normal',
      'Scheduled',
      `Successfully assigned ${where} to ${node}`,
      'default-scheduler',
    )
  }

  const runContainers = (pod: Pod, key: string): void => {
    const now = clock.now()
    const nodeIndex = Math.max(0, nodes.indexOf(pod.spec.nodeName ?? ''))
    const allocate = (): string => {
      const n = nextIp++
      return `10.244.${nodeIndex}.${(n % 250) + 2}`
    }
    const step = computePodStatus(pod, now, api.timestamp(), allocate)
    if (!deepEqual(step.status, pod.status)) {
      const next = { ...structuredClone(pod), status: step.status }
      const saved = api.update(podDef, pod.metadata.namespace ?? '', pod.metadata.name, next, {
        internal: true,
      })
      for (const e of step.events) sync.events.record(saved, e.type, e.reason, e.message, 'kubelet')
    }
    if (step.nextAt !== undefined) sync.after(key, step.nextAt - now)
  }

  return {
    sync(ns, name) {
      const key = `Pod|${ns}|${name}`
      const entry = api.store.get(podDef, ns, name)
      if (!entry) {
        terminatingSince.delete(key)
        return
      }
      const pod = entry.obj as Pod
      if (pod.metadata.deletionTimestamp) {
        const since = terminatingSince.get(key)
        const grace = Math.min(TERMINATION_MS, (pod.metadata.deletionGracePeriodSeconds ?? 30) * 1000)
        if (since === undefined) {
          terminatingSince.set(key, clock.now())
          sync.after(key, grace)
        } else if (clock.now() - since >= grace) {
          terminatingSince.delete(key)
          api.store.remove(podDef, ns, name)
        } else sync.after(key, grace - (clock.now() - since))
        return
      }
      if (!pod.spec.nodeName) {
        if ((pod.spec.schedulerName ?? 'default-scheduler') === 'default-scheduler') schedule(pod)
        return
      }
      if (pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed') return
      // An unreachable node's kubelet reports nothing: its pods keep their last status.
      if (!ready(pod.spec.nodeName)) return
      runContainers(pod, key)
    },
    nodeChanged(name) {
      if (!ready(name)) return
      for (const e of api.store.list(podDef)) {
        const pod = e.obj as Pod
        if (!pod.spec.nodeName || pod.spec.nodeName === name)
          sync.enqueue(`Pod|${pod.metadata.namespace ?? ''}|${pod.metadata.name}`)
      }
    },
  }
}
