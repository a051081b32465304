import type { ObjectApi } from '../api/objects'
import { resourceByKind } from '../api/resources'
import { PROVISIONER } from '../controllers/volume-provisioner'

// kind's default storage: the `standard` StorageClass served by the local-path provisioner, binding a
// claim once a pod that uses it is scheduled.
export function installStorageClass(api: ObjectApi): void {
  api.create(resourceByKind('StorageClass'), '', {
    metadata: {
      name: 'standard',
      annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' },
    },
    provisioner: PROVISIONER,
    reclaimPolicy: 'Delete',
    volumeBindingMode: 'WaitForFirstConsumer',
  })
}
