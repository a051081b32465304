import { resourceByKind } from '../api/resources'
import type { StoreEvent } from '../store/store'
import type { KObj, Pod } from '../types'
import { isRecord } from '../types'
import { initialStatus } from './container-state'
import type { Sync } from './index'
import { condition } from './pod-status'
import type { Requests } from './scheduler-fit'
import { fitErrorMessage, nodeFailure, podRequests } from './scheduler-fit'

// The default-scheduler: binds a pod to the next node (round robin) that passes the filters, counting the
// requests of the pods already bound there; a pod that fits nowhere waits with FailedScheduling and is
// retried when a node changes or a bound pod goes away (kube-scheduler's unschedulable queue).
export interface Scheduler {
  schedule(pod: Pod): void
  // after a restore: recount requests from the store
  resync(): void
  stop(): void
}

export function nodeAddress(node: KObj | undefined): string | undefined {
  const status = isRecord(node?.status) ? node.status : {}
  const addresses = Array.isArray(status.addresses) ? status.addresses : []
  const internal = addresses.find((a) => isRecord(a) && a.type === 'InternalIP') as
    { address?: string } | undefined
  return internal?.address
}

const ZERO: Requests = { cpu: 0, memory: 0 }

export function createScheduler(sync: Sync): Scheduler {
  const { api } = sync
  const podDef = resourceByKind('Pod')
  const nodeDef = resourceByKind('Node')
  const used = new Map<string, Requests>() // node -> requests of the pods bound to it
  const placed = new Map<string, { node: string; req: Requests }>() // pod uid ->
  const waiting = new Set<string>() // keys of pods that fit nowhere
  const retried = new Set<string>()
  let next = 0

  const add = (node: string, req: Requests, sign: number): void => {
    const u = used.get(node) ?? { ...ZERO }
    used.set(node, { cpu: u.cpu + sign * req.cpu, memory: u.memory + sign * req.memory })
  }
  const account = (pod: Pod, gone: boolean): boolean => {
    const uid = pod.metadata.uid
    const was = placed.get(uid)
    const phase = pod.status?.phase
    const holds = !gone && !!pod.spec.nodeName && phase !== 'Succeeded' && phase !== 'Failed'
    if (was && !holds) {
      add(was.node, was.req, -1)
      placed.delete(uid)
      return true
    }
    if (!was && holds && pod.spec.nodeName) {
      const req = podRequests(pod)
      placed.set(uid, { node: pod.spec.nodeName, req })
      add(pod.spec.nodeName, req, 1)
    }
    return false
  }
  const retryWaiting = (): void => {
    for (const key of waiting) {
      retried.add(key)
      sync.enqueue(key)
    }
  }
  const onEvent = (ev: StoreEvent): void => {
    if (ev.resource.custom || ev.resource.group !== '') return
    if (ev.resource.kind === 'Pod') {
      const pod = ev.entry.obj as Pod
      const key = `Pod|${pod.metadata.namespace ?? ''}|${pod.metadata.name}`
      if (ev.type === 'DELETED' || pod.spec.nodeName) waiting.delete(key)
      if (account(pod, ev.type === 'DELETED')) retryWaiting()
    } else if (ev.resource.kind === 'Node') retryWaiting()
  }
  const unsubscribe = api.store.subscribe(onEvent)

  const bind = (pod: Pod, node: KObj): void => {
    const now = api.timestamp()
    const name = node.metadata.name
    const bound = structuredClone(pod)
    bound.spec.nodeName = name
    bound.status = {
      ...bound.status,
      phase: 'Pending',
      hostIP: nodeAddress(node) ?? '',
      startTime: now,
      conditions: [condition('PodScheduled', true, now)],
      containerStatuses: pod.spec.containers.map(initialStatus),
    }
    const saved = api.update(podDef, pod.metadata.namespace ?? '', pod.metadata.name, bound, {
      internal: true,
    })
    const where = `${pod.metadata.namespace ?? 'default'}/${pod.metadata.name}`
    sync.events.record(
      saved,
      'Normal',
      'Scheduled',
      `Successfully assigned ${where} to ${name}`,
      'default-scheduler',
    )
  }

  const refuse = (pod: Pod, key: string, message: string): void => {
    waiting.add(key)
    const prev = pod.status.conditions?.find((c) => c.type === 'PodScheduled')
    const changed = prev?.status !== 'False' || prev.message !== message
    if (changed) {
      const next = structuredClone(pod)
      next.status = {
        ...next.status,
        phase: 'Pending',
        conditions: [condition('PodScheduled', false, api.timestamp(), 'Unschedulable', message)],
      }
      api.update(podDef, pod.metadata.namespace ?? '', pod.metadata.name, next, { internal: true })
    }
    // one event per attempt: the first, and each retry a cluster change brings
    if (changed || retried.has(key))
      sync.events.record(pod, 'Warning', 'FailedScheduling', message, 'default-scheduler')
    retried.delete(key)
  }

  return {
    schedule(pod) {
      const key = `Pod|${pod.metadata.namespace ?? ''}|${pod.metadata.name}`
      const nodes = api.store.list(nodeDef).map((e) => e.obj)
      const failures = []
      for (let i = 0; i < nodes.length; i++) {
        const index = (next + i) % nodes.length
        const node = nodes[index]
        if (!node) continue
        const failure = nodeFailure(pod, node, used.get(node.metadata.name) ?? ZERO)
        if (failure) {
          failures.push(failure)
          continue
        }
        next = index + 1
        waiting.delete(key)
        retried.delete(key)
        bind(pod, node)
        return
      }
      refuse(pod, key, fitErrorMessage(failures))
    },
    resync() {
      used.clear()
      placed.clear()
      for (const e of api.store.list(podDef)) account(e.obj as Pod, false)
    },
    stop: unsubscribe,
  }
}
