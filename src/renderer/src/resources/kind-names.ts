import { kubernetesKind, type ResourceKind } from '@shared/rows'

/** How a kind is called in sentences and headings. */
export const kindNames: Record<ResourceKind, { singular: string; plural: string; title: string }> = {
  pods: { singular: 'pod', plural: 'pods', title: 'Pods' },
  deployments: { singular: 'deployment', plural: 'deployments', title: 'Deployments' },
  replicasets: { singular: 'replica set', plural: 'replica sets', title: 'ReplicaSets' },
  services: { singular: 'service', plural: 'services', title: 'Services' },
  configmaps: { singular: 'config map', plural: 'config maps', title: 'ConfigMaps' },
  secrets: { singular: 'secret', plural: 'secrets', title: 'Secrets' },
  events: { singular: 'event', plural: 'events', title: 'Events' },
  namespaces: { singular: 'namespace', plural: 'namespaces', title: 'Namespaces' },
  nodes: { singular: 'node', plural: 'nodes', title: 'Nodes' },
}

/** Kubernetes kind names as they appear in YAML and owner references. */
export const kindOfResource = kubernetesKind
