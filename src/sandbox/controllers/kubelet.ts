import { deepEqual } from '../api/deep-equal'
import { resourceByKind } from '../api/resources'
import type { Pod } from '../types'
import { initialStatus } from './container-state'
import { pinnedNode } from './node-fit'
import { markUnschedulable, volumeGate } from './volume-binding'
import { computePodStatus, condition } from './pod-status'
import type { Sync } from './index'

// Scheduler + kubelet in one: binds pods to the simulated nodes, runs their containers through the fake
// runtime and finishes graceful deletions.
export interface Kubelet {
  sync(ns: string, name: string): void
}

const TERMINATION_MS = 1000

export function createKubelet(sync: Sync, nodes: string[]): Kubelet {
  const { api, clock } = sync
  const podDef = resourceByKind('Pod')
  const terminatingSince = new Map<string, number>()
  let nextNode = 0
  let nextIp = 0

  // The kubelet takes a pod bound to its node: start time, host address, containers waiting.
  const admit = (pod: Pod, node: string): Pod => {
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
    return api.update(podDef, pod.metadata.namespace ?? '', pod.metadata.name, next, {
      internal: true,
    }) as Pod
  }

  const schedule = (pod: Pod): void => {
    const pick = (): string => nodes[nextNode++ % nodes.length] ?? nodes[0] ?? 'node'
    const volumes = volumeGate(sync, pod, pick)
    if (volumes.kind === 'unschedulable') return markUnschedulable(sync, pod, nodes.length, volumes.reason)
    if (volumes.kind === 'wait') return
    // daemon pods name their node through node affinity, pods with local volumes go where those are
    const node = pinnedNode(pod.spec) ?? volumes.node ?? pick()
    const saved = admit(pod, node)
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
      // host-network pods (kube-proxy, kindnet, the control plane) share their node's address
      if (pod.spec.hostNetwork === true) return pod.status.hostIP ?? `172.18.0.${nodeIndex + 2}`
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
      // created with spec.nodeName (static mirror pods): no scheduler, straight to the kubelet
      if (!pod.status.containerStatuses) {
        admit(pod, pod.spec.nodeName)
        return
      }
      runContainers(pod, key)
    },
  }
}
