import type { ConfigMapRow, PodRow } from '@shared/rows'

/** Row builders for tests: real-shaped rows with only what a test cares about overridden. */
export function podRow(name: string, over: Partial<PodRow> = {}): PodRow {
  const namespace = over.namespace ?? 'demo'
  return {
    kind: 'pods',
    key: `${namespace}/${name}`,
    name,
    namespace,
    uid: `uid-${namespace}-${name}`,
    createdAt: '2026-11-25T12:00:00Z',
    labels: { app: 'web' },
    ready: '1/1',
    status: 'Running',
    phase: 'Running',
    restarts: 0,
    containers: ['main'],
    ...over,
  }
}

export function configMapRow(name: string, data = 1): ConfigMapRow {
  return {
    kind: 'configmaps',
    key: `demo/${name}`,
    name,
    namespace: 'demo',
    uid: `uid-${name}`,
    createdAt: '2026-11-25T12:00:00Z',
    labels: {},
    data,
  }
}
