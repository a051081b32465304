import type { NodeRow } from '@shared/rows'
import { baseFields } from './base'
import type { WireNode } from './wire'

const ROLE_PREFIX = 'node-role.kubernetes.io/'

/** ROLES: the suffixes of node-role.kubernetes.io/* labels plus kubernetes.io/role, sorted and unique. */
export function nodeRoles(labels: Record<string, string> | undefined): string {
  const roles = new Set<string>()
  for (const [k, v] of Object.entries(labels ?? {})) {
    if (k.startsWith(ROLE_PREFIX)) {
      const role = k.slice(ROLE_PREFIX.length)
      if (role) roles.add(role)
    } else if (k === 'kubernetes.io/role' && v) roles.add(v)
  }
  return roles.size ? [...roles].sort().join(',') : '<none>'
}

/** STATUS: Ready / NotReady / Unknown, plus SchedulingDisabled when cordoned. */
export function nodeStatus(node: WireNode): string {
  const ready = node.status?.conditions?.find((c) => c.type === 'Ready')
  const parts = [ready ? (ready.status === 'True' ? 'Ready' : 'NotReady') : 'Unknown']
  if (node.spec?.unschedulable) parts.push('SchedulingDisabled')
  return parts.join(',')
}

function address(node: WireNode, type: string): string {
  return node.status?.addresses?.find((a) => a.type === type)?.address || '<none>'
}

export function nodeRow(node: WireNode): NodeRow {
  const info = node.status?.nodeInfo ?? {}
  const b = baseFields(node)
  return {
    kind: 'nodes',
    key: b.key,
    name: b.name,
    namespace: b.namespace,
    uid: b.uid,
    createdAt: b.createdAt,
    labels: b.labels,
    deleting: b.deleting,
    status: nodeStatus(node),
    roles: nodeRoles(node.metadata?.labels),
    version: info.kubeletVersion ?? '',
    internalIP: address(node, 'InternalIP'),
    externalIP: address(node, 'ExternalIP'),
    osImage: info.osImage || '<unknown>',
    kernelVersion: info.kernelVersion || '<unknown>',
    containerRuntime: info.containerRuntimeVersion || '<unknown>',
  }
}
