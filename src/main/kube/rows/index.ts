import type { ResourceKind, Row } from '@shared/rows'
import { deploymentRow } from './deployment-row'
import { eventRow } from './event-row'
import { nodeRow } from './node-row'
import { podRow } from './pod-row'
import { replicaSetRow } from './replicaset-row'
import { serviceRow } from './service-row'
import { configMapRow, namespaceRow, secretRow } from './simple-rows'
import type { WireObject } from './wire'

export type Projector = (obj: WireObject) => Row

/** Object → row, per kind. The caller vouches that the object is of that kind. */
export const projectors: Record<ResourceKind, Projector> = {
  pods: podRow,
  deployments: deploymentRow,
  replicasets: replicaSetRow,
  services: serviceRow,
  configmaps: configMapRow,
  secrets: secretRow,
  events: eventRow,
  namespaces: namespaceRow,
  nodes: nodeRow,
}

export { objectKey } from './base'
export type { WireObject } from './wire'
