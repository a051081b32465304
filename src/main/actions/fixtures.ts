import type { ObjectLike } from './revisions'

// Test fixtures shaped like what the API server returns for a Deployment and its ReplicaSets.
export const DEPLOYMENT_UID = 'd-uid'

export function template(image: string, hash?: string, extra: Record<string, string> = {}): unknown {
  return {
    metadata: { labels: { app: 'web', ...(hash ? { 'pod-template-hash': hash } : {}) }, ...extra },
    spec: { containers: [{ name: 'web', image, resources: {} }], restartPolicy: 'Always' },
  }
}

export function replicaSet(
  revision: string | undefined,
  image: string,
  opts: { created?: string; cause?: string; owner?: string; replicas?: number; name?: string } = {},
): ObjectLike {
  const hash = `h${revision ?? 'x'}${image.length}`
  return {
    metadata: {
      name: opts.name ?? `web-${hash}`,
      uid: `rs-${hash}`,
      creationTimestamp: opts.created ?? `2026-01-0${revision ?? '1'}T00:00:00Z`,
      annotations: {
        ...(revision !== undefined ? { 'deployment.kubernetes.io/revision': revision } : {}),
        'deployment.kubernetes.io/desired-replicas': '2',
        ...(opts.cause ? { 'kubernetes.io/change-cause': opts.cause } : {}),
      },
      ownerReferences: [{ uid: opts.owner ?? DEPLOYMENT_UID, controller: true }],
    },
    spec: { replicas: opts.replicas ?? 0, template: template(image, hash) },
    status: { replicas: opts.replicas ?? 0, readyReplicas: opts.replicas ?? 0 },
  }
}

export function deployment(
  image: string,
  annotations: Record<string, string> = {},
  paused = false,
): ObjectLike & {
  spec: { paused?: boolean; template?: unknown; replicas?: number }
} {
  return {
    metadata: { name: 'web', uid: DEPLOYMENT_UID, annotations },
    spec: { replicas: 2, paused, template: template(image) },
  }
}
