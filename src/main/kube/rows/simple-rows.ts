import type { ConfigMapRow, NamespaceRow, SecretRow } from '@shared/rows'
import { baseFields } from './base'
import type { WireDataObject } from './wire'

// Rows are single literals (no spread) so each kind keeps one object shape: see baseFields.
const count = (m: Record<string, string> | undefined): number => (m ? Object.keys(m).length : 0)

export function configMapRow(cm: WireDataObject): ConfigMapRow {
  const b = baseFields(cm)
  return {
    kind: 'configmaps',
    key: b.key,
    name: b.name,
    namespace: b.namespace,
    uid: b.uid,
    createdAt: b.createdAt,
    labels: b.labels,
    deleting: b.deleting,
    data: count(cm.data) + count(cm.binaryData),
  }
}

export function secretRow(s: WireDataObject): SecretRow {
  const b = baseFields(s)
  return {
    kind: 'secrets',
    key: b.key,
    name: b.name,
    namespace: b.namespace,
    uid: b.uid,
    createdAt: b.createdAt,
    labels: b.labels,
    deleting: b.deleting,
    type: s.type ?? 'Opaque',
    data: count(s.data),
  }
}

export function namespaceRow(ns: WireDataObject): NamespaceRow {
  const b = baseFields(ns)
  return {
    kind: 'namespaces',
    key: b.key,
    name: b.name,
    namespace: b.namespace,
    uid: b.uid,
    createdAt: b.createdAt,
    labels: b.labels,
    deleting: b.deleting,
    status: ns.status?.phase ?? 'Active',
  }
}
