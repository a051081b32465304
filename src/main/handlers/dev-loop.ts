import type { KubeConfig } from '@kubernetes/client-node'
import { sandboxContextName } from '@sandbox'
import type { HostImages } from '@shared/contract/dev-loop'
import type { devLoopMethods } from '@shared/contract/dev-loop'
import type { ClusterProvider, JobRunner, ProviderId } from '../clusters'
import { ClusterError } from '../clusters'
import type { MinikubeProvider } from '../clusters/minikube-provider'
import { listServices, readServiceWorld } from '../clusters/service-objects'
import { readWaitingPods } from '../clusters/waiting-pods'
import { serviceUrls } from '../clusters/service-urls'
import type { ConcernHandlers } from './concern'

export interface DevLoopDeps {
  providers: ClusterProvider[]
  jobs: JobRunner
  minikube: MinikubeProvider
  hostImages: () => Promise<HostImages>
  getKubeConfig: (context: string) => Promise<KubeConfig>
  /** The loopback port a running sandbox's simulated ingress controller answers on. */
  sandboxIngressPort: (name: string) => number
}

export function contextOf(provider: ProviderId, name: string): string {
  if (provider === 'kind') return `kind-${name}`
  if (provider === 'sandbox') return sandboxContextName(name)
  return name
}

/** Images, addons and service URLs: the steps after "create cluster". */
export function createDevLoopHandlers(deps: DevLoopDeps): ConcernHandlers<typeof devLoopMethods, object> {
  const providerOf = (id: ProviderId): ClusterProvider => {
    const p = deps.providers.find((x) => x.id === id)
    if (!p) throw new ClusterError(`Unknown cluster provider "${id}"`)
    return p
  }
  return {
    methods: {
      'images.host': () => deps.hostImages(),
      'images.cluster': async ({ provider, name }) => {
        const p = providerOf(provider)
        if (!p.clusterImages) throw new ClusterError(`${provider} clusters cannot list their images`)
        return { images: await p.clusterImages(name) }
      },
      'images.waiting': async ({ provider, name }) => {
        const host = await deps.hostImages()
        const kc = await deps.getKubeConfig(contextOf(provider, name))
        return readWaitingPods(
          kc,
          host.images.map((i) => i.ref),
        )
      },
      'images.load': async ({ provider, name, image }) =>
        deps.jobs.start({ action: 'load-image', provider, name, image }),
      'addons.list': ({ name }) => deps.minikube.addons(name),
      'addons.set': async ({ name, addon, enabled }) =>
        deps.jobs.start({
          action: enabled ? 'enable-addon' : 'disable-addon',
          provider: 'minikube',
          name,
          addon,
        }),
      'services.list': async ({ provider, name }) =>
        listServices(await deps.getKubeConfig(contextOf(provider, name))),
      'services.urls': async ({ provider, name, namespace, service }) => {
        const world = await readServiceWorld(
          await deps.getKubeConfig(contextOf(provider, name)),
          namespace,
          service,
        )
        const ingressPort = provider === 'sandbox' ? deps.sandboxIngressPort(name) : undefined
        return serviceUrls(provider, world.service, world.nodes, world.ingresses, { ingressPort })
      },
      'services.minikubeUrl': async ({ name, namespace, service }) =>
        deps.jobs.start({ action: 'service-url', provider: 'minikube', name, namespace, service }),
    },
    streams: {},
  }
}
