import type { resourceMethods, resourceStreams } from '@shared/contract/resources'
import type { KubeService } from '../kube/service'
import type { ConcernHandlers } from './concern'

/** The resource contract's handlers, to spread into backend.ts's method and stream tables. */
export function createResourceHandlers(
  svc: KubeService,
): ConcernHandlers<typeof resourceMethods, typeof resourceStreams> {
  return {
    methods: {
      'resources.detail': (input) => svc.detail(input),
      'resources.yaml': (input) => svc.yaml(input),
      'resources.events': (input) => svc.events(input),
      'resources.delete': (input) => svc.delete(input),
      'secrets.reveal': (input) => svc.revealSecret(input),
      'namespaces.create': (input) => svc.createNamespace(input),
    },
    streams: {
      'resources.watch': (input, signal) => svc.watch(input, signal),
    },
  }
}
