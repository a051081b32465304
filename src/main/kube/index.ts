export { createKubeService, type KubeService, type KubeServiceDeps, type PrewarmPace } from './service'
