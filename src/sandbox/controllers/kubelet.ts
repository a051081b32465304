import { deepEqual } from '../api/deep-equal'
import { resourceByKind } from '../api/resources'
import type { LocalImages } from '../images/local-images'
import type { KObj, Pod } from '../types'
import { isRecord } from '../types'
import { kubeletStopped } from './node-lifecycle'
import { applyMemoryLimit } from './container-limits'
import { computePodStatus, condition } from './pod-status'
import { initialStatus } from './container-state'
import { createProber } from './prober'
import type { Scheduler } from './scheduler'
import { nodeAddress } from './scheduler'
import type { Sync } from './index'

// The kubelets of all simulated nodes: hand unbound pods to the scheduler, run bound pods' containers through
// the fake runtime and finish graceful deletions. A stopped kubelet (node-lifecycle.ts) does neither.
export interface Kubelet {
  sync(ns: string, name: string): void
  /** The containers' own work still going on (exec probes run in the container's shell). */
  running(): Array<Promise<void>>
}

const TERMINATION_MS = 1000

// The node's pod range, "10.244.1.0/24" → "10.244.1".
function subnetOf(node: KObj | undefined): string {
  const spec = isRecord(node?.spec) ? node.spec : {}
  const cidr = typeof spec.podCIDR === 'string' ? spec.podCIDR : '10.244.0.0/24'
  return cidr.split('.').slice(0, 3).join('.')
}

export function createKubelet(sync: Sync, scheduler: Scheduler, images?: LocalImages): Kubelet {
  const { api, clock } = sync
  const podDef = resourceByKind('Pod')
  const nodeDef = resourceByKind('Node')
  const terminatingSince = new Map<string, number>()
  let nextIp = 0
  const prober = createProber(sync)

  // A pod that arrives bound: start time, host address, containers waiting (what binding gives others).
  const admitBound = (pod: Pod, node: KObj): void => {
    const now = api.timestamp()
    const next = structuredClone(pod)
    next.status = {
      ...next.status,
      phase: 'Pending',
      hostIP: nodeAddress(node) ?? '',
      startTime: now,
      conditions: [condition('PodScheduled', true, now)],
      containerStatuses: pod.spec.containers.map(initialStatus),
    }
    api.update(podDef, pod.metadata.namespace ?? '', pod.metadata.name, next, { internal: true })
  }

  const runContainers = (pod: Pod, node: KObj | undefined, key: string): void => {
    const now = clock.now()
    const allocate = (): string => {
      // host-network pods (kube-proxy, kindnet, the control plane) share their node's address
      if (pod.spec.hostNetwork === true) return pod.status.hostIP ?? nodeAddress(node) ?? ''
      const n = nextIp++
      return `${subnetOf(node)}.${(n % 250) + 2}`
    }
    const step = computePodStatus(
      pod,
      now,
      api.timestamp(),
      allocate,
      (c, raw) => prober.apply(pod, c, applyMemoryLimit(pod, c, raw, now), now),
      images,
    )
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
    running: () => prober.running(),
    sync(ns, name) {
      const key = `Pod|${ns}|${name}`
      const entry = api.store.get(podDef, ns, name)
      if (!entry) {
        terminatingSince.delete(key)
        prober.forget(ns, name)
        return
      }
      const pod = entry.obj as Pod
      if (!pod.spec.nodeName) {
        if ((pod.spec.schedulerName ?? 'default-scheduler') === 'default-scheduler') scheduler.schedule(pod)
        return
      }
      const node = api.store.get(nodeDef, '', pod.spec.nodeName)?.obj
      // no kubelet answers for a stopped or deleted node: its pods stay as they are (Terminating too)
      if (!node || kubeletStopped(node)) {
        terminatingSince.delete(key)
        return
      }
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
      if (pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed') return
      // created with spec.nodeName (static mirror pods): no scheduler, straight to this kubelet
      if (!pod.status.containerStatuses) {
        admitBound(pod, node)
        return
      }
      runContainers(pod, node, key)
    },
  }
}
