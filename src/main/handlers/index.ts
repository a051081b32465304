import type { MethodHandlers, StreamHandlers } from '../transport/dispatch'
import type { createActionHandlers } from './actions'
import type { createApiResourceHandlers } from './api-resources'
import type { createClusterHandlers } from './clusters'
import type { createContextHandlers } from './contexts'
import type { createDevLoopHandlers } from './dev-loop'
import type { createManifestHandlers } from './manifests'
import type { createNetworkStorageHandlers } from './network-storage'
import type { createResourceHandlers } from './resources'
import type { createReconcileHandlers } from './reconcile'
import type { createSessionHandlers } from './sessions'
import type { createSystemHandlers } from './system'

export { createActionHandlers } from './actions'
export { createApiResourceHandlers } from './api-resources'
export { createClusterHandlers } from './clusters'
export { createContextHandlers } from './contexts'
export { createDevLoopHandlers } from './dev-loop'
export { createManifestHandlers } from './manifests'
export { createNetworkStorageHandlers } from './network-storage'
export { createResourceHandlers } from './resources'
export { createReconcileHandlers } from './reconcile'
export { createSessionHandlers } from './sessions'
export { createSystemHandlers } from './system'

export interface Concerns {
  system: ReturnType<typeof createSystemHandlers>
  contexts: ReturnType<typeof createContextHandlers>
  clusters: ReturnType<typeof createClusterHandlers>
  resources: ReturnType<typeof createResourceHandlers>
  actions: ReturnType<typeof createActionHandlers>
  devLoop: ReturnType<typeof createDevLoopHandlers>
  apiResources: ReturnType<typeof createApiResourceHandlers>
  manifests: ReturnType<typeof createManifestHandlers>
  sessions: ReturnType<typeof createSessionHandlers>
  reconcile: ReturnType<typeof createReconcileHandlers>
  networkStorage: ReturnType<typeof createNetworkStorageHandlers>
}

/** Every concern's handlers in the dispatcher's two tables; the compiler refuses a contract entry left out. */
export function joinHandlers(c: Concerns): { methods: MethodHandlers; streams: StreamHandlers } {
  return {
    methods: {
      ...c.system.methods,
      ...c.contexts.methods,
      ...c.clusters.methods,
      ...c.resources.methods,
      ...c.actions.methods,
      ...c.devLoop.methods,
      ...c.apiResources.methods,
      ...c.manifests.methods,
      ...c.sessions.methods,
      ...c.reconcile.methods,
      ...c.networkStorage.methods,
    },
    streams: {
      ...c.system.streams,
      ...c.contexts.streams,
      ...c.clusters.streams,
      ...c.resources.streams,
      ...c.actions.streams,
      ...c.devLoop.streams,
      ...c.apiResources.streams,
      ...c.manifests.streams,
      ...c.sessions.streams,
      ...c.reconcile.streams,
      ...c.networkStorage.streams,
    },
  }
}
