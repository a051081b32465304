import { AppsV1Api, CoreV1Api, type KubeConfig } from '@kubernetes/client-node'
import type { ObjectRef } from '@shared/contract/resources'
import http from 'node:http'
import https from 'node:https'
import { KubeHttpError } from './kube-request'
import { refNamespace } from './object-reads'

/** Every write Skiff makes names itself, so managedFields (and the API server's audit) say who changed what. */
export const FIELD_MANAGER = 'skiff'

/**
 * Deletes one object like `kubectl delete` does: dependents are removed in the background
 * (a Deployment's ReplicaSets and pods), with the grace period the person chose.
 */
export async function deleteObject(
  kc: KubeConfig,
  ref: ObjectRef,
  gracePeriodSeconds?: number,
): Promise<void> {
  const core = kc.makeApiClient(CoreV1Api)
  const apps = kc.makeApiClient(AppsV1Api)
  const common = { name: ref.name, gracePeriodSeconds, propagationPolicy: 'Background' }
  const ns = (): { namespace: string } => ({ namespace: refNamespace(ref) as string })
  switch (ref.kind) {
    case 'pods':
      return void (await core.deleteNamespacedPod({ ...common, ...ns() }))
    case 'services':
      return void (await core.deleteNamespacedService({ ...common, ...ns() }))
    case 'configmaps':
      return void (await core.deleteNamespacedConfigMap({ ...common, ...ns() }))
    case 'secrets':
      return void (await core.deleteNamespacedSecret({ ...common, ...ns() }))
    case 'events':
      return void (await core.deleteNamespacedEvent({ ...common, ...ns() }))
    case 'deployments':
      return void (await apps.deleteNamespacedDeployment({ ...common, ...ns() }))
    case 'replicasets':
      return void (await apps.deleteNamespacedReplicaSet({ ...common, ...ns() }))
    case 'namespaces':
      return void (await core.deleteNamespace(common))
    case 'nodes':
      return void (await core.deleteNode(common))
  }
}

export async function createNamespace(kc: KubeConfig, name: string): Promise<string> {
  const created = await kc
    .makeApiClient(CoreV1Api)
    .createNamespace({ body: { metadata: { name } }, fieldManager: FIELD_MANAGER })
  return created.metadata?.name ?? name
}

/**
 * Deletes the object at an API path, whatever its kind (custom ones too), as `kubectl delete` does: dependents
 * in the background. A DELETE carries DeleteOptions, which has no fieldManager; the finalizer bookkeeping it may
 * cause is the server's own write.
 */
export async function deleteAtPath(kc: KubeConfig, path: string, gracePeriodSeconds?: number): Promise<void> {
  const cluster = kc.getCurrentCluster()
  if (!cluster) throw new Error('The kubeconfig context has no cluster to talk to.')
  const opts: https.RequestOptions = {}
  await kc.applyToHTTPSOptions(opts)
  const url = new URL(cluster.server.replace(/\/$/, '') + path)
  const body = JSON.stringify({
    kind: 'DeleteOptions',
    apiVersion: 'v1',
    propagationPolicy: 'Background',
    ...(gracePeriodSeconds === undefined ? {} : { gracePeriodSeconds }),
  })
  const transport = url.protocol === 'http:' ? http : https
  await new Promise<void>((resolve, reject) => {
    const req = transport.request(
      url,
      {
        ...opts,
        method: 'DELETE',
        headers: {
          ...opts.headers,
          Accept: 'application/json',
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(body),
        },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('error', reject)
        res.on('end', () => {
          const status = res.statusCode ?? 0
          if (status >= 200 && status < 300) resolve()
          else reject(new KubeHttpError(status, Buffer.concat(chunks).toString('utf8')))
        })
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}
