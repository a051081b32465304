export { createKubeService, type KubeService, type KubeServiceDeps } from './service'
