export { createKubeService, type KubeService, type KubeServiceDeps } from './service'
export { createResourceHandlers, type ResourceMethodHandlers, type ResourceStreamHandlers } from './handlers'
export { toApiError } from './errors'
