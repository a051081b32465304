export { createKubeService, type KubeService, type KubeServiceDeps } from './service'
export { toApiError } from './errors'
