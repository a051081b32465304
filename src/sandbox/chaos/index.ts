import type { ObjectApi } from '../api/objects'
import { resourceByKind } from '../api/resources'
import type { Clock } from '../clock'
import type { Controllers } from '../controllers'
import { nodeIsReady } from '../controllers/kubelet'
import type { Pod } from '../types'
import { crashContainers, evictPods } from './pods'
import { setNodeReady } from './nodes'

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

export interface ChaosState {
  controllersPaused: boolean
  nodes: { name: string; ready: boolean }[]
}

export interface SandboxChaos {
  /** Does it and says what it did, in words; throws an Error whose message a person can act on. */
  act(action: ChaosAction): string
  state(): ChaosState
}

/** Simulated time a pod stays on an unreachable node before eviction (Kubernetes waits 300 s by default). */
export const EVICTION_DELAY_MS = 5000

export function createChaos(api: ObjectApi, controllers: Controllers, clock: Clock): SandboxChaos {
  const podDef = resourceByKind('Pod')
  const nodeDef = resourceByKind('Node')
  const evictions = new Map<string, () => void>()

  const pod = (namespace: string, name: string): Pod => {
    const entry = api.store.get(podDef, namespace, name)
    if (!entry) throw new Error(`There is no pod "${name}" in namespace "${namespace}".`)
    return entry.obj as Pod
  }
  const node = (name: string): void => {
    if (!api.store.get(nodeDef, '', name)) throw new Error(`There is no node "${name}".`)
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
        case 'node-not-ready': {
          node(a.node)
          setNodeReady(api, controllers, a.node, false)
          evictions.get(a.node)?.()
          evictions.set(
            a.node,
            clock.setTimer(EVICTION_DELAY_MS, () => {
              evictions.delete(a.node)
              const entry = api.store.get(nodeDef, '', a.node)
              if (nodeIsReady(entry?.obj)) return
              const message = `Marking for deletion Pod (node ${a.node} is unreachable)`
              evictPods(api, controllers, podsOn(a.node), 'TaintManagerEviction', message)
            }),
          )
          return `Node ${a.node} stopped reporting (simulated); its pods are evicted after ${EVICTION_DELAY_MS / 1000} s.`
        }
        case 'node-ready': {
          node(a.node)
          evictions.get(a.node)?.()
          evictions.delete(a.node)
          setNodeReady(api, controllers, a.node, true)
          return `Node ${a.node} is Ready again (simulated).`
        }
        case 'pause-controllers':
          controllers.setPaused(true)
          return 'Controllers paused (simulated): nothing heals until they resume.'
        case 'resume-controllers':
          controllers.setPaused(false)
          return 'Controllers resumed: they compare desired and actual state again.'
      }
    },
    state() {
      return {
        controllersPaused: controllers.paused,
        nodes: api.store.list(nodeDef).map((e) => ({ name: e.obj.metadata.name, ready: nodeIsReady(e.obj) })),
      }
    },
  }
}
