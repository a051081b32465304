import type { ResourceKind } from '@shared/rows'
import type { ColumnList } from './base'
import { namespaceColumn } from './base'
import { podColumns } from './pods'
import { deploymentColumns } from './deployments'
import { replicaSetColumns } from './replicasets'
import { serviceColumns } from './services'
import { configMapColumns } from './configmaps'
import { secretColumns } from './secrets'
import { namespaceColumns } from './namespaces'
import { nodeColumns } from './nodes'
import { eventColumns } from './events'

export type { Column, ColumnList } from './base'

const byKind: Record<ResourceKind, ColumnList> = {
  pods: podColumns,
  deployments: deploymentColumns,
  replicasets: replicaSetColumns,
  services: serviceColumns,
  configmaps: configMapColumns,
  secrets: secretColumns,
  events: eventColumns,
  namespaces: namespaceColumns,
  nodes: nodeColumns,
}

const withNamespace = new Map<ResourceKind, ColumnList>()

/** A kind's columns; across several namespaces a Namespace column comes first, as with `kubectl get -A`. */
export function columnsFor(kind: ResourceKind, showNamespace: boolean): ColumnList {
  const list = byKind[kind]
  if (!showNamespace) return list
  let wide = withNamespace.get(kind)
  if (!wide) withNamespace.set(kind, (wide = [namespaceColumn(), ...list]))
  return wide
}
