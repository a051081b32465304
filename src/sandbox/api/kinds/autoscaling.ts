import type { ResourceDef } from '../resources'
import { HPA_V1 } from './hpa-versions'

// autoscaling/v2 HorizontalPodAutoscaler (controllers/hpa.ts), stored as v2 and also served as v1
// (hpa-versions.ts). v2 comes first: it is the preferred version, as in kube-apiserver.
export const AUTOSCALING_RESOURCES: ResourceDef[] = [
  {
    plural: 'horizontalpodautoscalers',
    singular: 'horizontalpodautoscaler',
    kind: 'HorizontalPodAutoscaler',
    group: 'autoscaling',
    version: 'v2',
    namespaced: true,
    shortNames: ['hpa'],
    categories: ['all'],
    verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
    subresources: [{ name: 'status', kind: 'HorizontalPodAutoscaler', verbs: ['get', 'patch', 'update'] }],
    fieldLabels: [],
  },
  HPA_V1,
]
