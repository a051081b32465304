import type { ResourceKind } from '@shared/rows'

/** Where each kind is listed: its section and, when the section has tabs, its tab. */
export const kindPlaces: Record<ResourceKind, { section: string; tab?: string }> = {
  pods: { section: 'workloads', tab: 'pods' },
  deployments: { section: 'workloads', tab: 'deployments' },
  replicasets: { section: 'workloads', tab: 'replicasets' },
  services: { section: 'network' },
  configmaps: { section: 'config', tab: 'configmaps' },
  secrets: { section: 'config', tab: 'secrets' },
  events: { section: 'events' },
  namespaces: { section: 'namespaces' },
  nodes: { section: 'nodes' },
}

/** The key sequence that opens the n-th section (0-based): G then 1…9, 0. */
export function sectionShortcut(index: number): string | undefined {
  return index < 10 ? `G ${(index + 1) % 10}` : undefined
}

export function goToSection(id: string): void {
  window.location.hash = `#${id}`
}
