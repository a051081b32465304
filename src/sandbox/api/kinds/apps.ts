import type { ResourceDef } from '../resources'
import { SCALE, STATUS_VERBS, defineResource as def } from './define'

// apps/v1 beyond Deployments: StatefulSets, DaemonSets and the ControllerRevisions both keep as history.
export const APPS_RESOURCES: ResourceDef[] = [
  def({
    plural: 'statefulsets',
    kind: 'StatefulSet',
    group: 'apps',
    version: 'v1',
    namespaced: true,
    shortNames: ['sts'],
    categories: ['all'],
    subresources: [SCALE, { name: 'status', kind: 'StatefulSet', verbs: STATUS_VERBS }],
  }),
  def({
    plural: 'daemonsets',
    kind: 'DaemonSet',
    group: 'apps',
    version: 'v1',
    namespaced: true,
    shortNames: ['ds'],
    categories: ['all'],
    subresources: [{ name: 'status', kind: 'DaemonSet', verbs: STATUS_VERBS }],
  }),
  def({
    plural: 'controllerrevisions',
    kind: 'ControllerRevision',
    group: 'apps',
    version: 'v1',
    namespaced: true,
    shortNames: [],
    categories: [],
  }),
]
