import { describe, expect, it } from 'vitest'
import type { KubeGet } from './kube-request'
import { objectEvents } from './object-reads'
import type { WireEvent } from './rows/wire'

const event = (name: string, kind: string, involved: string, reason: string, at: string): WireEvent => ({
  metadata: { name, namespace: 'demo', uid: name },
  involvedObject: { kind, name: involved, namespace: 'demo' },
  reason,
  type: reason === 'Failed' ? 'Warning' : 'Normal',
  lastTimestamp: at,
})

const objects: Record<string, unknown> = {
  '/apis/apps/v1/namespaces/demo/deployments/web': { metadata: { name: 'web', uid: 'd1' } },
  '/apis/apps/v1/namespaces/demo/replicasets': {
    items: [
      {
        metadata: {
          name: 'web-abc12',
          ownerReferences: [{ kind: 'Deployment', uid: 'd1', controller: true }],
        },
      },
      // Another deployment whose name starts the same way must not leak in.
      {
        metadata: {
          name: 'web-api-xyz98',
          ownerReferences: [{ kind: 'Deployment', uid: 'd2', controller: true }],
        },
      },
    ],
  },
  '/api/v1/namespaces/demo/events': {
    items: [
      event('e1', 'Deployment', 'web', 'ScalingReplicaSet', '2026-01-01T00:00:01Z'),
      event('e2', 'ReplicaSet', 'web-abc12', 'SuccessfulCreate', '2026-01-01T00:00:02Z'),
      event('e3', 'Pod', 'web-abc12-q7x2p', 'Failed', '2026-01-01T00:00:03Z'),
      event('e4', 'Pod', 'web-api-xyz98-aaaaa', 'Failed', '2026-01-01T00:00:04Z'),
      event('e5', 'ReplicaSet', 'web-api-xyz98', 'SuccessfulCreate', '2026-01-01T00:00:05Z'),
    ],
  },
}

const get: KubeGet = async (path) => {
  const found = objects[path]
  if (!found) throw new Error(`unexpected GET ${path}`)
  return found
}

describe('a deployment’s events', () => {
  it('include its replica sets’ and pods’ events, newest first, and nobody else’s', async () => {
    const rows = await objectEvents(get, { kind: 'deployments', namespace: 'demo', name: 'web' })
    expect(rows.map((r) => `${r.object} ${r.reason}`)).toEqual([
      'pod/web-abc12-q7x2p Failed',
      'replicaset/web-abc12 SuccessfulCreate',
      'deployment/web ScalingReplicaSet',
    ])
  })
})
