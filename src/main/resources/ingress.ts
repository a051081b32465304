import { CoreV1Api, DiscoveryV1Api, NetworkingV1Api } from '@kubernetes/client-node'
import type { IngressState } from '@shared/contract'
import { httpStatusOf, kubeCall } from '../errors/policy'
import type { NetworkStorageDeps } from './network-storage-deps'
import { resolveIngress } from './ingress-map'

interface Ref {
  context?: string
  namespace: string
  name: string
}

/** A read that may be refused (RBAC) or missing (an old cluster) without making the whole view fail. */
export async function orEmpty<T>(call: () => Promise<{ items: T[] }>): Promise<T[]> {
  try {
    return (await call()).items
  } catch {
    return []
  }
}

type SecretFound = { state: 'found' | 'missing' | 'unknown'; type?: string }

/** Whether a TLS secret exists (its data is never sent on); 'unknown' when Secrets may not be read here. */
async function secretFound(core: CoreV1Api, namespace: string, name: string): Promise<SecretFound> {
  try {
    const s = await core.readNamespacedSecret({ name, namespace })
    return { state: 'found', ...(s.type ? { type: s.type } : {}) }
  } catch (err) {
    return { state: httpStatusOf(err) === 404 ? 'missing' : 'unknown' }
  }
}

/**
 * An Ingress with each path followed to its Service, port and the pods behind it, its class and controller,
 * TLS secrets checked, and a URL when this Skiff's sandbox serves it. Only the Ingress itself must be readable.
 */
export async function ingressState(deps: NetworkStorageDeps, input: Ref): Promise<IngressState> {
  const kc = await deps.getKubeConfig(input.context)
  const net = kc.makeApiClient(NetworkingV1Api)
  const core = kc.makeApiClient(CoreV1Api)
  const { namespace } = input
  const ingress = await kubeCall(`read ingress "${input.name}"`, () =>
    net.readNamespacedIngress({ name: input.name, namespace }),
  )
  const secretNames = [
    ...new Set((ingress.spec?.tls ?? []).flatMap((t) => (t.secretName ? [t.secretName] : []))),
  ]
  const [services, slices, classes, secrets] = await Promise.all([
    orEmpty(() => core.listNamespacedService({ namespace })),
    orEmpty(() => kc.makeApiClient(DiscoveryV1Api).listNamespacedEndpointSlice({ namespace })),
    orEmpty(() => net.listIngressClass()),
    Promise.all(secretNames.map(async (name) => [name, await secretFound(core, namespace, name)] as const)),
  ])
  const port = deps.sandboxIngressPort?.(kc.getCurrentContext(), kc.getCurrentCluster()?.server)
  return resolveIngress({
    ingress,
    services,
    slices,
    classes,
    secrets: new Map(secrets),
    ...(port === undefined ? {} : { sandboxIngressPort: port }),
  })
}
