import type { ObjectApi } from '../api/objects'
import { resourceByKind } from '../api/resources'
import { ApiError } from '../api/status'
import { nodeNames } from '../bootstrap'
import type { Clock } from '../clock'
import type { TrafficMeter } from '../metrics/traffic'
import type { StoreEvent } from '../store/store'
import type { LocalImages } from '../images/local-images'
import type { Pod } from '../types'
import { syncDaemonSet } from './daemonset'
import { syncDeployment } from './deployment'
import { syncEndpoints, servicesSelecting } from './endpoints'
import type { EventRecorder } from './events'
import { createEventRecorder } from './events'
import { mirrorEvent } from './events-mirror'
import { collectGarbage } from './gc'
import { budgetsSelecting, syncDisruptionBudget } from './disruption'
import { createKubelet } from './kubelet'
import { createNodeLifecycle } from './node-lifecycle'
import { createScheduler } from './scheduler'
import { syncNamespace } from './namespace'
import { syncReplicaSet } from './replicaset'
import { syncStatefulSet } from './statefulset'
import { APPS_KINDS, routeAppsEvent } from './apps-events'
import { STORAGE_KINDS, routeStorageEvent } from './storage-events'
import { syncClaim, syncVolume } from './volumes'
import { syncCronJob } from './cronjob'
import { createHpaController } from './hpa'
import { syncJob } from './job'
import { aggregatedRoleNames, syncClusterRoleAggregation } from './clusterrole-aggregation'
import { ingressesOfClass, syncIngress } from './ingress'
import { isTokenSecret, syncTokenSecret, tokenSecretsFor } from './serviceaccount-token'
import type { TokenKeys } from '../auth/tokens'

export interface ControllerContext {
  api: ObjectApi
  clock: Clock
  clusterName: string
  nodeCount: number
  /** What the nodes hold; without it every image counts as pullable. */
  images?: LocalImages
  // what port-forwarded requests add to pods' CPU, read by the HPA controller
  traffic: TrafficMeter
  // signs the tokens of kubernetes.io/service-account-token Secrets
  tokenKeys?: TokenKeys
}

export interface Controllers {
  /** Waits until no work is queued and no container script runs (scripts: at most scriptWaitMs, real time). */
  settle(scriptWaitMs?: number): Promise<void>
  stop(): void
  resyncAll(): void
  readonly nodeNames: string[]
  /** Break-it: while paused no controller (kubelet included) acts; work queues up and runs on resume. */
  setPaused(paused: boolean): void
  readonly paused: boolean
  /** Break-it actions record their events and wake controllers like any other writer. */
  readonly events: EventRecorder
  enqueue(key: string): void
}

export interface Sync {
  api: ObjectApi
  clock: Clock
  events: EventRecorder
  enqueue(key: string): void
  // re-run a key after `delayMs` of simulated time
  after(key: string, delayMs: number): void
}

const BATCH = 2000
// How long (real time) a clock step's settle waits for container scripts it started or woke.
const SCRIPT_WAIT_MS = 5000

function settledWithin(work: Array<Promise<unknown>>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))
  return Promise.race([Promise.allSettled(work).then(() => undefined), timeout]).finally(() =>
    clearTimeout(timer),
  )
}
// batch/v1 and autoscaling/v2 kinds: each is synced under its own kind name
const BATCH_KINDS = new Set(['Job', 'CronJob', 'HorizontalPodAutoscaler'])

// Steady running pods need no kubelet pass; skipping them keeps bulk seeding and LIST-heavy churn cheap.
function kubeletCares(pod: Pod): boolean {
  if (!pod.spec.nodeName || pod.metadata.deletionTimestamp || pod.status?.phase !== 'Running') return true
  const statuses = pod.status.containerStatuses ?? []
  if (statuses.length !== pod.spec.containers.length) return true
  return (
    statuses.some((s) => !s.ready || !s.state.running) ||
    pod.spec.containers.some((c) => c.image.includes('crashloop'))
  )
}

// A level-triggered work queue: store events enqueue keys ("Kind|namespace|name"), a flush runs the
// matching sync functions until nothing is left. Time-based work re-enqueues itself through the clock.
export function startControllers(ctx: ControllerContext): Controllers {
  const { api, clock } = ctx
  const queue = new Set<string>()
  const timers = new Map<string, () => void>()
  let scheduled = false
  let stopped = false
  let paused = false
  const names = nodeNames(ctx.clusterName, ctx.nodeCount)

  const schedule = (): void => {
    if (scheduled || stopped || paused) return
    scheduled = true
    setImmediate(flush)
  }
  const enqueue = (key: string): void => {
    queue.add(key)
    schedule()
  }
  const after = (key: string, delayMs: number): void => {
    timers.get(key)?.()
    timers.set(
      key,
      clock.setTimer(delayMs, () => {
        timers.delete(key)
        enqueue(key)
      }),
    )
  }
  const sync: Sync = { api, clock, events: createEventRecorder(api), enqueue, after }
  const scheduler = createScheduler(sync)
  const kubelet = createKubelet(sync, scheduler, ctx.images)
  const nodeLifecycle = createNodeLifecycle(sync)
  const syncHpa = createHpaController(sync, ctx.traffic)

  const run = (key: string): void => {
    const [kind = '', ns = '', name = ''] = key.split('|')
    switch (kind) {
      case 'Deployment':
        return syncDeployment(sync, ns, name)
      case 'ReplicaSet':
        return syncReplicaSet(sync, ns, name)
      case 'Pod':
        return kubelet.sync(ns, name)
      case 'Namespace':
        return syncNamespace(sync, name)
      case 'Service':
        return syncEndpoints(sync, ns, name)
      case 'GC':
        return collectGarbage(sync, ns, name)
      case 'EventMirror':
        return mirrorEvent(sync, ns, name)
      case 'StatefulSet':
        return syncStatefulSet(sync, ns, name)
      case 'DaemonSet':
        return syncDaemonSet(sync, ns, name)
      case 'PersistentVolumeClaim':
        return syncClaim(sync, ns, name)
      case 'PersistentVolume':
        return syncVolume(sync, name)
      case 'Job':
        return syncJob(sync, ns, name)
      case 'CronJob':
        return syncCronJob(sync, ns, name)
      case 'HorizontalPodAutoscaler':
        return syncHpa(ns, name)
      case 'Node':
        return nodeLifecycle.sync(name)
      case 'PodDisruptionBudget':
        return syncDisruptionBudget(sync, ns, name)
      case 'ClusterRoleAggregation':
        return syncClusterRoleAggregation(sync, name)
      case 'Ingress':
        return syncIngress(sync, ns, name)
      case 'TokenSecret':
        return ctx.tokenKeys && syncTokenSecret(sync, ctx.tokenKeys, ns, name)
    }
  }

  function flush(): void {
    scheduled = false
    if (stopped || paused) return
    let n = 0
    for (const key of queue) {
      queue.delete(key)
      try {
        run(key)
      } catch (err) {
        // API refusals (gone object, terminating namespace) end the pass; conflicts retry; other errors are bugs.
        if (err instanceof ApiError) {
          if (err.code === 409) enqueue(key)
          if (process.env.SANDBOX_DEBUG) console.error(key, err.message)
        } else console.error('sandbox controller', key, err)
      }
      if (++n >= BATCH) break
    }
    if (queue.size > 0) schedule()
  }

  const onEvent = (ev: StoreEvent): void => {
    const obj = ev.entry.obj
    const ns = obj.metadata.namespace ?? ''
    const kind = ev.resource.kind
    const owner = obj.metadata.ownerReferences?.find((r) => r.controller)
    if (kind === 'Deployment' || kind === 'Namespace' || kind === 'Service')
      enqueue(`${kind}|${ns}|${obj.metadata.name}`)
    if (kind === 'ReplicaSet') {
      enqueue(`ReplicaSet|${ns}|${obj.metadata.name}`)
      if (owner?.kind === 'Deployment') enqueue(`Deployment|${ns}|${owner.name}`)
    }
    if (kind === 'Pod') {
      if (owner?.kind === 'ReplicaSet') {
        enqueue(`ReplicaSet|${ns}|${owner.name}`)
        // Recreate waits for old pods to be gone, which changes no ReplicaSet status.
        if (ev.type === 'DELETED') {
          const rs = api.store.get(resourceByKind('ReplicaSet'), ns, owner.name)
          const top = rs?.obj.metadata.ownerReferences?.find((r) => r.controller && r.kind === 'Deployment')
          if (top) enqueue(`Deployment|${ns}|${top.name}`)
        }
      }
      if (ev.type !== 'DELETED' && kubeletCares(obj as Pod)) enqueue(`Pod|${ns}|${obj.metadata.name}`)
      for (const svc of servicesSelecting(api, obj, ev.prev?.obj)) enqueue(`Service|${ns}|${svc}`)
      for (const pdb of budgetsSelecting(sync, obj, ev.prev?.obj)) enqueue(`PodDisruptionBudget|${ns}|${pdb}`)
    }
    if (!ev.resource.custom && (kind === 'Node' || kind === 'PodDisruptionBudget'))
      enqueue(`${kind}|${ns}|${obj.metadata.name}`)
    if (kind === 'Event' && ev.resource.group === '') enqueue(`EventMirror|${ns}|${obj.metadata.name}`)
    routeAppsEvent(api, ev, enqueue)
    routeStorageEvent(api, ev, enqueue)
    if (BATCH_KINDS.has(kind)) enqueue(`${kind}|${ns}|${obj.metadata.name}`)
    if ((kind === 'Job' || kind === 'Pod') && owner && BATCH_KINDS.has(owner.kind))
      enqueue(`${owner.kind}|${ns}|${owner.name}`)
    if (kind === 'ClusterRole')
      for (const role of aggregatedRoleNames(sync)) enqueue(`ClusterRoleAggregation||${role}`)
    if (kind === 'Secret' && ev.type !== 'DELETED' && isTokenSecret(obj))
      enqueue(`TokenSecret|${ns}|${obj.metadata.name}`)
    if (kind === 'ServiceAccount' && ev.type !== 'MODIFIED')
      for (const secret of tokenSecretsFor(sync, ns, obj.metadata.name))
        enqueue(`TokenSecret|${ns}|${secret}`)
    if (kind === 'Ingress' && ev.type !== 'DELETED') enqueue(`Ingress|${ns}|${obj.metadata.name}`)
    if (kind === 'IngressClass')
      for (const [ins, iname] of ingressesOfClass(api, obj.metadata.name)) enqueue(`Ingress|${ins}|${iname}`)
    if (ev.type === 'DELETED') {
      // custom objects own things too (an operator's Deployments, ConfigMaps)
      if (
        kind === 'Deployment' ||
        kind === 'ReplicaSet' ||
        BATCH_KINDS.has(kind) ||
        (ev.resource.custom && ns)
      )
        enqueue(`GC|${ns}|${obj.metadata.uid}`)
      const nsObj = ns ? api.store.get(resourceByKind('Namespace'), '', ns) : undefined
      if (nsObj?.obj.metadata.deletionTimestamp) enqueue(`Namespace||${ns}`)
    }
  }
  const unsubscribe = api.store.subscribe(onEvent)

  return {
    nodeNames: names,
    events: sync.events,
    enqueue,
    get paused() {
      return paused
    },
    setPaused(next) {
      paused = next
      if (!paused && queue.size > 0) schedule()
    },
    // Quiet: no queued work, and no container script (an exec probe) still running whose verdict would wake
    // a sync. Such a script can end a macrotask or more after the step (a `sleep` in it is real time), so the
    // wait for scripts is bounded: a script that outlives it lands after the step, as before.
    async settle(scriptWaitMs = SCRIPT_WAIT_MS) {
      const until = Date.now() + scriptWaitMs
      for (;;) {
        while ((queue.size > 0 && !paused) || scheduled)
          await new Promise<void>((resolve) => setImmediate(resolve))
        const running = kubelet.running()
        const left = until - Date.now()
        if (running.length === 0 || left <= 0) return
        await settledWithin(running, left)
      }
    },
    stop() {
      stopped = true
      unsubscribe()
      scheduler.stop()
      for (const cancel of timers.values()) cancel()
      timers.clear()
      queue.clear()
    },
    resyncAll() {
      scheduler.resync()
      for (const role of aggregatedRoleNames(sync)) enqueue(`ClusterRoleAggregation||${role}`)
      for (const kind of [
        'Namespace',
        'Node',
        'Deployment',
        'ReplicaSet',
        'Pod',
        'Service',
        ...APPS_KINDS,
        ...STORAGE_KINDS,
        'Ingress',
        ...BATCH_KINDS,
        'PodDisruptionBudget',
      ]) {
        for (const e of api.store.list(resourceByKind(kind))) {
          enqueue(`${kind}|${e.obj.metadata.namespace ?? ''}|${e.obj.metadata.name}`)
        }
      }
    },
  }
}
