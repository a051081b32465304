import type { ObjectApi } from '../api/objects'
import { resourceByKind } from '../api/resources'
import type { Controllers } from '../controllers'
import type { LocalImages } from '../images/local-images'
import type { PullRule } from '../images/pull-chaos'
import { KUBELET_ANNOTATION, NODE_MONITOR_GRACE_MS } from '../controllers/node-lifecycle'
import type { KObj, Pod } from '../types'
import { isRecord } from '../types'
import { crashContainers, evictPods } from './pods'

// Break-it controls: what a cluster does to workloads (a dead pod, a crashed container, a lost node, memory
// pressure) done on purpose, so a person can watch the controllers heal it. Only the sandbox has them.

export type ChaosAction =
  | { action: 'kill-pod'; namespace: string; pod: string }
  | { action: 'crash-container'; namespace: string; pod: string }
  | { action: 'node-not-ready'; node: string }
  | { action: 'node-ready'; node: string }
  | { action: 'exhaust-memory'; node: string }
  | { action: 'pause-controllers' }
  | { action: 'resume-controllers' }
  /** Pulls of `image` (every image when absent) take `seconds` of sandbox time, then succeed. */
  | { action: 'slow-pulls'; image?: string; seconds: number }
  /** Pulls of `image` (or every image) fail: ErrImagePull, then ImagePullBackOff with the kubelet's back-off. */
  | { action: 'fail-pulls'; image?: string }
  | { action: 'heal-pulls'; image?: string }

export interface ChaosState {
  controllersPaused: boolean
  nodes: { name: string; ready: boolean }[]
  /** Image pull trouble in force. */
  pulls: PullRule[]
}

export interface SandboxChaos {
  /** Does it and says what it did, in words; throws an Error whose message a person can act on. */
  act(action: ChaosAction): string
  state(): ChaosState
}

/** Ready as the node lifecycle controller last wrote it (a missing condition counts as Ready). */
export function nodeIsReady(node: KObj | undefined): boolean {
  const status = isRecord(node?.status) ? node.status : {}
  const conditions = Array.isArray(status.conditions)
    ? (status.conditions as { type: string; status: string }[])
    : []
  const ready = conditions.find((c) => c.type === 'Ready')
  return !ready || ready.status === 'True'
}

export function createChaos(api: ObjectApi, controllers: Controllers, images: LocalImages): SandboxChaos {
  const podDef = resourceByKind('Pod')
  const nodeDef = resourceByKind('Node')

  const pod = (namespace: string, name: string): Pod => {
    const entry = api.store.get(podDef, namespace, name)
    if (!entry) throw new Error(`There is no pod "${name}" in namespace "${namespace}".`)
    return entry.obj as Pod
  }
  const node = (name: string): KObj => {
    const entry = api.store.get(nodeDef, '', name)
    if (!entry) throw new Error(`There is no node "${name}".`)
    return entry.obj
  }
  // Like `docker stop` on a kind node: the kubelet stops posting status; the node lifecycle controller does
  // the rest (NotReady after its grace period, unreachable taints, evictions once tolerations run out).
  const setKubelet = (name: string, stopped: boolean): void => {
    const next = structuredClone(node(name))
    const annotations = { ...next.metadata.annotations }
    if (stopped) annotations[KUBELET_ANNOTATION] = 'stopped'
    else delete annotations[KUBELET_ANNOTATION]
    next.metadata.annotations = annotations
    api.update(nodeDef, '', name, next, { internal: true })
  }
  const podsOn = (name: string): Pod[] =>
    api.store
      .list(podDef)
      .map((e) => e.obj as Pod)
      .filter((p) => p.spec.nodeName === name && !p.metadata.deletionTimestamp)

  return {
    act(a) {
      switch (a.action) {
        case 'kill-pod': {
          const p = pod(a.namespace, a.pod)
          evictPods(api, controllers, [p], 'Killing', 'Stopping container (pod killed from Break it)')
          return `Killed pod ${a.pod} (simulated).`
        }
        case 'crash-container': {
          crashContainers(api, controllers, [pod(a.namespace, a.pod)], 'Error')
          return `Crashed the containers of pod ${a.pod} (simulated).`
        }
        case 'exhaust-memory': {
          node(a.node)
          const victims = podsOn(a.node)
          crashContainers(api, controllers, victims, 'OOMKilled')
          return `Node ${a.node} ran out of memory: ${victims.length} pod(s) OOMKilled (simulated).`
        }
        case 'node-not-ready':
          setKubelet(a.node, true)
          return `Stopped the kubelet of node ${a.node} (simulated): NotReady after ${NODE_MONITOR_GRACE_MS / 1000} s, then its pods are evicted.`
        case 'node-ready':
          setKubelet(a.node, false)
          return `Started the kubelet of node ${a.node} again (simulated).`
        case 'pause-controllers':
          controllers.setPaused(true)
          return 'Controllers paused (simulated): nothing heals until they resume.'
        case 'resume-controllers':
          controllers.setPaused(false)
          return 'Controllers resumed: they compare desired and actual state again.'
        case 'slow-pulls':
          if (!(a.seconds > 0 && a.seconds <= 3600)) throw new Error('A slow pull takes 1 to 3600 seconds.')
          images.pulls.set(a.image, { mode: 'slow', seconds: a.seconds })
          return `Pulls of ${a.image ?? 'every image'} now take ${a.seconds} s (simulated slow registry); pods already running keep their image.`
        case 'fail-pulls':
          images.pulls.set(a.image, { mode: 'fail' })
          return `Pulls of ${a.image ?? 'every image'} now fail (simulated registry outage): new pods go to ErrImagePull, then ImagePullBackOff.`
        case 'heal-pulls': {
          const had = images.pulls.lift(a.image)
          // Waiting pods recover at the kubelet's next retry (its back-off, up to 5 minutes), as they would.
          return had
            ? `Pulls of ${a.image ?? 'every image'} work again; pods in back-off recover at the kubelet's next retry.`
            : `Pulls of ${a.image ?? 'every image'} had no simulated trouble.`
        }
      }
    },
    state() {
      return {
        controllersPaused: controllers.paused,
        nodes: api.store.list(nodeDef).map((e) => ({ name: e.obj.metadata.name, ready: nodeIsReady(e.obj) })),
        pulls: images.pulls.list(),
      }
    },
  }
}
