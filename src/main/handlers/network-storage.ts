import type { networkStorageMethods } from '@shared/contract/network-storage'
import { ingressState } from '../resources/ingress'
import type { NetworkStorageDeps } from '../resources/network-storage-deps'
import { readClaimState, readStorageClassState, readVolumeState } from '../resources/storage'
import type { ConcernHandlers } from './concern'

/** Ingress → Service → pods, and claim ↔ volume ↔ class ↔ pods: read-only views that follow references. */
export function createNetworkStorageHandlers(
  deps: NetworkStorageDeps,
): ConcernHandlers<typeof networkStorageMethods, object> {
  return {
    methods: {
      'ingresses.state': (input) => ingressState(deps, input),
      'claims.state': (input) => readClaimState(deps, input),
      'volumes.state': (input) => readVolumeState(deps, input),
      'storageClasses.state': (input) => readStorageClassState(deps, input),
    },
    streams: {},
  }
}
