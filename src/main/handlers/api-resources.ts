import type { apiResourceMethods, apiResourceStreams } from '@shared/contract/api-resources'
import type { ApiService } from '../resources/api-service'
import type { CatalogService } from '../resources/catalog'
import type { ConcernHandlers } from './concern'

/** Every kind the cluster serves (#16): discovery, Table rows, and one object of any kind. */
export function createApiResourceHandlers(
  svc: ApiService,
  catalog: CatalogService,
): ConcernHandlers<typeof apiResourceMethods, typeof apiResourceStreams> {
  return {
    methods: {
      'apiResources.detail': (input) => svc.detail(input),
      'apiResources.yaml': (input) => svc.yaml(input),
      'apiResources.events': (input) => svc.events(input),
      'apiResources.delete': (input) => svc.delete(input),
      'apiResources.search': (input) => svc.search(input),
    },
    streams: {
      'apiResources.catalog': (input, signal) => catalog.stream(input.context, signal),
      'apiResources.watch': (input, signal) => svc.watch(input, signal),
    },
  }
}
